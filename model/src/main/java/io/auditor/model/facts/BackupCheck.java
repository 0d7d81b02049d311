package io.auditor.model.facts;

import java.time.Instant;

/**
 * The last integrity check or test restore of the device's backups (for example a scheduled {@code restic check}).
 *
 * @param lastRunAt when the last check finished; null when none is on record
 * @param success   whether it succeeded; null when unknown or never run
 * @param detail    what was read, for evidence
 */
public record BackupCheck(String deviceId, String source, Instant observedAt, String tool, Instant lastRunAt,
                          Boolean success, String detail) implements Fact {
}
