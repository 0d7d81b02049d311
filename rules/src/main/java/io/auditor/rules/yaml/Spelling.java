package io.auditor.rules.yaml;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** Finds the word a user probably meant, for the "did you mean …?" hints of every input file. */
public final class Spelling {
    private Spelling() {}

    /**
     * The closest candidate, if it is close enough to be a plausible typo: same word in another case, or
     * at most two edits away (three for long words), counting a swap of neighbours as one edit.
     */
    public static Optional<String> nearest(String word, Collection<String> candidates) {
        if (word == null) return Optional.empty();
        String w = word.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = distance(w, c.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        int allowed = Math.max(2, Math.min(3, w.length() / 4));
        return best != null && bestDistance <= allowed && bestDistance < w.length()
                ? Optional.of(best) : Optional.empty();
    }

    /** Optimal string alignment distance (Levenshtein plus adjacent transpositions). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) d[i][0] = i;
        for (int j = 0; j <= b.length(); j++) d[0][j] = j;
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
