package io.auditor.collect.parsers;

/** OPNsense's {@code config.xml} read for its administrators (checked by ADM-01). */
public final class OpnsenseAdminsParser extends FirewallAdminsParser {
    public OpnsenseAdminsParser() {
        super("opnsense-admins", FirewallConfig.Product.OPNSENSE);
    }
}
