package io.auditor.model.facts;

/**
 * A way to administer the device remotely (web interface, SSH, Telnet) and who can reach it.
 *
 * @param service          {@code https}, {@code http}, {@code ssh} or {@code telnet}
 * @param port             the port it listens on, when known
 * @param enabled          the service is switched on
 * @param reachableFromWan true when a firewall rule or listening address lets the internet reach it, false when
 *                         it does not, null when the device does not say (for example a unit with no firewall)
 * @param allowedFrom      the sources it is restricted to (an allow-list), or null when anyone who can reach it may
 * @param detail           the settings and rules that decided it, for evidence
 */
public record ManagementAccess(String deviceId, String source, String service, Integer port, boolean enabled,
                               Boolean reachableFromWan, String allowedFrom, String detail) implements Fact {
}
