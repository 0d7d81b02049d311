package io.auditor.collect.parsers;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Safe search forced by DNS: the resolver answers the search engines' names with their safe hosts
 * ({@code forcesafesearch.google.com}, {@code strict.bing.com}, {@code restrict.youtube.com}), which is how a
 * school enforces it on a firewall's Unbound custom options. pfSense stores those options base64-encoded.
 */
final class DnsSafeSearch {
    private static final Map<String, List<String>> MARKERS = Map.of(
            "google", List.of("forcesafesearch.google.com"),
            "bing", List.of("strict.bing.com"),
            "youtube", List.of("restrict.youtube.com", "restrictmoderate.youtube.com"));

    private DnsSafeSearch() {}

    /** Adds the engines the options force to {@code engines}; returns how, or null when none. */
    static String engines(String customOptions, Set<String> engines) {
        if (customOptions == null) return null;
        String text = decode(customOptions);
        List<String> found = new ArrayList<>();
        for (String engine : List.of("google", "bing", "youtube")) {
            for (String marker : MARKERS.get(engine)) {
                if (text.contains(marker)) {
                    engines.add(engine);
                    found.add(engine);
                    break;
                }
            }
        }
        return found.isEmpty() ? null : "DNS resolver custom options point " + String.join(", ", found)
                + " at their safe-search hosts";
    }

    private static String decode(String s) {
        String compact = s.replaceAll("\\s+", "");
        try {
            return new String(Base64.getDecoder().decode(compact), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return s;
        }
    }
}
