package io.auditor.collect.parsers;

/** pfSense's {@code config.xml} read for its firewall rules and management exposure (topic {@code firewall-rules}). */
public final class PfsenseFirewallParser extends FirewallConfigParser {
    public PfsenseFirewallParser() {
        super("pfsense-firewall", FirewallConfig.Product.PFSENSE, Reading.RULES);
    }
}
