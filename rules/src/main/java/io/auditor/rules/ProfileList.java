package io.auditor.rules;

import io.auditor.model.Device;
import io.auditor.model.PolicyProfile;

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
}
