package io.auditor.collect.parsers;

/** pfSense's {@code config.xml} read for its administrators (checked by ADM-01). */
public final class PfsenseAdminsParser extends FirewallAdminsParser {
    public PfsenseAdminsParser() {
        super("pfsense-admins", FirewallConfig.Product.PFSENSE);
    }
}
