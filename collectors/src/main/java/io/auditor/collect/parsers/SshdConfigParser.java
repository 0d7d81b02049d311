package io.auditor.collect.parsers;

import io.auditor.collect.Parser;
import io.auditor.collect.Text;
import io.auditor.collect.UnrecognisedOutputException;
import io.auditor.model.Observation;
import io.auditor.model.facts.Fact;
import io.auditor.model.facts.SshServerConfig;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SSH server's configuration, in one of two shapes the {@code sshd-config} probe prints:
 * <ul>
 *   <li>{@code sshd -T}: every setting in effect, one {@code keyword value} line each, keywords in lower case;</li>
 *   <li>when {@code sshd -T} was not permitted (it needs root to read the host keys): a line
 *       {@code # sshd -T unavailable (exit N): <its first line>} and then {@code tail -n +1} of
 *       {@code /etc/ssh/sshd_config} and {@code /etc/ssh/sshd_config.d/*.conf} ({@code ==> file <==} headers).
 *       The files are read as sshd reads them: first value wins, {@code Include} is followed in place, keywords are
 *       case-insensitive and {@code Match} blocks are skipped (they apply to some logins only). A setting that is not
 *       written takes OpenSSH's default.</li>
 * </ul>
 */
public final class SshdConfigParser implements Parser {
    static final String UNAVAILABLE = "# sshd -T unavailable";
    static final String MAIN = "/etc/ssh/sshd_config";
    /** OpenSSH's defaults (since 7.0) for the settings the rules read. */
    private static final Map<String, String> DEFAULTS = Map.of("permitrootlogin", "prohibit-password",
            "passwordauthentication", "yes", "banner", "none");
    private static final Pattern EFFECTIVE_LINE = Pattern.compile("([a-z][a-z0-9]*) (.*)");
    private static final Pattern CONFIG_LINE = Pattern.compile("\\s*([A-Za-z][A-Za-z0-9]*)(?:\\s*=\\s*|\\s+)(.*?)\\s*");
    private static final int MAX_INCLUDE_DEPTH = 16;

    @Override
    public String id() { return "sshd-config"; }

    @Override
    public List<Fact> parse(Observation obs) throws UnrecognisedOutputException {
        List<String> lines = Text.lines(obs.output());
        int first = 0;
        while (first < lines.size() && lines.get(first).isBlank()) first++;
        if (first == lines.size()) throw new UnrecognisedOutputException("no output; expected sshd -T settings", 0);
        if (lines.get(first).startsWith(UNAVAILABLE)) return List.of(fromFiles(obs, lines, first));
        return List.of(effective(obs, lines));
    }

    private static SshServerConfig effective(Observation obs, List<String> lines) throws UnrecognisedOutputException {
        Map<String, String> settings = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) continue;
            Matcher m = EFFECTIVE_LINE.matcher(line);
            if (!m.matches()) {
                throw new UnrecognisedOutputException("expected sshd -T lines 'keyword value', found " + Text.quote(line),
                        i + 1);
            }
            settings.putIfAbsent(m.group(1), m.group(2).strip());
        }
        if (!settings.containsKey("permitrootlogin")) {
            throw new UnrecognisedOutputException("sshd -T output has no permitrootlogin line", 0);
        }
        return new SshServerConfig(obs.deviceId(), obs.probeId(), true, rootLogin(settings.get("permitrootlogin")),
                lower(settings.get("passwordauthentication")), clean(settings.get("banner")), "effective settings (sshd -T)");
    }

    private SshServerConfig fromFiles(Observation obs, List<String> lines, int first)
            throws UnrecognisedOutputException {
        String why = Text.clean(lines.get(first).substring(UNAVAILABLE.length()), 120);
        // A missing file is an answer (no drop-in folder, or the glob matched nothing); TailFiles keeps only the others.
        TailFiles tail = TailFiles.read(lines, first + 1,
                "expected a '==> file <==' header before configuration lines, found ");
        if (!tail.files.containsKey(MAIN)) {
            String reason = tail.unreadable.getOrDefault(MAIN, "not in the output");
            throw new UnrecognisedOutputException("sshd -T was not available (" + why + ") and " + MAIN
                    + " could not be read (" + reason + "): give the audit account the right to run sshd -T"
                    + " (see docs/endpoint-probes.md)", first + 1);
        }
        Reading r = new Reading(tail);
        r.read(MAIN, 0);
        String detail = "worked out from " + String.join(", ", r.read) + " because sshd -T was not available ("
                + why + "); Match blocks not evaluated"
                + (r.unknownFrom == null ? "" : "; " + r.unknownFrom + " could not be read");
        return new SshServerConfig(obs.deviceId(), obs.probeId(), false, rootLogin(r.value("permitrootlogin")),
                lower(r.value("passwordauthentication")), clean(r.value("banner")), Text.clean(detail, 600));
    }

    /** One pass over the configuration files in sshd's order. */
    private static final class Reading {
        final Map<String, List<String>> files;
        final Map<String, Integer> fileLine;
        final Map<String, String> unreadable;
        final Map<String, String> values = new HashMap<>();
        /** Keys first set after an unreadable included file: that file may have set them first. */
        final Set<String> uncertain = new LinkedHashSet<>();
        final Set<String> read = new LinkedHashSet<>();
        /** The files being read, outermost first: a file that includes itself (directly or not) is a loop. */
        final List<String> chain = new ArrayList<>();
        String unknownFrom;

        Reading(TailFiles tail) {
            this.files = tail.files;
            this.fileLine = tail.firstLine;
            this.unreadable = tail.unreadable;
        }

        String value(String key) {
            if (values.containsKey(key)) return uncertain.contains(key) ? null : values.get(key);
            return unknownFrom != null ? null : DEFAULTS.get(key);
        }

        void read(String file, int depth) throws UnrecognisedOutputException {
            if (depth > MAX_INCLUDE_DEPTH) {
                throw new UnrecognisedOutputException("Include nested deeper than " + MAX_INCLUDE_DEPTH + " at " + file, 0);
            }
            if (chain.contains(file)) {
                throw new UnrecognisedOutputException("Include loop: " + String.join(" → ", chain) + " → " + file, 0);
            }
            chain.add(file);
            read.add(file);
            boolean inMatch = false;
            List<String> lines = files.get(file);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (line.isEmpty() || line.startsWith("#")) continue;
                Matcher m = CONFIG_LINE.matcher(line);
                if (!m.matches()) {
                    throw new UnrecognisedOutputException(file + ": not a configuration line " + Text.quote(line),
                            fileLine.get(file) + i);
                }
                String key = m.group(1).toLowerCase(Locale.ROOT);
                String value = unquote(m.group(2));
                if (key.equals("match")) {
                    inMatch = true;
                } else if (key.equals("include")) {
                    // An Include inside a Match block applies to matching logins only, like the rest of the block.
                    if (!inMatch) include(value, depth);
                } else if (!inMatch && !values.containsKey(key)) {
                    values.put(key, value);
                    if (unknownFrom != null) uncertain.add(key);
                }
            }
            chain.remove(chain.size() - 1);
        }

        private void include(String patterns, int depth) throws UnrecognisedOutputException {
            for (String pattern : patterns.split("\\s+")) {
                String absolute = pattern.startsWith("/") ? pattern : "/etc/ssh/" + pattern;
                PathMatcher glob = FileSystems.getDefault().getPathMatcher("glob:" + absolute);
                // sshd expands the glob in lexical order; an unreadable file may set what the files after it set.
                Set<String> matched = new java.util.TreeSet<>();
                for (String f : files.keySet()) if (glob.matches(Path.of(f))) matched.add(f);
                for (String f : unreadable.keySet()) if (glob.matches(Path.of(f))) matched.add(f);
                for (String f : matched) {
                    if (files.containsKey(f)) read(f, depth + 1);
                    else if (unknownFrom == null) unknownFrom = f;
                }
            }
        }
    }

    private static String unquote(String v) {
        return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
    }

    /** Device text bound for evidence: control characters removed, length bounded. */
    private static String clean(String v) {
        return v == null ? null : Text.clean(v, 200);
    }

    private static String lower(String v) {
        return v == null ? null : Text.clean(v, 60).toLowerCase(Locale.ROOT);
    }

    /** {@code without-password} is the older spelling of {@code prohibit-password}, and sshd -T still prints it. */
    private static String rootLogin(String v) {
        String s = lower(v);
        return "without-password".equals(s) ? "prohibit-password" : s;
    }
}
