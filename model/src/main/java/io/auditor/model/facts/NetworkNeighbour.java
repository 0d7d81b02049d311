package io.auditor.model.facts;

import java.time.Instant;

/**
 * An address a network device knows on its network: an ARP (IP-to-MAC) entry or an LLDP neighbour. Used to find
 * devices that are not in the inventory (INV-01) and to see inventory devices that did not answer (INV-02).
 *
 * @param kind       {@code arp} or {@code lldp}
 * @param ipAddress  the neighbour's IP address, or null (LLDP neighbours need not advertise one)
 * @param macAddress lower-case, colon-separated ({@code 3c:22:fb:01:02:03}), or null when not a MAC
 * @param port       the interface or port it was learnt on, as the device names it, or null
 * @param remoteName LLDP system name or chassis id the neighbour advertised, or null
 * @param observedAt when the table was read
 */
public record NetworkNeighbour(String deviceId, String source, String kind, String ipAddress, String macAddress,
                               String port, String remoteName, Instant observedAt) implements Fact {
}
