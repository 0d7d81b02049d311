package io.auditor.rules;

import io.auditor.model.facts.GroupMember;
import io.auditor.model.facts.PendingUpdate;

import java.util.Collection;
import java.util.stream.Collectors;

/**
 * Wording of evidence lines shared by rules. Device text is quoted as observed; a missing field says so
 * rather than printing {@code null}.
 */
public final class Evidence {
    private Evidence() {}

    /** {@code openssl 3.0.14-1~deb12u2 → 3.0.15-1~deb12u1}, or the name alone when versions are not reported. */
    public static String update(PendingUpdate u) {
        String name = orUnknown(u.name());
        if (u.installedVersion() == null && u.availableVersion() == null) return name;
        // Windows updates have no installed version; their title usually already names the KB.
        if (u.installedVersion() == null) {
            return name.contains(u.availableVersion()) ? name : name + " (" + u.availableVersion() + ")";
        }
        return name + " " + orUnknown(u.installedVersion()) + " → " + orUnknown(u.availableVersion());
    }

    /** {@code SCHOOL\jsmith (user, domain)}. */
    public static String member(GroupMember m) {
        return orUnknown(m.member()) + " (" + orUnknown(m.memberType()) + ", " + orUnknown(m.origin()) + ")";
    }

    /** Member names of a group, sorted ignoring case so the evidence is the same on every run. */
    public static String memberNames(Collection<?> members) {
        if (members.isEmpty()) return "no members";
        return members.stream().map(o -> o instanceof GroupMember g ? orUnknown(g.member()) : String.valueOf(o))
                .sorted(String.CASE_INSENSITIVE_ORDER).collect(Collectors.joining(", "));
    }

    public static String orUnknown(Object value) {
        return value == null ? "unknown" : value.toString();
    }
}
