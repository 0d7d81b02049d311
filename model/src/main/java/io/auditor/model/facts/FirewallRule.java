package io.auditor.model.facts;

/**
 * One filter rule of a firewall, in the order the firewall evaluates it.
 *
 * @param position           1-based position in the device's rule list
 * @param interfaceName      the interface the rule is attached to, as the device names it ({@code wan}, {@code opt2})
 * @param interfaceLabel     the interface's description ({@code WAN}, {@code GUEST}), or the name when none
 * @param wan                the interface faces the internet, so its pass rules let outsiders in
 * @param direction          {@code in}, {@code out} or {@code any}
 * @param action             {@code pass}, {@code block} or {@code reject}
 * @param protocol           {@code tcp}, {@code udp}, {@code tcp/udp}, {@code icmp}, … or {@code any}
 * @param sourceAddress      {@code any}, an address, network or alias, {@code !} in front when inverted
 * @param destinationAddress as {@code sourceAddress}; {@code self} is the firewall itself
 * @param destinationPort    a port, range or alias, or {@code any}
 * @param description        the rule's description as written, or null when it has none
 * @param disabled           the rule is switched off and has no effect
 */
public record FirewallRule(String deviceId, String source, int position, String interfaceName,
                           String interfaceLabel, boolean wan, String direction, String action, String protocol,
                           String sourceAddress, String destinationAddress, String destinationPort,
                           String description, boolean disabled) implements Fact {

    /** An enabled rule that lets traffic from the internet in. */
    public boolean inboundAllow() {
        return wan && !disabled && "pass".equals(action) && !"out".equals(direction);
    }

    /** Source, destination and port all unrestricted: the rule undoes the default deny. */
    public boolean allowsEverything() {
        return inboundAllow() && "any".equals(sourceAddress) && "any".equals(destinationAddress)
                && "any".equals(destinationPort);
    }

    /** {@code #3 on WAN: pass tcp from any to self port 443 "Web GUI for supplier"}. */
    public String summary() {
        return "#" + position + " on " + interfaceLabel + ": " + action + " " + protocol + " from " + sourceAddress
                + " to " + destinationAddress + " port " + destinationPort
                + (description == null || description.isBlank() ? " (no description)" : " \"" + description + "\"");
    }
}
