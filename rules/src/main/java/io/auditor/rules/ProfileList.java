package io.auditor.rules;

import io.auditor.model.Device;
import io.auditor.model.PolicyProfile;
import io.auditor.model.Waiver;

import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Checks against the profile's list parameters, for rule conditions. (Written as static calls so Drools does
 * not mistake the {@code profile} global for a property of the matched fact.)
 */
public final class ProfileList {
    private ProfileList() {}

    /** True when the device has any role named in the list parameter {@code key}. */
    public static boolean hasRole(PolicyProfile profile, String key, Device device) {
        return device.hasAnyRole(profile.list(key).toArray(new String[0]));
    }

    /** True when {@code name} matches an entry (case-insensitive glob) of the list parameter {@code key}. */
    public static boolean matches(PolicyProfile profile, String key, String name) {
        return name != null && profile.listMatches(key, name);
    }

    /**
     * Entries of the list parameter {@code key} that {@code present} does not contain (ignoring case), in the
     * profile's order: the required categories a policy does not block, the search engines not forced safe.
     */
    public static List<String> missing(PolicyProfile profile, String key, Collection<String> present) {
        java.util.Set<String> have = new java.util.HashSet<>();
        for (String p : present) if (p != null) have.add(p.toLowerCase(Locale.ROOT));
        return profile.list(key).stream().filter(e -> !have.contains(e.toLowerCase(Locale.ROOT))).toList();
    }

    /**
     * Entries of the list parameter {@code key} that match none of {@code names}, in the profile's order: the
     * register entries no longer in use.
     */
    public static List<String> unmatched(PolicyProfile profile, String key, Collection<String> names) {
        return profile.list(key).stream()
                .filter(e -> names.stream().noneMatch(n -> n != null && globMatches(e, n))).toList();
    }

    /** True when {@code text} matches {@code glob} ({@code *}, {@code ?}) ignoring case, as profile entries match. */
    static boolean globMatches(String glob, String text) {
        return Waiver.globMatches(glob.toLowerCase(Locale.ROOT), text.toLowerCase(Locale.ROOT));
    }
}
