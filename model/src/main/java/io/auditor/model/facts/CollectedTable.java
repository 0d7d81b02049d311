package io.auditor.model.facts;

/**
 * A table was read from the device (possibly with no rows), so an empty result is known rather than missing.
 *
 * @param table for example {@code arp}, {@code lldp}, {@code tcp-listeners}, {@code wireless-networks},
 *              {@code installed-software}, {@code processes}
 */
public record CollectedTable(String deviceId, String source, String table, int rows) implements Fact {
}
