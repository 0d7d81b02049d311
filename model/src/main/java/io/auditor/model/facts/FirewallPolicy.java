package io.auditor.model.facts;

/**
 * What a firewall does with inbound traffic from the internet that no rule matches, per internet-facing interface.
 *
 * @param interfaceName        as the device names it ({@code wan})
 * @param defaultInboundAction {@code block}, {@code reject} or {@code pass} (filtering switched off, or a chain
 *                             policy of accept)
 * @param detail               how the auditor knows, for evidence
 */
public record FirewallPolicy(String deviceId, String source, String interfaceName, String defaultInboundAction,
                             String detail) implements Fact {
}
