package io.auditor.collect;

import io.auditor.model.DeviceOutcome;
import io.auditor.model.Observation;
import io.auditor.model.facts.Fact;

import java.util.List;

/** What collecting one device produced: how it went, the facts, and the raw observations as evidence. */
public record DeviceCollection(DeviceOutcome outcome, List<Fact> facts, List<Observation> observations) {
    public DeviceCollection {
        facts = List.copyOf(facts);
        observations = List.copyOf(observations);
    }
}
