package io.auditor.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code auditor rules list | explain | test}: the built-in pack, and a school's own rule folder. */
class RulesCommandTest {
    /** Every control id of the catalogue (CONTROLS.md of the founding brief). */
    static final List<String> CATALOGUE = List.of("PATCH-01", "AV-01", "AV-02", "ADM-01", "BAK-01", "VC-01",
            "ADM-02", "ADM-03", "ADM-04", "ADM-05", "ADM-06", "ADM-07", "PWD-01", "PWD-02", "FLT-05",
            "END-01", "END-02", "END-03", "END-04", "END-05", "END-06", "END-07", "PATCH-02", "PATCH-03",
            "FW-01", "FW-02", "FW-03", "FW-04", "FLT-01", "FLT-02", "FLT-03", "FLT-04", "FLT-06",
            "NET-01", "NET-02", "INV-01", "INV-02", "BAK-02", "BAK-03", "BAK-04", "VC-02", "VC-03");

    static final String HEADER = """
            package school.rules;

            import io.auditor.model.*;
            import io.auditor.model.facts.*;

            global io.auditor.rules.Findings findings;
            global io.auditor.model.PolicyProfile profile;
            """;

    /** A school's control: its staff laptops must have automatic updates on. */
    static final String SCHOOL_RULE = HEADER + """

            rule "laptops update themselves"
                @id("SCH-01")
                @title("Staff laptops update themselves") @severity("medium") @policyRefs("000 §12")
                @scope("laptop") @needs("automatic-updates") @rationale("Laptops are rarely on site.")
                @check("Reads the automatic update setting.") @remediation("Turn automatic updates on.")
            when
                $d : Device()
                $a : AutomaticUpdates( deviceId == $d.id, enabled == true )
            then
                findings.pass(kcontext, $d, "automatic updates on [" + $a.source() + "]");
            end

            rule "laptops do not update themselves"
                @id("SCH-01")
            when
                $d : Device()
                $a : AutomaticUpdates( deviceId == $d.id, enabled == false )
            then
                findings.gap(kcontext, $d, "automatic updates off [" + $a.source() + "]");
            end
            """;

    static final String PASS_CASE = """
            description: automatic updates on
            asOf: 2026-11-20
            devices: [ { id: lt-1, roles: [laptop], platform: windows } ]
            facts:
              - AutomaticUpdates: { deviceId: lt-1, source: update-policy, mechanism: Windows Update, enabled: true, detail: AUOptions=4 }
            expect: [ { control: SCH-01, device: lt-1, status: PASS, evidenceContains: "automatic updates on" } ]
            """;
    static final String GAP_CASE = PASS_CASE.replace("automatic updates on", "automatic updates off")
            .replace("enabled: true", "enabled: false").replace("status: PASS", "status: GAP");
    static final String NOT_ASSESSED_CASE = """
            description: the setting was not read
            asOf: 2026-11-20
            devices: [ { id: lt-1, roles: [laptop], platform: windows } ]
            outcomes: { lt-1: { reachable: false, errors: ["connection refused"] } }
            expect: [ { control: SCH-01, device: lt-1, status: NOT_ASSESSED, evidenceContains: "connection refused" } ]
            """;

    @TempDir
    Path dir;

    private Path schoolFolder() throws Exception {
        Path home = dir.resolve("SCH-01");
        Files.createDirectories(home.resolve("fixtures"));
        Files.writeString(home.resolve("SCH-01.drl"), SCHOOL_RULE);
        Files.writeString(home.resolve("fixtures/pass-updates-on.yaml"), PASS_CASE);
        Files.writeString(home.resolve("fixtures/gap-updates-off.yaml"), GAP_CASE);
        Files.writeString(home.resolve("fixtures/not-assessed-unreachable.yaml"), NOT_ASSESSED_CASE);
        return home;
    }

    @Test
    void listShowsEveryCatalogueControlWithSeverityScopeAndSources() {
        Run r = Run.of("rules", "list");
        assertEquals(0, r.exit(), r.toString());
        List<String> listed = new ArrayList<>();
        for (String line : r.out().split("\n")) {
            Matcher m = Pattern.compile("^([A-Z]+-\\d{2})\\s").matcher(line);
            if (m.find()) listed.add(m.group(1));
        }
        for (String id : CATALOGUE) assertTrue(listed.contains(id), id + " is not listed:\n" + r.out());
        assertTrue(r.out().contains("ID ") && r.out().contains("SEVERITY") && r.out().contains("SOURCES"), r.out());
        String adm05 = r.out().lines().filter(l -> l.startsWith("ADM-05 ")).findFirst().orElseThrow();
        assertTrue(adm05.matches("ADM-05\\s+high\\s+Leavers disabled\\s+002 §1.2; 002 §3.2\\s+domain-controller"), adm05);
    }

    @Test
    void listIncludesASchoolsControlsWithWhereTheyAreWritten() throws Exception {
        Path home = schoolFolder();
        Run r = Run.of("rules", "list", "--rules", dir.toString());
        assertEquals(0, r.exit(), r.toString());
        String line = r.out().lines().filter(l -> l.startsWith("SCH-01")).findFirst().orElseThrow();
        assertTrue(line.contains("school rule: " + home.resolve("SCH-01.drl") + ":"), line);
        assertTrue(r.out().contains("(1 from school rules)"), r.out());
    }

    @Test
    void explainTellsWhatWhyWhereHowAndTheFix() {
        Run r = Run.of("rules", "explain", "adm-05");
        assertEquals(0, r.exit(), r.toString());
        String out = r.out();
        assertTrue(out.startsWith("ADM-05 — Leavers disabled\n"), out);
        for (String part : List.of("Severity:    high", "Applies to:  domain-controller", "Policy:      002 §1.2; 002 §3.2",
                "Why it matters:", "How it is checked:", "How to fix a gap:", "Disable-ADAccount",
                "controls/ADM-05/ADM-05.drl:", "not-assessed-no-roster")) {
            assertTrue(out.contains(part), part + " missing from\n" + out);
        }
    }

    @Test
    void explainAnUnknownControlSuggestsTheNearestAndExits2() {
        Run r = Run.of("rules", "explain", "ADM-5");
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.err().contains("no control 'ADM-5'"), r.err());
        assertTrue(r.err().contains("did you mean ADM-05?"), r.err());
    }

    @Test
    void testRunsEveryBuiltInFixtureAndEachControlHasAtLeastThreeCases() {
        Run r = Run.of("rules", "test");
        assertEquals(0, r.exit(), r.toString());
        for (String id : CATALOGUE) {
            Matcher m = Pattern.compile("(?m)^" + id + "\\s+(\\d+) cases  ok").matcher(r.out());
            assertTrue(m.find(), id + " not reported as ok:\n" + r.out());
            assertTrue(Integer.parseInt(m.group(1)) >= 3, id + " has fewer than three cases");
        }
        assertFalse(r.out().contains("Controls with fewer than three cases"), r.out());
        assertTrue(r.out().matches("(?s).*\\d+ controls, \\d+ fixture cases: \\d+ passed, 0 failed\\.\n.*"), r.out());
    }

    @Test
    void testOfASchoolFolderRunsOnlyItsFixtures() throws Exception {
        schoolFolder();
        Run r = Run.of("rules", "test", "--verbose", dir.toString());
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("SCH-01      3 cases  ok"), r.out());
        assertTrue(r.out().contains("ok      gap-updates-off — automatic updates off"), r.out());
        assertTrue(r.out().contains("1 controls, 3 fixture cases: 3 passed, 0 failed."), r.out());
        assertFalse(r.out().contains("PATCH-01"), "built-in fixtures are not run for a school folder:\n" + r.out());
    }

    @Test
    void aFixtureThatExpectsTheWrongResultFailsWithExit1() throws Exception {
        Path home = schoolFolder();
        Files.writeString(home.resolve("fixtures/gap-updates-off.yaml"), GAP_CASE.replace("status: GAP", "status: PASS")
);
        Run r = Run.of("rules", "test", dir.toString());
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.out().contains("SCH-01      3 cases  FAILED"), r.out());
        assertTrue(r.out().contains("expected SCH-01 on lt-1 to be PASS, got GAP: automatic updates off [update-policy]"), r.out());
        assertTrue(r.out().contains("2 passed, 1 failed."), r.out());
    }

    @Test
    void aBrokenRuleExits2NamingFileAndLine() throws Exception {
        Path home = schoolFolder();
        Files.writeString(home.resolve("SCH-01.drl"), SCHOOL_RULE.replace("$a : AutomaticUpdates( deviceId == $d.id, enabled == false )",
                "$a : AutomaticUpdates( deviceId == $d.id, enabled == false"));
        Run r = Run.of("rules", "test", dir.toString());
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.err().matches("(?s).*" + Pattern.quote(home.resolve("SCH-01.drl").toString()) + ":\\d+: .*"), r.err());
        assertTrue(r.err().contains("the rules are invalid"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void anInvalidFixtureExits2NamingFileAndLine() throws Exception {
        Path home = schoolFolder();
        Files.writeString(home.resolve("fixtures/not-assessed-unreachable.yaml"),
                NOT_ASSESSED_CASE.replace("outcomes:", "outcome:"));
        Run r = Run.of("rules", "test", dir.toString());
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.out().contains("INVALID not-assessed-unreachable"), r.out());
        assertTrue(r.out().contains(home.resolve("fixtures/not-assessed-unreachable.yaml") + ":4:1: unknown fixture key 'outcome'"), r.out());
    }

    @Test
    void aFolderWithoutFixturesTestsNothingAndSaysSo() throws Exception {
        Path home = dir.resolve("SCH-01");
        Files.createDirectories(home);
        Files.writeString(home.resolve("SCH-01.drl"), SCHOOL_RULE);
        Run r = Run.of("rules", "test", dir.toString());
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.out().contains("SCH-01 (no pass-, gap-, not-assessed- case)"), r.out());
        assertTrue(r.err().contains("no fixtures found"), r.err());
    }

    @Test
    void rulesWithoutASubcommandIsAUsageError() {
        Run r = Run.of("rules");
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.err().contains("list, explain ID or test [DIR]"), r.err());
    }
}
