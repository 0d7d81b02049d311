package io.auditor.collect.parsers;

import com.fasterxml.jackson.databind.JsonNode;
import io.auditor.collect.Parser;
import io.auditor.collect.Text;
import io.auditor.collect.UnrecognisedOutputException;
import io.auditor.model.Observation;
import io.auditor.model.facts.Fact;
import io.auditor.model.facts.HostFirewall;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code Get-NetFirewallProfile -PolicyStore ActiveStore} (Name, and Enabled and DefaultInboundAction as text) as
 * {@code ConvertTo-Json}. The active store is what is in force after Group Policy; a value it leaves
 * {@code NotConfigured} takes Windows' default (firewall on, inbound blocked), and the evidence says so.
 */
public final class WindowsFirewallParser implements Parser {
    @Override
    public String id() { return "windows-firewall"; }

    @Override
    public List<Fact> parse(Observation obs) throws UnrecognisedOutputException {
        JsonNode root = Json.read(obs.output());
        if (root == null) throw new UnrecognisedOutputException("no output; expected Get-NetFirewallProfile as JSON", 0);
        List<Fact> facts = new ArrayList<>();
        int n = 0;
        for (JsonNode p : Json.objects(root, "firewall profile")) {
            n++;
            String what = "profile " + n;
            Json.require(p, what, "Name", "Enabled", "DefaultInboundAction");
            String raw = Json.text(p, "Name");
            if (raw == null || raw.isBlank()) throw new UnrecognisedOutputException(what + " has no Name", 0);
            String name = Text.clean(raw, 40);
            String enabled = Json.text(p, "Enabled");
            String inbound = Json.text(p, "DefaultInboundAction");
            Boolean on = switch (enabled == null ? "" : enabled) {
                case "True", "NotConfigured" -> true;
                case "False" -> false;
                default -> throw new UnrecognisedOutputException(name + " Enabled is " + Text.quote(String.valueOf(enabled))
                        + ", expected True, False or NotConfigured", 0);
            };
            Boolean deny = switch (inbound == null ? "" : inbound) {
                case "Block", "NotConfigured" -> true;
                case "Allow" -> false;
                default -> throw new UnrecognisedOutputException(name + " DefaultInboundAction is "
                        + Text.quote(String.valueOf(inbound)) + ", expected Block, Allow or NotConfigured", 0);
            };
            String detail = "Enabled " + enabled + ("NotConfigured".equals(enabled) ? " (Windows default: on)" : "")
                    + ", DefaultInboundAction " + inbound
                    + ("NotConfigured".equals(inbound) ? " (Windows default: Block)" : "");
            facts.add(new HostFirewall(obs.deviceId(), obs.probeId(), name, on, deny, detail));
        }
        if (facts.isEmpty()) throw new UnrecognisedOutputException("no firewall profiles in the output", 0);
        return facts;
    }
}
