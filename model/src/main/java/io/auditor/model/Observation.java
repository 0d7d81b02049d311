package io.auditor.model;

import java.time.Instant;

/**
 * Raw output of one probe on one device, as the transport returned it. Kept with the run as evidence.
 *
 * @param exitStatus the command's exit status, or null when the transport has none (SNMP)
 * @param truncated  the output hit the transport's cap and was cut
 */
public record Observation(String deviceId, String probeId, String command, String output, Integer exitStatus,
                          Instant observedAt, long durationMillis, boolean truncated) {
}
