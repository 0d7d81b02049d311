package io.auditor.rules;

import io.auditor.model.facts.BackupRun;
import io.auditor.model.facts.BackupStatus;
import io.auditor.model.facts.BackupTarget;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** Backup history checks for rule consequences (BAK-02, BAK-04): which runs reached a target, which failed. */
public final class Backups {
    private Backups() {}

    /** A target's newest successful copy (null when none), judged against the limit. */
    public record TargetCopy(BackupTarget target, BackupRun newest, boolean current, String evidence) {}

    /** True when the run went to the target: same tool, and its data set matches the target's glob. */
    public static boolean reaches(BackupRun run, BackupTarget target) {
        if (run.tool() == null || target.tool() == null || !run.tool().equalsIgnoreCase(target.tool())) return false;
        String glob = target.dataSet() == null ? "*" : target.dataSet();
        return run.dataSet() != null && ProfileList.globMatches(glob, run.dataSet());
    }

    /** Each off-site/offline target's newest successful copy, as of {@code observedAt}, with its evidence line. */
    public static List<TargetCopy> copies(Collection<?> targets, Collection<?> runs, Instant observedAt, int limitDays) {
        List<TargetCopy> out = new ArrayList<>();
        for (Object o : targets) {
            BackupTarget t = (BackupTarget) o;
            if (!t.isOffsiteOrOffline()) continue;
            BackupRun newest = runs.stream().map(BackupRun.class::cast)
                    .filter(r -> r.success() && r.finishedAt() != null && reaches(r, t))
                    .max(Comparator.comparing(BackupRun::finishedAt)).orElse(null);
            String name = t.location() + " target " + t.name() + " (" + t.tool() + ", data set " + t.dataSet() + ")";
            if (newest == null) {
                out.add(new TargetCopy(t, null, false, name + ": no successful " + t.tool()
                        + " run to it among those read [" + t.source() + "]"));
                continue;
            }
            boolean current = !Age.olderThan(newest.finishedAt(), observedAt, Duration.ofDays(limitDays));
            out.add(new TargetCopy(t, newest, current, name + ": newest copy " + newest.finishedAt() + ", "
                    + Age.between(newest.finishedAt(), observedAt) + " before the scan (limit " + limitDays + " days) ["
                    + newest.source() + "]"));
        }
        return out;
    }

    /** The latest observation time of the {@link BackupStatus} facts; null when none has one. */
    public static Instant latest(Collection<?> statuses) {
        return statuses.stream().map(o -> ((BackupStatus) o).observedAt()).filter(Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(null);
    }

    /** The newest {@code window} runs, newest first; runs without a time sort last. */
    public static List<BackupRun> newest(Collection<?> runs, int window) {
        return runs.stream().map(BackupRun.class::cast)
                .sorted(Comparator.comparing(BackupRun::finishedAt, Comparator.nullsFirst(Comparator.naturalOrder())).reversed())
                .limit(Math.max(window, 0)).toList();
    }

    /** The first copy that is current, or null. */
    public static TargetCopy firstCurrent(List<TargetCopy> copies) {
        for (TargetCopy c : copies) if (c.current()) return c;
        return null;
    }

    public static int failedCount(List<BackupRun> runs) {
        int n = 0;
        for (BackupRun r : runs) if (!r.success()) n++;
        return n;
    }

    /** The runs described one after the other, separated by semicolons. */
    public static String describeAll(List<BackupRun> runs) {
        StringBuilder sb = new StringBuilder();
        for (BackupRun r : runs) sb.append(sb.length() == 0 ? "" : "; ").append(describe(r));
        return sb.toString();
    }

    /** {@code 2026-11-18T01:00:00Z failed (HRESULT 0x80070070)}. */
    public static String describe(BackupRun r) {
        return Evidence.orUnknown(r.finishedAt()) + (r.success() ? " succeeded" : " failed")
                + (r.detail() == null || r.detail().isBlank() ? "" : " (" + r.detail() + ")");
    }
}
