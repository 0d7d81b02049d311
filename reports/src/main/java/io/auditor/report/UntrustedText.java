package io.auditor.report;

/**
 * Makes text that came from a device (or any file a user did not write for the terminal) safe to print.
 * A device can put escape sequences in a package name or a banner; printed raw they could recolour,
 * hide or rewrite lines of the report, set the window title or, on some terminals, inject input.
 */
public final class UntrustedText {
    private static final char ESC = 0x1B;
    private static final char BEL = 0x07;
    private static final char CSI_8BIT = 0x9B;
    private static final char OSC_8BIT = 0x9D;
    private static final char ST_8BIT = 0x9C;

    private UntrustedText() {}

    /**
     * Removes ANSI/VT escape sequences (CSI, OSC, DCS and two-character escapes, 7- and 8-bit forms), every
     * other C0 and C1 control character except newline and tab, DEL, and Unicode bidirectional overrides
     * (which can make a line read differently from what it contains). A carriage return is dropped, so
     * {@code \r\n} becomes {@code \n} and a bare {@code \r} cannot overwrite the start of a line.
     */
    public static String sanitise(String text) {
        if (text == null) return "";
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == ESC) {
                i = skipEscape(text, i + 1);
            } else if (c == CSI_8BIT) {
                i = skipCsi(text, i + 1);
            } else if (c == OSC_8BIT || c == 0x90 || c == 0x98 || c == 0x9E || c == 0x9F) {
                // OSC, DCS, SOS, PM, APC: a string ended by BEL or ST.
                i = skipString(text, i + 1);
            } else if (c == '\n' || c == '\t') {
                out.append(c);
                i++;
            } else if (c < 0x20 || c == 0x7F || isC1Control(c) || isBidiControl(c)) {
                i++;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** Sanitises and folds the text onto one line (newlines and tabs become spaces). */
    public static String oneLine(String text) {
        return sanitise(text).replace('\n', ' ').replace('\t', ' ').strip();
    }

    private static int skipEscape(String s, int i) {
        if (i >= s.length()) return i;
        char c = s.charAt(i);
        return switch (c) {
            case '[' -> skipCsi(s, i + 1);
            case ']', 'P', 'X', '^', '_' -> skipString(s, i + 1);
            default -> {
                // nF sequences: intermediates 0x20-0x2F then one final byte; otherwise ESC + one char.
                int j = i;
                while (j < s.length() && s.charAt(j) >= 0x20 && s.charAt(j) <= 0x2F) j++;
                yield Math.min(j + 1, s.length());
            }
        };
    }

    /** Parameters 0x30-0x3F, intermediates 0x20-0x2F, one final byte 0x40-0x7E. */
    private static int skipCsi(String s, int i) {
        int j = i;
        while (j < s.length()) {
            char c = s.charAt(j);
            if (c >= 0x40 && c <= 0x7E) return j + 1;
            if (c < 0x20 || c > 0x3F) return j; // malformed: stop, the rest is filtered as ordinary text
            j++;
        }
        return j;
    }

    /** Up to BEL, ESC \ or 8-bit ST; an unterminated string swallows the rest, as a terminal would. */
    private static int skipString(String s, int i) {
        int j = i;
        while (j < s.length()) {
            char c = s.charAt(j);
            if (c == BEL || c == ST_8BIT) return j + 1;
            if (c == ESC && j + 1 < s.length() && s.charAt(j + 1) == '\\') return j + 2;
            j++;
        }
        return j;
    }

    static boolean isC1Control(int c) {
        return c >= 0x80 && c <= 0x9F;
    }

    /** Marks and overrides that reorder or hide text: ALM, LRM, RLM, LRE…RLO and the isolates LRI…PDI. */
    static boolean isBidiControl(int c) {
        return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F
                || c == 0x061C;
    }
}
