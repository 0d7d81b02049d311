package io.auditor.collect.parsers;

import io.auditor.collect.Text;
import io.auditor.collect.UnrecognisedOutputException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Cisco RoomOS/CE xAPI reply in terminal mode: {@code *c}, {@code *s} or {@code *r} lines of
 * {@code <path>: <value>} below one prefix, ending with {@code ** end} (and an {@code OK}). Values in quotes are
 * unquoted. An error reply ({@code (status=Error)}) and a line outside the prefix are not understood.
 */
final class XapiReply {
    private static final Pattern REASON = Pattern.compile("\\*r .*Reason: ?(.*)");

    /** Path (after the prefix) to value, in reply order. */
    final Map<String, String> values = new LinkedHashMap<>();
    /** Path to 1-based line. */
    final Map<String, Integer> lines = new LinkedHashMap<>();

    private XapiReply() {}

    /**
     * @param prefix  for example {@code *c xConfiguration Standby }
     * @param command the command echo the unit may print first, skipped
     */
    static XapiReply read(String output, String prefix, String command) throws UnrecognisedOutputException {
        String header = prefix.strip();
        XapiReply r = read(output, Pattern.compile(Pattern.quote(prefix) + "(.+?): ?(.*)"), command, header,
                "not a '" + header + " …' line: ");
        if (r.values.isEmpty()) throw new UnrecognisedOutputException("the reply holds no " + header + " lines", 0);
        return r;
    }

    /**
     * A reply whose value lines match {@code value} (group 1 the path, group 2 the value); others are not understood
     * and reported as {@code notALine} followed by the line. Lines starting {@code header (status=OK)} are skipped
     * when {@code header} is not null. The reply may hold no values.
     */
    static XapiReply read(String output, Pattern value, String command, String header, String notALine)
            throws UnrecognisedOutputException {
        XapiReply r = new XapiReply();
        List<String> lines = Text.lines(output);
        boolean end = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.equals("OK") || line.equals(command)) continue;
            if (line.startsWith("*r ") && line.contains("(status=Error)")) {
                throw new UnrecognisedOutputException("the unit answered with an error" + reason(lines, i), i + 1);
            }
            if (line.equals("** end")) {
                end = true;
                continue;
            }
            if (header != null && line.startsWith(header + " (status=OK)")) continue;
            Matcher m = value.matcher(line);
            if (!m.matches()) throw new UnrecognisedOutputException(notALine + Text.quote(line), i + 1);
            r.values.put(m.group(1).strip(), unquote(m.group(2).strip()));
            r.lines.put(m.group(1).strip(), i + 1);
        }
        if (!end) throw new UnrecognisedOutputException("no '** end' line, so the reply is incomplete", 0);
        return r;
    }

    String get(String path) { return values.get(path); }

    int line(String path) { return lines.getOrDefault(path, 0); }

    /**
     * The value at {@code path} as a whole number of {@code unit}, null when the reply has none; anything else is not
     * understood, reported as {@code what} (for example {@code Standby Delay}).
     */
    Integer number(String path, String what, String unit) throws UnrecognisedOutputException {
        String v = values.get(path);
        if (v == null) return null;
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new UnrecognisedOutputException(what + " " + Text.quote(v) + " is not a number of " + unit, line(path));
        }
    }

    /** The reason an xAPI error reply gives in the {@code *r … Reason:} lines after line {@code from}, or "". */
    static String reason(List<String> lines, int from) {
        for (int i = from; i < lines.size() && lines.get(i).strip().startsWith("*r "); i++) {
            Matcher m = REASON.matcher(lines.get(i).strip());
            if (m.matches()) return ": " + unquote(m.group(1).strip());
        }
        return "";
    }

    static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }
}
