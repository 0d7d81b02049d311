package io.auditor.rules;

import io.auditor.model.PolicyProfile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The checked-in generated documents match the rule pack. Run with {@code -Dauditor.regenerate=true} to
 * rewrite them after changing a rule's metadata or a parameter.
 */
class GeneratedDocsTest {
    private static final Path CONTROLS_MD = Path.of("..", "docs", "controls.md");
    private static final Path DEFAULT_PROFILE = Path.of("..", "samples", "profiles", "default.yaml");
    private static RulePack pack;

    @BeforeAll
    static void load() throws Exception {
        pack = RulePack.load(List.of());
    }

    @Test
    void controlsCatalogueIsUpToDate() throws Exception {
        Map<String, List<String>> fixtures = new TreeMap<>();
        for (Fixture f : pack.fixtures()) {
            for (String id : f.ownControls()) fixtures.computeIfAbsent(id, k -> new ArrayList<>()).add(f.name());
        }
        fixtures.values().forEach(l -> l.sort(null));
        String expected = GeneratedDocs.controlsMarkdown(pack.controls(), fixtures);
        checkInStep(CONTROLS_MD, expected);
        for (String id : pack.controlIds()) assertTrue(expected.contains("\n## " + id + " — "), id);
    }

    @Test
    void defaultProfileIsUpToDateAndLoadsToTheDefaults() throws Exception {
        String expected = GeneratedDocs.defaultProfileYaml(ProfileLoader.parameters());
        checkInStep(DEFAULT_PROFILE, expected);
        PolicyProfile loaded = ProfileLoader.load(DEFAULT_PROFILE);
        assertEquals(ProfileLoader.defaults().values(), loaded.values(),
                "samples/profiles/default.yaml must spell out exactly the built-in defaults");
    }

    private static void checkInStep(Path file, String expected) throws Exception {
        if (Boolean.getBoolean("auditor.regenerate")) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, expected, StandardCharsets.UTF_8);
        }
        assertTrue(Files.exists(file), file + " is missing: run mvn -pl rules test -Dauditor.regenerate=true");
        assertEquals(expected, Files.readString(file, StandardCharsets.UTF_8),
                file + " is stale: run mvn -pl rules test -Dauditor.regenerate=true and commit the result");
    }
}
