package io.auditor.model.facts;

/**
 * One part of the device's own firewall: a Windows firewall profile (Domain, Private, Public) or an address
 * family of a Linux packet filter (IPv4, IPv6). Null fields could not be established.
 *
 * @param scope              profile or address family
 * @param enabled            the firewall filters this scope
 * @param inboundDefaultDeny inbound traffic not explicitly allowed is dropped or rejected
 * @param detail             what was read, for evidence
 */
public record HostFirewall(String deviceId, String source, String scope, Boolean enabled, Boolean inboundDefaultDeny,
                           String detail) implements Fact {
}
