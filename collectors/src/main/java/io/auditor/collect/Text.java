package io.auditor.collect;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Line handling shared by the parsers and the collector: tolerant of CRLF and a byte-order mark, never of
 * content; the one way device output is shortened and cleaned before it is quoted in a message; and the one
 * way a time limit is named in one.
 */
public final class Text {
    private Text() {}

    /** The output's lines without terminators; a final line terminator does not add an empty line. */
    public static List<String> lines(String output) {
        String s = stripBom(output == null ? "" : output);
        List<String> lines = new ArrayList<>(List.of(s.split("\r?\n|\r", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) lines.remove(lines.size() - 1);
        return lines;
    }

    public static String stripBom(String s) {
        return s != null && s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    /** A fragment of the output safe to quote in a message: control characters removed, at most 80 characters. */
    public static String quote(String s) {
        return "'" + clean(s, 80) + "'";
    }

    /** A limit as a technician wrote it: {@code 500 ms}, {@code 60 s}, {@code 1.5 s}. */
    public static String duration(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) return ms + " ms";
        return ms % 1000 == 0 ? (ms / 1000) + " s" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    /**
     * {@code s} without control characters or byte-order marks, stripped, and cut to at most {@code max}
     * characters (ending in "…", never splitting a surrogate pair).
     */
    public static String clean(String s, int max) {
        StringBuilder sb = new StringBuilder();
        s.codePoints().filter(c -> !Character.isISOControl(c) && c != '\uFEFF').forEach(sb::appendCodePoint);
        String q = sb.toString().strip();
        if (q.length() <= max) return q;
        int end = max - 1;
        if (Character.isHighSurrogate(q.charAt(end - 1))) end--;
        return q.substring(0, end) + "…";
    }
}
