package io.auditor.model.facts;

import java.time.Instant;

/**
 * When an inventory device was last seen by any collector: answering its own probes, or present in a network
 * device's ARP/LLDP table. Produced by this run's collection (source names the probe) and by run history
 * (source {@code history}) so INV-02 can tell how long a recorded device has been missing.
 */
public record DeviceSighting(String deviceId, String source, Instant seenAt) implements Fact {
}
