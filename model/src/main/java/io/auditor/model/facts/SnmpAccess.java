package io.auditor.model.facts;

/**
 * How the auditor's own SNMP credential reached the device: the protocol version and, for v3, the security level.
 *
 * @param version       {@code 1}, {@code 2c} or {@code 3}
 * @param securityLevel {@code authPriv}, {@code authNoPriv} or {@code noAuthNoPriv} (v1/v2c: {@code community})
 */
public record SnmpAccess(String deviceId, String source, String version, String securityLevel) implements Fact {
}
