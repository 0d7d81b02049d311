package io.auditor.model.facts;

import java.time.Instant;

/**
 * A backup tool's job history, failed runs included, was read. Its runs are the {@link BackupRun}s with the same
 * {@code source}. (Snapshot lists such as restic's record successful runs only and do not produce this fact.)
 *
 * @param runCount the number of runs read
 */
public record BackupHistory(String deviceId, String source, Instant observedAt, String tool, int runCount)
        implements Fact {
}
