package io.auditor.rules;

import io.auditor.model.InputProblem;
import io.auditor.model.InvalidInputException;
import io.auditor.model.PolicyProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProfileLoaderTest {
    @TempDir
    Path dir;

    Path profile(String text) throws Exception {
        return Files.writeString(dir.resolve("profile.yaml"), text);
    }

    InputProblem onlyProblem(String text) throws Exception {
        Path p = profile(text);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ProfileLoader.load(p));
        assertEquals(1, e.problems().size(), e.getMessage());
        return e.problems().get(0);
    }

    @Test
    void defaultsAreTheDeclaredParameters() {
        PolicyProfile d = ProfileLoader.defaults();
        assertEquals("built-in defaults", d.name());
        assertEquals("", d.sha256());
        assertEquals(14, d.integer("patch.maxAgeDays"));
        assertEquals(3, d.integer("antiMalware.maxSignatureAgeDays"));
        assertEquals(26, d.integer("backup.maxAgeHours"));
        assertEquals(List.of("server", "workstation", "laptop"), d.list("antiMalware.realTimeRequiredFor"));
        assertEquals(List.of("root", "Administrator", "*\\Administrator", "*\\Domain Admins"), d.list("admins.approved"));
        assertTrue(d.listMatches("admins.approved", "school\\DOMAIN ADMINS"));
        for (Parameter p : ProfileLoader.parameters()) {
            assertTrue(p.description() != null && !p.description().isBlank(), p.key());
            assertEquals(p.defaultValue(), d.value(p.key()));
        }
    }

    @Test
    void nestedAndDottedKeysOverrideDefaults() throws Exception {
        String text = """
                name: Example Academy 2026
                patch:
                  maxAgeDays: 21
                antiMalware.maxSignatureAgeDays: 2
                admins: { approved: [root, "EXAMPLE\\\\it-*"] }
                """;
        Path p = profile(text);
        PolicyProfile prof = ProfileLoader.load(p);
        assertEquals("Example Academy 2026", prof.name());
        assertEquals(21, prof.integer("patch.maxAgeDays"));
        assertEquals(2, prof.integer("antiMalware.maxSignatureAgeDays"));
        assertEquals(26, prof.integer("backup.maxAgeHours"));
        assertEquals(List.of("root", "EXAMPLE\\it-*"), prof.list("admins.approved"));
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
        assertEquals(expected, prof.sha256());
    }

    @Test
    void nameDefaultsToTheFileName() throws Exception {
        assertEquals("profile.yaml", ProfileLoader.load(profile("backup: {maxAgeHours: 30}\n")).name());
    }

    @Test
    void unknownKeyPointsAtTheKeyAndSuggests() throws Exception {
        InputProblem p = onlyProblem("patch:\n  maxAgeDay: 21\n");
        assertEquals(2, p.line());
        assertEquals(3, p.column());
        assertTrue(p.message().contains("unknown profile key 'patch.maxAgeDay'"), p.message());
        assertTrue(p.hint().startsWith("did you mean patch.maxAgeDays?"), p.hint());
    }

    @Test
    void unknownKeyWithNothingCloseListsKnownKeys() throws Exception {
        InputProblem p = onlyProblem("firewall:\n  inboundDefault: deny\n");
        assertEquals(1, p.line());
        assertTrue(p.hint().startsWith("known keys are patch.maxAgeDays, "), p.hint());
    }

    @Test
    void wrongTypesAreRefusedWithTheirPosition() throws Exception {
        InputProblem p = onlyProblem("patch:\n  maxAgeDays: fortnight\n");
        assertEquals(2, p.line());
        assertEquals(15, p.column());
        assertTrue(p.message().contains("'patch.maxAgeDays' must be a whole number"), p.message());

        p = onlyProblem("admins:\n  approved: root\n");
        assertTrue(p.message().contains("must be a list"), p.message());

        p = onlyProblem("patch: 21\n");
        assertTrue(p.message().contains("'patch' holds settings"), p.message());
        assertTrue(p.hint().contains("maxAgeDays"), p.hint());
    }

    @Test
    void negativeNumberIsRefused() throws Exception {
        InputProblem p = onlyProblem("backup: { maxAgeHours: -4 }\n");
        assertTrue(p.message().contains("found -4"), p.message());
    }

    @Test
    void zeroIsAllowed() throws Exception {
        assertEquals(0, ProfileLoader.load(profile("patch: { maxAgeDays: 0 }\n")).integer("patch.maxAgeDays"));
    }

    @Test
    void allProblemsAreReportedTogether() throws Exception {
        Path p = profile("patch: { maxAgeDays: x }\nbackup: { maxAgeHour: 3 }\nname: [a]\n");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ProfileLoader.load(p));
        assertEquals(3, e.problems().size(), e.getMessage());
    }

    @Test
    void notAMappingOrEmptyIsRefused() throws Exception {
        assertTrue(onlyProblem("- a\n- b\n").message().contains("a profile is a mapping"));
        assertTrue(onlyProblem("").message().contains("empty"));
    }

    @Test
    void duplicateKeyIsRefused() throws Exception {
        InputProblem p = onlyProblem("patch: { maxAgeDays: 3 }\npatch: { maxAgeDays: 4 }\n");
        assertEquals(2, p.line());
        assertTrue(p.message().contains("written twice"), p.message());
    }
}
