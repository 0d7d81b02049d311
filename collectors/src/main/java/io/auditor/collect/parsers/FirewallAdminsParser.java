package io.auditor.collect.parsers;

import io.auditor.collect.Parser;
import io.auditor.collect.UnrecognisedOutputException;
import io.auditor.model.Observation;
import io.auditor.model.facts.Fact;

import java.util.List;

/**
 * A firewall's {@code config.xml}: members of the {@code admins} group and of any group or user granted every GUI
 * page (topic {@code admin-groups}). One subclass per product, so each has its own parser id for ServiceLoader.
 */
abstract class FirewallAdminsParser implements Parser {
    private final String id;
    private final FirewallConfig.Product product;

    FirewallAdminsParser(String id, FirewallConfig.Product product) {
        this.id = id;
        this.product = product;
    }

    @Override
    public final String id() { return id; }

    @Override
    public final List<Fact> parse(Observation obs) throws UnrecognisedOutputException {
        return FirewallConfig.read(product, obs).admins();
    }
}
