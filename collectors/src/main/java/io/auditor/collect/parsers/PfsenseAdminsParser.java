package io.auditor.collect.parsers;

/** pfSense's {@code config.xml} read for its administrators (topic {@code admin-groups}, checked by ADM-01). */
public final class PfsenseAdminsParser extends FirewallConfigParser {
    public PfsenseAdminsParser() {
        super("pfsense-admins", FirewallConfig.Product.PFSENSE, Reading.ADMINS);
    }
}
