package io.auditor.model;

import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * An approved exception: a GAP of {@code control} on devices matching {@code devicePattern} (an id or a
 * glob such as {@code ws-*}) is reported WAIVED from {@code effective} until {@code expires} inclusive.
 *
 * @param source where it was written, {@code file:line}, so a report can point at it
 */
public record Waiver(String control, String devicePattern, String reason, String riskAccepted, String approvedBy,
                     LocalDate effective, LocalDate expires, String source) {

    public boolean matches(String controlId, String deviceId) {
        return control.equals(controlId) && globMatches(devicePattern, deviceId);
    }

    public boolean activeOn(LocalDate day) {
        return !day.isBefore(effective) && !day.isAfter(expires);
    }

    public boolean expiredOn(LocalDate day) { return day.isAfter(expires); }

    /** Globs come from the profile and waivers (a handful), but are matched against every admin of every device. */
    private static final Map<String, Pattern> GLOBS = new ConcurrentHashMap<>();

    /** {@code *} any run of characters, {@code ?} one character; everything else literal. */
    public static boolean globMatches(String glob, String text) {
        return GLOBS.computeIfAbsent(glob, g -> Pattern.compile(globToRegex(g))).matcher(text).matches();
    }

    private static String globToRegex(String glob) {
        StringBuilder sb = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> sb.append(".*");
                case '?' -> sb.append('.');
                default -> sb.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return sb.toString();
    }
}
