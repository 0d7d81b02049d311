package io.auditor.rules;

import java.util.Set;

/**
 * A fixture file kept beside a control's rules: a tiny estate plus the results it must produce.
 *
 * @param name        file name without {@code .yaml}; starts with the status it shows, e.g. {@code gap-old-update}
 * @param source      where it lives (classpath resource path or the user's absolute path), for messages
 * @param text        the YAML text
 * @param ownControls the controls defined beside it; every result of these must be expected
 */
public record Fixture(String name, String source, String text, Set<String> ownControls) {
    public Fixture {
        ownControls = Set.copyOf(ownControls);
    }
}
