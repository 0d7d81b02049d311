package io.auditor.collect.parsers;

/** OPNsense's {@code config.xml} read for its firewall rules and management exposure (topic {@code firewall-rules}). */
public final class OpnsenseFirewallParser extends FirewallConfigParser {
    public OpnsenseFirewallParser() {
        super("opnsense-firewall", FirewallConfig.Product.OPNSENSE, Reading.RULES);
    }
}
