package io.auditor.collect.parsers;

import io.auditor.collect.Parser;
import io.auditor.collect.UnrecognisedOutputException;
import io.auditor.model.Observation;
import io.auditor.model.facts.Fact;
import io.auditor.model.facts.FirewallRule;
import io.auditor.model.facts.ManagementAccess;
import io.auditor.model.facts.ManagementService;

import java.util.ArrayList;
import java.util.List;

/**
 * A firewall's {@code config.xml}: its filter rules, the default policy of each internet-facing interface and whether
 * the web GUI and SSH can be reached from the internet (topic {@code firewall-rules}). One subclass per product, so
 * each has its own parser id for ServiceLoader; the reading itself is {@link FirewallConfig}'s.
 */
abstract class FirewallRulesParser implements Parser {
    private final String id;
    private final FirewallConfig.Product product;

    FirewallRulesParser(String id, FirewallConfig.Product product) {
        this.id = id;
        this.product = product;
    }

    @Override
    public final String id() { return id; }

    @Override
    public final List<Fact> parse(Observation obs) throws UnrecognisedOutputException {
        FirewallConfig config = FirewallConfig.read(product, obs);
        List<FirewallRule> rules = config.rules();
        List<Fact> facts = new ArrayList<>(rules);
        facts.addAll(config.policies());
        for (ManagementAccess a : config.management(rules)) {
            facts.add(a);
            // The same service in the shape the management-protocol control (NET-02) reads.
            if (a.enabled()) facts.add(new ManagementService(obs.deviceId(), obs.probeId(), a.service(), a.port(), a.detail()));
        }
        return facts;
    }
}
