package io.auditor.rules;

import io.auditor.model.facts.AntiMalwareStatus;
import io.auditor.model.facts.BackupRun;
import io.auditor.model.facts.GroupMember;
import io.auditor.model.facts.PendingUpdate;

import java.time.Instant;
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

    /**
     * {@code ClamAV definitions 27463 dated 2026-11-20, 4 hours before the scan (limit 3 days) [clamav-status]}:
     * the same line whether the definitions are current or not. Needs both dates.
     */
    public static String definitions(AntiMalwareStatus a, int limitDays) {
        return orUnknown(a.product()) + " definitions " + orUnknown(a.signatureVersion()) + " dated "
                + Age.beforeScan(a.signaturesUpdatedAt(), a.observedAt()) + " (limit " + limitDays + " days) ["
                + a.source() + "]";
    }

    /**
     * {@code data set /srv: newest successful restic run finished 2026-11-20T02:00:00Z, 6 hours before the scan
     * (limit 26 hours) [restic-snapshots]}: the same line whether the backup is recent or not. Needs both times.
     */
    public static String newestBackup(BackupRun r, Instant observedAt, int limitHours) {
        return "data set " + orUnknown(r.dataSet()) + ": newest successful " + orUnknown(r.tool()) + " run finished "
                + r.finishedAt() + ", " + Age.between(r.finishedAt(), observedAt) + " before the scan (limit "
                + limitHours + " hours) [" + r.source() + "]";
    }

    public static String orUnknown(Object value) {
        return value == null ? "unknown" : value.toString();
    }
}
