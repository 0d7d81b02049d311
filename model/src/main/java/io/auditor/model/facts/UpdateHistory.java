package io.auditor.model.facts;

import java.time.Instant;

/**
 * Updates recorded as installed on the device (Windows hotfixes, package history).
 *
 * @param newestInstalledAt when the most recent one was installed, or null when none has a date
 * @param newestId          its identifier, for example {@code KB5044284}
 * @param count             how many are recorded
 */
public record UpdateHistory(String deviceId, String source, Instant observedAt, Instant newestInstalledAt,
                            String newestId, int count) implements Fact {
}
