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
 * A firewall's {@code config.xml}, read by {@link FirewallConfig} for one product and turned into the facts of one
 * topic. One subclass per product and topic, so each has its own parser id for ServiceLoader.
 */
abstract class FirewallConfigParser implements Parser {
    /** What a probe reads from the parsed configuration. */
    enum Reading {
        /** Filter rules, each internet-facing interface's default policy, web GUI/SSH reachable from the internet. */
        RULES,
        /** Members of the {@code admins} group and of any group or user granted every GUI page. */
        ADMINS
    }

    private final String id;
    private final FirewallConfig.Product product;
    private final Reading reading;

    FirewallConfigParser(String id, FirewallConfig.Product product, Reading reading) {
        this.id = id;
        this.product = product;
        this.reading = reading;
    }

    @Override
    public final String id() { return id; }

    @Override
    public final List<Fact> parse(Observation obs) throws UnrecognisedOutputException {
        FirewallConfig config = FirewallConfig.read(product, obs);
        if (reading == Reading.ADMINS) return config.admins();
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
