package io.auditor.collect.parsers;

import io.auditor.collect.Parser;
import io.auditor.collect.Text;
import io.auditor.collect.UnrecognisedOutputException;
import io.auditor.model.Observation;
import io.auditor.model.facts.AutomaticUpdates;
import io.auditor.model.facts.Fact;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code apt-config dump APT::Periodic} followed by {@code dpkg-query}'s status of unattended-upgrades.
 * Automatic updates are on when the package is installed and apt's daily job both refreshes the package
 * lists ({@code Update-Package-Lists}) and runs it ({@code Unattended-Upgrade}); apt treats an unset value as 0.
 */
public final class AptAutomaticParser implements Parser {
    static final String LISTS = "APT::Periodic::Update-Package-Lists";
    static final String RUN = "APT::Periodic::Unattended-Upgrade";

    private static final Pattern CONFIG = Pattern.compile("(APT::Periodic(?:::\\S*)?) \"(.*)\";");
    private static final String PACKAGE = "unattended-upgrades ";
    private static final String NOT_FOUND = "dpkg-query: no packages found matching unattended-upgrades";
    /** dpkg's want, status and error-flag letters. */
    private static final Pattern ABBREV = Pattern.compile("[uihrp][ncHUFWti][ R]?");
    private static final Pattern ZERO = Pattern.compile("0+[smhdw]?");

    @Override
    public String id() { return "apt-automatic"; }

    @Override
    public List<Fact> parse(Observation obs) throws UnrecognisedOutputException {
        Map<String, String> config = new LinkedHashMap<>();
        Boolean installed = null;
        String status = null;
        String version = null;
        List<String> lines = Text.lines(obs.output());
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).stripTrailing();
            if (line.isBlank()) continue;
            Matcher m = CONFIG.matcher(line);
            if (m.matches()) {
                config.put(m.group(1), m.group(2));
            } else if (line.startsWith(PACKAGE) && installed == null) {
                String rest = line.substring(PACKAGE.length());
                String abbrev = rest.length() >= 3 ? rest.substring(0, 3) : rest;
                if (!ABBREV.matcher(abbrev).matches()) {
                    throw new UnrecognisedOutputException("not a dpkg status " + Text.quote(abbrev), i + 1);
                }
                status = abbrev.strip();
                version = rest.length() > 3 ? rest.substring(3).strip() : "";
                installed = "iWt".indexOf(abbrev.charAt(1)) >= 0;
            } else if (line.equals(NOT_FOUND) && installed == null) {
                installed = false;
            } else {
                throw new UnrecognisedOutputException("expected APT::Periodic settings or the unattended-upgrades "
                        + "package status, found " + Text.quote(line), i + 1);
            }
        }
        if (installed == null) {
            throw new UnrecognisedOutputException("no dpkg-query line for the unattended-upgrades package", 0);
        }
        String lists = config.get(LISTS);
        String run = config.get(RUN);
        boolean enabled = installed && nonZero(lists) && nonZero(run);

        StringBuilder detail = new StringBuilder("unattended-upgrades ");
        if (installed) detail.append(version).append(" installed (").append(status).append(')');
        else if (status != null) detail.append("not installed (dpkg status ").append(status).append(')');
        else detail.append("not installed");
        detail.append("; ").append(setting(LISTS, lists)).append("; ").append(setting(RUN, run));
        return List.of(new AutomaticUpdates(obs.deviceId(), obs.probeId(), "unattended-upgrades", enabled,
                detail.toString()));
    }

    private static boolean nonZero(String v) {
        return v != null && !v.isBlank() && !ZERO.matcher(v.strip()).matches();
    }

    private static String setting(String key, String value) {
        return value == null ? key + " not set" : key + " \"" + value + "\"";
    }
}
