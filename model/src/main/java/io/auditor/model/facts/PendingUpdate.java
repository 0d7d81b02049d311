package io.auditor.model.facts;

import java.time.Instant;

/**
 * An update that is available but not installed.
 *
 * @param name       package name or update title
 * @param security   the update fixes a security issue (from the origin suite or the update's classification)
 * @param releasedAt when the update was published, or null when the platform does not say
 */
public record PendingUpdate(String deviceId, String source, String name, String installedVersion,
                            String availableVersion, boolean security, Instant releasedAt) implements Fact {
}
