package io.auditor.model.facts;

import java.time.Instant;

/**
 * The device's backup history was read (possibly with no runs at all).
 *
 * @param tool for example {@code restic}, {@code windows-server-backup}
 */
public record BackupStatus(String deviceId, String source, Instant observedAt, String tool, int runCount)
        implements Fact {
}
