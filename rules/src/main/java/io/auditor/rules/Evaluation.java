package io.auditor.rules;

import io.auditor.model.Device;
import io.auditor.model.DeviceOutcome;
import io.auditor.model.PolicyProfile;
import io.auditor.model.Waiver;
import io.auditor.model.facts.Fact;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Input of one evaluation.
 *
 * @param outcomes per device id, how collection went (explains NOT_ASSESSED)
 * @param asOf     the day waivers are checked against
 */
public record Evaluation(List<Device> devices, List<Fact> facts, Map<String, DeviceOutcome> outcomes,
                         PolicyProfile profile, List<Waiver> waivers, LocalDate asOf) {
    public Evaluation {
        devices = List.copyOf(devices);
        facts = List.copyOf(facts);
        outcomes = Map.copyOf(outcomes);
        waivers = List.copyOf(waivers);
        java.util.Objects.requireNonNull(profile, "profile (use ProfileLoader.defaults())");
        java.util.Objects.requireNonNull(asOf, "asOf (the day waivers are checked against)");
    }
}
