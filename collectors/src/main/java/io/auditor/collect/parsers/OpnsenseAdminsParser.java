package io.auditor.collect.parsers;

/** OPNsense's {@code config.xml} read for its administrators (topic {@code admin-groups}, checked by ADM-01). */
public final class OpnsenseAdminsParser extends FirewallConfigParser {
    public OpnsenseAdminsParser() {
        super("opnsense-admins", FirewallConfig.Product.OPNSENSE, Reading.ADMINS);
    }
}
