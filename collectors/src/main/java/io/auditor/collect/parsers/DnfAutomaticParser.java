package io.auditor.collect.parsers;

import io.auditor.collect.Parser;
import io.auditor.collect.Text;
import io.auditor.collect.UnrecognisedOutputException;
import io.auditor.model.Observation;
import io.auditor.model.facts.AutomaticUpdates;
import io.auditor.model.facts.Fact;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code dnf-automatic} probe: {@code systemctl show} blocks (Id, LoadState, ActiveState, UnitFileState) for
 * {@code dnf-automatic.timer} and {@code dnf-automatic-install.timer}, then the {@code apply_updates} line of
 * {@code /etc/dnf/automatic.conf} (or grep's complaint that the file does not exist). Updates install by themselves
 * when dnf-automatic-install.timer is active, or dnf-automatic.timer is active with {@code apply_updates = yes}.
 */
public final class DnfAutomaticParser implements Parser {
    static final String TIMER = "dnf-automatic.timer";
    static final String INSTALL_TIMER = "dnf-automatic-install.timer";
    private static final Pattern PROPERTY = Pattern.compile("([A-Za-z]+)=(.*)");
    private static final Pattern APPLY = Pattern.compile("apply_updates\\s*=\\s*(\\S+)");
    private static final Pattern NO_CONF = Pattern.compile("grep: /etc/dnf/automatic\\.conf: No such file or directory");

    @Override
    public String id() { return "dnf-automatic"; }

    @Override
    public List<Fact> parse(Observation obs) throws UnrecognisedOutputException {
        Map<String, Map<String, String>> units = new HashMap<>();
        Map<String, String> block = new HashMap<>();
        String apply = null;
        boolean conf = true;
        List<String> lines = Text.lines(obs.output());
        for (int i = 0; i <= lines.size(); i++) {
            String s = i < lines.size() ? lines.get(i).strip() : "";
            Matcher p = PROPERTY.matcher(s);
            Matcher a = APPLY.matcher(s);
            if (a.matches()) {
                apply = a.group(1);
            } else if (NO_CONF.matcher(s).matches()) {
                conf = false;
            } else if (p.matches()) {
                block.put(p.group(1), p.group(2));
                continue;
            } else if (!s.isEmpty()) {
                throw new UnrecognisedOutputException("expected systemctl properties or apply_updates, found " + Text.quote(s), i + 1);
            }
            if (!block.isEmpty()) {
                if (block.get("Id") == null) throw new UnrecognisedOutputException("a systemctl block has no Id=", i);
                units.put(block.get("Id"), block);
                block = new HashMap<>();
            }
        }
        for (String unit : List.of(TIMER, INSTALL_TIMER)) {
            if (!units.containsKey(unit) || units.get(unit).get("ActiveState") == null) {
                throw new UnrecognisedOutputException("no systemctl ActiveState for " + unit, 0);
            }
        }
        boolean timer = active(units.get(TIMER));
        boolean installTimer = active(units.get(INSTALL_TIMER));
        boolean applies = apply != null && List.of("yes", "true", "1", "on").contains(apply.toLowerCase(java.util.Locale.ROOT));
        boolean enabled = installTimer || (timer && applies);
        String detail = TIMER + " " + state(units.get(TIMER)) + ", " + INSTALL_TIMER + " " + state(units.get(INSTALL_TIMER))
                + "; " + (!conf ? "/etc/dnf/automatic.conf missing (dnf-automatic not installed)"
                : apply == null ? "apply_updates not set (default no)" : "apply_updates = " + Text.clean(apply, 20));
        return List.of(new AutomaticUpdates(obs.deviceId(), obs.probeId(), "dnf-automatic", enabled, detail));
    }

    private static boolean active(Map<String, String> u) {
        return "loaded".equals(u.get("LoadState")) && "active".equals(u.get("ActiveState"));
    }

    private static String state(Map<String, String> u) {
        return "not-found".equals(u.get("LoadState")) ? "not installed" : u.get("ActiveState")
                + (u.get("UnitFileState") == null ? "" : " (" + u.get("UnitFileState") + ")");
    }
}
