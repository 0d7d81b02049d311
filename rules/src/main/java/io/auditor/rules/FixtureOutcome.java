package io.auditor.rules;

import java.util.List;

/**
 * How one fixture fared.
 *
 * @param failures one line per mismatch or input problem; empty when the fixture passed
 */
public record FixtureOutcome(Fixture fixture, String description, List<String> failures) {
    public FixtureOutcome {
        failures = List.copyOf(failures);
    }

    public boolean passed() { return failures.isEmpty(); }
}
