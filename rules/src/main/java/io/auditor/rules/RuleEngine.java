package io.auditor.rules;

/** Evaluates a rule pack over collected facts. */
public final class RuleEngine {
    private final RulePack pack;

    public RuleEngine(RulePack pack) { this.pack = pack; }

    public EvaluationResult evaluate(Evaluation input) {
        throw new UnsupportedOperationException("TODO");
    }
}
