package io.auditor.collect.parsers;

/** OPNsense's {@code config.xml} read for its firewall rules and management exposure. */
public final class OpnsenseFirewallParser extends FirewallRulesParser {
    public OpnsenseFirewallParser() {
        super("opnsense-firewall", FirewallConfig.Product.OPNSENSE);
    }
}
