package io.auditor.model;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The school's thresholds and lists, already validated against the rule pack's declared parameters and
 * merged over their defaults. Rules read it as the global {@code profile}.
 *
 * @param name   the profile's name (file name, or {@code built-in defaults})
 * @param sha256 hash of the profile file's bytes (empty for built-in defaults), recorded with each run
 * @param values parameter key (for example {@code patch.maxAgeDays}) to value: Integer, String, Boolean or
 *               List of String
 */
public record PolicyProfile(String name, String sha256, Map<String, Object> values) {
    public PolicyProfile {
        values = Map.copyOf(values);
    }

    public Object value(String key) {
        Object v = values.get(key);
        if (v == null) throw new NoSuchElementException("profile has no parameter '" + key + "'");
        return v;
    }

    public int integer(String key) { return ((Number) value(key)).intValue(); }

    public Duration days(String key) { return Duration.ofDays(integer(key)); }

    public Duration hours(String key) { return Duration.ofHours(integer(key)); }

    public boolean flag(String key) { return (Boolean) value(key); }

    @SuppressWarnings("unchecked")
    public List<String> list(String key) { return (List<String>) value(key); }

    /**
     * True when {@code name} matches an entry of the list parameter {@code key}; entries are
     * case-insensitive globs ({@code *}, {@code ?}), as account names on Windows are case-insensitive.
     */
    public boolean listMatches(String key, String name) {
        String n = name.toLowerCase(Locale.ROOT);
        for (String entry : list(key)) {
            if (Waiver.globMatches(entry.toLowerCase(Locale.ROOT), n)) return true;
        }
        return false;
    }
}
