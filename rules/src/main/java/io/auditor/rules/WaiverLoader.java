package io.auditor.rules;

import io.auditor.model.InvalidInputException;
import io.auditor.model.Waiver;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** Loads waivers YAML; a waiver naming an unknown control or matching no device is an input error. */
public final class WaiverLoader {
    private WaiverLoader() {}

    public static List<Waiver> load(Path file, Set<String> controlIds, Set<String> deviceIds)
            throws InvalidInputException {
        throw new UnsupportedOperationException("TODO");
    }
}
