package io.auditor.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Orders release strings the way vendors number them: runs of digits compare as numbers, runs of letters as text
 * (ignoring case), punctuation only separates. So {@code 15.2(7)E10 > 15.2(7)E4}, {@code 2.10 > 2.9} and
 * {@code 8.10.185.0 > 8.5.182.0}; when one version is a prefix of the other, the longer is the later
 * ({@code 15.2(7)E4 > 15.2(7)}). Pre-release words ({@code rc}, {@code beta}) are not treated specially.
 */
public final class Versions {
    private Versions() {}

    public static int compare(String a, String b) {
        List<String> x = tokens(a), y = tokens(b);
        for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
            String p = x.get(i), q = y.get(i);
            boolean pn = Character.isDigit(p.charAt(0)), qn = Character.isDigit(q.charAt(0));
            int c;
            if (pn && qn) c = compareNumbers(p, q);
            else if (pn) c = 1;        // 1.2.3 after 1.2.a: a number outranks a letter in the same place
            else if (qn) c = -1;
            else c = p.compareToIgnoreCase(q);
            if (c != 0) return Integer.signum(c);
        }
        return Integer.compare(x.size(), y.size());
    }

    /** True when {@code version} is older than {@code minimum}. */
    public static boolean below(String version, String minimum) {
        return version != null && minimum != null && compare(version, minimum) < 0;
    }

    /**
     * True when {@code version} lies in the release line {@code prefix}: equal to it, or continuing it after a
     * separator ({@code 12.7} is in line {@code 12}; {@code 120.1} is not); {@code *} is every version.
     */
    public static boolean inLine(String version, String prefix) {
        if (version == null || prefix == null) return false;
        String v = version.strip().toLowerCase(Locale.ROOT), p = prefix.strip().toLowerCase(Locale.ROOT);
        if (p.isEmpty() || p.equals("*")) return true;
        if (!v.startsWith(p)) return false;
        if (v.length() == p.length()) return true;
        char next = v.charAt(p.length());
        char last = p.charAt(p.length() - 1);
        return !(Character.isLetterOrDigit(next) && Character.isLetterOrDigit(last)
                && Character.isDigit(next) == Character.isDigit(last));
    }

    static List<String> tokens(String s) {
        List<String> out = new ArrayList<>();
        if (s == null) return out;
        StringBuilder run = new StringBuilder();
        int kind = 0; // 1 digit, 2 letter
        for (char c : s.strip().toCharArray()) {
            int k = Character.isDigit(c) ? 1 : Character.isLetter(c) ? 2 : 0;
            if (k != kind && run.length() > 0) {
                out.add(run.toString());
                run.setLength(0);
            }
            kind = k;
            if (k != 0) run.append(c);
        }
        if (run.length() > 0) out.add(run.toString());
        return out;
    }

    private static int compareNumbers(String p, String q) {
        String a = p.replaceFirst("^0+(?=.)", ""), b = q.replaceFirst("^0+(?=.)", "");
        if (a.length() != b.length()) return Integer.compare(a.length(), b.length());
        return a.compareTo(b);
    }
}
