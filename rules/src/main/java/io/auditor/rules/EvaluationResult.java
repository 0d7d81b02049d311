package io.auditor.rules;

import io.auditor.model.ControlResult;
import io.auditor.model.Waiver;

import java.util.List;

/** Exactly one result per control × in-scope device, sorted by control then device. */
public record EvaluationResult(List<ControlResult> results, List<Waiver> expiredWaivers) {
    public EvaluationResult {
        results = List.copyOf(results);
        expiredWaivers = List.copyOf(expiredWaivers);
    }
}
