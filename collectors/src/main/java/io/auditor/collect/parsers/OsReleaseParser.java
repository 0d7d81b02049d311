package io.auditor.collect.parsers;

import io.auditor.collect.Parser;
import io.auditor.collect.Text;
import io.auditor.collect.UnrecognisedOutputException;
import io.auditor.model.Observation;
import io.auditor.model.facts.Fact;
import io.auditor.model.facts.SoftwareRelease;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code /etc/os-release} (os-release(5)): shell-style {@code KEY=value} lines, values optionally in single or double
 * quotes. The release is {@code NAME} and {@code VERSION_ID} (for example {@code Debian GNU/Linux} 12,
 * {@code Red Hat Enterprise Linux} 9.4), the identifiers end-of-support tables use.
 */
public final class OsReleaseParser implements Parser {
    private static final Pattern LINE = Pattern.compile("([A-Z][A-Z0-9_]*)=(.*)");

    @Override
    public String id() { return "os-release"; }

    @Override
    public List<Fact> parse(Observation obs) throws UnrecognisedOutputException {
        Map<String, String> values = new HashMap<>();
        List<String> lines = Text.lines(obs.output());
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                throw new UnrecognisedOutputException("expected os-release lines KEY=value, found " + Text.quote(line), i + 1);
            }
            values.putIfAbsent(m.group(1), unquote(m.group(2)));
        }
        String name = values.get("NAME");
        String version = values.get("VERSION_ID");
        if (name == null || name.isBlank()) throw new UnrecognisedOutputException("os-release has no NAME", 0);
        if (version == null || version.isBlank()) {
            // Rolling releases (Debian testing, Arch) have no VERSION_ID; no support table can place them.
            throw new UnrecognisedOutputException("os-release of " + Text.quote(name) + " has no VERSION_ID", 0);
        }
        return List.of(new SoftwareRelease(obs.deviceId(), obs.probeId(), Text.clean(name, 80), Text.clean(version, 40)));
    }

    /** os-release(5): values may be enclosed in single or double quotes, with shell escapes inside double quotes. */
    private static String unquote(String v) {
        String s = v.strip();
        if (s.length() >= 2 && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("'") && s.endsWith("'"))) {
            boolean dq = s.startsWith("\"");
            s = s.substring(1, s.length() - 1);
            if (dq) s = s.replaceAll("\\\\([\"$`\\\\])", "$1");
        }
        return s;
    }
}
