package io.auditor.model.facts;

import java.time.Instant;

/**
 * One backup run of a protected data set.
 *
 * @param dataSet  what was protected (paths, volume or job name)
 * @param finishedAt when the run ended (or its snapshot time)
 * @param detail   tool's message or error code, for evidence
 */
public record BackupRun(String deviceId, String source, String tool, String dataSet, Instant finishedAt,
                        boolean success, String detail) implements Fact {
}
