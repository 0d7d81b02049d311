package io.auditor.model.facts;

import java.time.Instant;

/**
 * When a web filter's category list or blocklist was last updated on the device.
 *
 * @param list       the list's file or name
 * @param updatedAt  the list's modification time
 * @param observedAt when the time was read, the reference for its age
 */
public record FilterListUpdate(String deviceId, String source, String list, Instant updatedAt, Instant observedAt)
        implements Fact {
}
