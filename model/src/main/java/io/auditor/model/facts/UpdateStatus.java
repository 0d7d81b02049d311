package io.auditor.model.facts;

import java.time.Instant;

/**
 * The device's list of pending updates was collected (possibly empty). Without this fact PATCH controls
 * cannot pass.
 *
 * @param indexRefreshedAt last successful refresh of the package index / update search, or null if unknown
 * @param pendingCount     number of pending updates of any kind
 */
public record UpdateStatus(String deviceId, String source, Instant observedAt, Instant indexRefreshedAt,
                           int pendingCount) implements Fact {
}
