package io.auditor.collect.parsers;

import io.auditor.collect.Parser;
import io.auditor.collect.UnrecognisedOutputException;
import io.auditor.model.Observation;
import io.auditor.model.facts.Fact;

import java.util.List;

/**
 * pfSense's {@code config.xml}: members of the {@code admins} group and of any group or user granted every GUI page
 * (topic {@code admin-groups}, checked by ADM-01).
 */
public final class PfsenseAdminsParser implements Parser {
    @Override
    public String id() { return "pfsense-admins"; }

    @Override
    public List<Fact> parse(Observation obs) throws UnrecognisedOutputException {
        return FirewallConfig.read(FirewallConfig.Product.PFSENSE, obs).admins();
    }
}
