package io.auditor.rules;

import io.auditor.model.InvalidInputException;
import io.auditor.model.PolicyProfile;

import java.nio.file.Path;

/** Loads a policy profile YAML and validates it against the rule pack's declared parameters. */
public final class ProfileLoader {
    private ProfileLoader() {}

    /** The declared defaults, named {@code built-in defaults}. */
    public static PolicyProfile defaults() {
        throw new UnsupportedOperationException("TODO");
    }

    public static PolicyProfile load(Path file) throws InvalidInputException {
        throw new UnsupportedOperationException("TODO");
    }
}
