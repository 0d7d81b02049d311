package io.auditor.model.facts;

/**
 * The SNMP system group (SNMPv2-MIB) of a device: what it says it is. Fields the agent did not return are null.
 *
 * @param description   sysDescr, for example {@code Cisco IOS Software, C2960X Software … Version 15.2(7)E4 …}
 * @param objectId      sysObjectID, the vendor's product OID
 * @param uptimeSeconds sysUpTime in whole seconds
 */
public record SystemDescription(String deviceId, String source, String description, String objectId, String name,
                                String location, String contact, Long uptimeSeconds) implements Fact {
}
