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
 * pfSense's {@code config.xml}: its filter rules, the default policy of each internet-facing interface and whether the
 * web GUI and SSH can be reached from the internet (topic {@code firewall-rules}).
 */
public final class PfsenseFirewallParser implements Parser {
    @Override
    public String id() { return "pfsense-firewall"; }

    @Override
    public List<Fact> parse(Observation obs) throws UnrecognisedOutputException {
        FirewallConfig config = FirewallConfig.read(FirewallConfig.Product.PFSENSE, obs);
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
