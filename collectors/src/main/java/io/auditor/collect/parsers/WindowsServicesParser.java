package io.auditor.collect.parsers;

import com.fasterxml.jackson.databind.JsonNode;
import io.auditor.collect.Parser;
import io.auditor.collect.Text;
import io.auditor.collect.UnrecognisedOutputException;
import io.auditor.model.Observation;
import io.auditor.model.facts.Fact;
import io.auditor.model.facts.ServiceInventory;
import io.auditor.model.facts.ServiceState;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code Get-Service} (Name, DisplayName, and Status and StartType as text) as {@code ConvertTo-Json}: every
 * installed service, so a rule can tell a stopped agent from a missing one. Every Windows computer has services,
 * so an empty result is not understood.
 */
public final class WindowsServicesParser implements Parser {
    @Override
    public String id() { return "windows-services"; }

    @Override
    public List<Fact> parse(Observation obs) throws UnrecognisedOutputException {
        JsonNode root = Json.read(obs.output());
        if (root == null) throw new UnrecognisedOutputException("no output; expected Get-Service as JSON", 0);
        List<Fact> services = new ArrayList<>();
        int n = 0;
        for (JsonNode s : Json.objects(root, "service")) {
            n++;
            String what = "service " + n;
            Json.require(s, what, "Name", "DisplayName", "Status", "StartType");
            String name = Json.text(s, "Name");
            if (name == null || name.isBlank()) throw new UnrecognisedOutputException(what + " has no Name", 0);
            String status = Json.text(s, "Status");
            if (status == null || status.isBlank()) {
                throw new UnrecognisedOutputException(what + " (" + Text.clean(name, 60) + ") has no Status", 0);
            }
            String display = Json.text(s, "DisplayName");
            services.add(new ServiceState(obs.deviceId(), obs.probeId(), Text.clean(name, 120),
                    display == null ? null : Text.clean(display, 120), "Running".equals(status), startType(Json.text(s, "StartType"))));
        }
        if (services.isEmpty()) throw new UnrecognisedOutputException("no services in the output", 0);
        List<Fact> facts = new ArrayList<>();
        facts.add(new ServiceInventory(obs.deviceId(), obs.probeId(), services.size()));
        facts.addAll(services);
        return facts;
    }

    private static String startType(String s) {
        return s == null ? null : Text.clean(s, 30);
    }
}
