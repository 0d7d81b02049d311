package io.auditor.collect.parsers;

import java.util.ArrayList;
import java.util.List;

/** Line handling shared by the parsers: tolerant of CRLF and a byte-order mark, never of content. */
final class Text {
    private Text() {}

    /** The output's lines without terminators; a final line terminator does not add an empty line. */
    static List<String> lines(String output) {
        String s = stripBom(output == null ? "" : output);
        List<String> lines = new ArrayList<>(List.of(s.split("\r?\n|\r", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) lines.remove(lines.size() - 1);
        return lines;
    }

    static String stripBom(String s) {
        return s != null && s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    /** A fragment of the output safe to quote in a message: control characters removed, at most 80 characters. */
    static String quote(String s) {
        StringBuilder sb = new StringBuilder();
        s.codePoints().filter(c -> !Character.isISOControl(c)).forEach(sb::appendCodePoint);
        String q = sb.toString().strip();
        if (q.length() > 80) q = q.substring(0, 79) + "…";
        return "'" + q + "'";
    }
}
