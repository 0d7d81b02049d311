package io.auditor.rules;

import java.util.List;

/**
 * How one fixture fared.
 *
 * @param failures one line per mismatch or input problem; empty when the fixture passed
 * @param invalid  the fixture itself could not be read (bad YAML, unknown key or fact type): its lines are
 *                 input problems naming file and line, not wrong results
 */
public record FixtureOutcome(Fixture fixture, String description, List<String> failures, boolean invalid) {
    public FixtureOutcome {
        failures = List.copyOf(failures);
    }

    public boolean passed() { return failures.isEmpty(); }
}
