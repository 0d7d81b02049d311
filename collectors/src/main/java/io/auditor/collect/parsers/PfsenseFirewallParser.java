package io.auditor.collect.parsers;

/** pfSense's {@code config.xml} read for its firewall rules and management exposure. */
public final class PfsenseFirewallParser extends FirewallRulesParser {
    public PfsenseFirewallParser() {
        super("pfsense-firewall", FirewallConfig.Product.PFSENSE);
    }
}
