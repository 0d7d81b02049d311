package io.auditor.collect;

import io.auditor.model.DeviceOutcome;
import io.auditor.model.Observation;
import io.auditor.model.facts.Fact;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** What collecting one device produced: how it went, the facts, and the raw observations as evidence. */
public record DeviceCollection(DeviceOutcome outcome, List<Fact> facts, List<Observation> observations) {
    public DeviceCollection {
        facts = List.copyOf(facts);
        observations = List.copyOf(observations);
    }

    /** A device that was not reached: the reason, and no facts or observations. */
    public static DeviceCollection unreachable(String deviceId, String error) {
        return new DeviceCollection(new DeviceOutcome(deviceId, false, List.of(error), Map.of(), Set.of()), List.of(),
                List.of());
    }
}
