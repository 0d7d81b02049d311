package io.auditor.rules;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fixture runner itself: a school's control with fixtures that pass and fixtures that must fail. */
class FixtureRunnerTest {
    @TempDir
    static Path dir;
    static Map<String, FixtureOutcome> outcomes;
    static RulePack pack;

    static final String GOOD_ESTATE = """
            asOf: 2026-03-15
            devices:
              - { id: ws-1, roles: [workstation], platform: windows }
              - { id: ws-2, roles: [workstation], platform: windows }
              - { id: srv-1, roles: [server], platform: debian }
            facts:
              - AutomaticUpdates: { deviceId: ws-1, source: wu-policy, mechanism: Windows Update, enabled: true, detail: "AUOptions=4" }
              - AutomaticUpdates: { deviceId: ws-2, source: wu-policy, mechanism: Windows Update, enabled: false, detail: "NoAutoUpdate=1" }
            """;

    @BeforeAll
    static void run() throws Exception {
        String drl = RulePackTest.HEADER + """
                rule "automatic updates on"
                    @id("PATCH-92")
                    @title("Automatic updates enabled") @severity("medium") @policyRefs("DfE-CS; CE")
                    @scope("workstation, laptop") @needs("automatic-updates") @rationale("r") @check("c") @remediation("m")
                when
                    $d : Device()
                    $a : AutomaticUpdates( deviceId == $d.id, enabled == true )
                then
                    findings.pass(kcontext, $d, $a.mechanism() + " on: " + $a.detail() + " [" + $a.source() + "]");
                end

                rule "automatic updates off"
                    @id("PATCH-92")
                when
                    $d : Device()
                    $a : AutomaticUpdates( deviceId == $d.id, enabled == false )
                then
                    findings.gap(kcontext, $d, $a.mechanism() + " off: " + $a.detail() + " [" + $a.source() + "]");
                end
                """;
        Path home = dir.resolve("PATCH-92");
        RulePackTest.write(home, "PATCH-92.drl", drl);
        RulePackTest.write(home, "fixtures/gap-updates-off.yaml", "description: ok\n" + GOOD_ESTATE + """
                expect:
                  - { control: PATCH-92, device: ws-1, status: pass, evidenceContains: "AUOptions=4 [wu-policy]" }
                  - { control: PATCH-92, device: ws-2, status: GAP }
                  - { control: PATCH-01, device: srv-1, status: not-assessed, evidenceContains: "device was not collected" }
                """);
        RulePackTest.write(home, "fixtures/pass-wrong-status.yaml", "description: wrong\n" + GOOD_ESTATE + """
                expect:
                  - { control: PATCH-92, device: ws-1, status: PASS }
                  - { control: PATCH-92, device: ws-2, status: PASS }
                """);
        RulePackTest.write(home, "fixtures/pass-forgets-a-device.yaml", "description: forgets\n" + GOOD_ESTATE + """
                expect:
                  - { control: PATCH-92, device: ws-1, status: PASS, evidenceContains: "NoAutoUpdate" }
                """);
        RulePackTest.write(home, "fixtures/waived-misnamed.yaml", "description: misnamed\n" + GOOD_ESTATE + """
                expect:
                  - { control: PATCH-92, device: ws-1, status: PASS }
                  - { control: PATCH-92, device: ws-2, status: GAP }
                """);
        RulePackTest.write(home, "fixtures/gap-bad-fact.yaml", """
                description: bad fact
                asOf: 2026-03-15
                devices:
                  - { id: ws-1, roles: [workstation], platform: windows }
                facts:
                  - AutoUpdates: { deviceId: ws-1, source: x }
                  - AutomaticUpdates: { deviceId: ws-1, source: x, enabeld: true }
                  - AutomaticUpdates: { deviceId: ws-9, source: x, enabled: true }
                expect:
                  - { control: PATCH-92, device: ws-1, status: GAP }
                """);
        RulePackTest.write(home, "fixtures/gap-misspelt-key.yaml", "description: misspelt\n" + GOOD_ESTATE + """
                expcet:
                  - { control: PATCH-92, device: ws-2, status: GAP }
                """);
        RulePackTest.write(home, "fixtures/gap-misspelt-inner-keys.yaml", """
                description: misspelt inner keys
                asOf: 2026-03-15
                devices:
                  - { id: ws-1, roles: [workstation], platform: windows, adress: 10.0.10.1 }
                expect:
                  - { control: PATCH-92, device: ws-1, status: GAP, evidence: "off" }
                """);
        pack = RulePack.load(List.of(dir));
        outcomes = new FixtureRunner(pack).runAll().stream().filter(o -> !pack.isBuiltIn(
                        o.fixture().ownControls().isEmpty() ? "" : o.fixture().ownControls().iterator().next()))
                .collect(Collectors.toMap(o -> o.fixture().name(), Function.identity()));
    }

    @Test
    void schoolFixturesAreFoundBesideTheirRules() {
        Fixture f = outcomes.get("gap-updates-off").fixture();
        assertEquals(Set.of("PATCH-92"), f.ownControls());
        assertEquals(dir.resolve("PATCH-92/fixtures/gap-updates-off.yaml").toString(), f.source());
        assertTrue(pack.fixtures().size() > 5, "built-in fixtures are there too");
    }

    @Test
    void matchingFixturePasses() {
        FixtureOutcome o = outcomes.get("gap-updates-off");
        assertTrue(o.passed(), String.join("\n", o.failures()));
        assertEquals("ok", o.description());
    }

    @Test
    void wrongStatusFails() {
        List<String> f = outcomes.get("pass-wrong-status").failures();
        assertEquals(1, f.size(), f.toString());
        assertTrue(f.get(0).contains("pass-wrong-status.yaml:"), f.get(0));
        assertTrue(f.get(0).contains("expected PATCH-92 on ws-2 to be PASS, got GAP: Windows Update off: NoAutoUpdate=1"), f.get(0));
    }

    @Test
    void unexpectedResultOfOwnControlAndMissingEvidenceFail() {
        List<String> f = outcomes.get("pass-forgets-a-device").failures();
        assertEquals(2, f.size(), f.toString());
        assertTrue(f.stream().anyMatch(s -> s.contains("evidence does not contain 'NoAutoUpdate'")), f.toString());
        assertTrue(f.stream().anyMatch(s -> s.contains("unexpected result PATCH-92 on ws-2 = GAP")), f.toString());
    }

    @Test
    void nameMustAnnounceAnExpectedStatus() {
        List<String> f = outcomes.get("waived-misnamed").failures();
        assertEquals(1, f.size(), f.toString());
        assertTrue(f.get(0).contains("the name announces WAIVED"), f.get(0));
    }

    @Test
    void unknownKeysAreReportedWithTheKnownOnes() {
        List<String> f = outcomes.get("gap-misspelt-key").failures();
        assertEquals(2, f.size(), f.toString());
        assertTrue(f.get(0).contains("unknown fixture key 'expcet'")
                && f.get(0).contains("known keys are " + String.join(", ", FixtureRunner.KEYS)), f.get(0));
        assertTrue(f.get(1).contains("fixture has no 'expect'"), f.get(1));

        f = outcomes.get("gap-misspelt-inner-keys").failures();
        String file = dir.resolve("PATCH-92/fixtures/gap-misspelt-inner-keys.yaml").toString();
        assertEquals(2, f.size(), f.toString());
        assertTrue(f.get(0).startsWith(file + ":4:") && f.get(0).contains("unknown device key 'adress'")
                && f.get(0).contains("known keys are id, roles, platform, backup"), f.get(0));
        assertTrue(f.get(1).startsWith(file + ":6:") && f.get(1).contains("unknown expectation key 'evidence'")
                && f.get(1).contains("known keys are control, device, status, evidenceContains"), f.get(1));
    }

    @Test
    void badFactsAreReportedWithTheirLine() {
        List<String> f = outcomes.get("gap-bad-fact").failures();
        assertEquals(3, f.size(), f.toString());
        String file = dir.resolve("PATCH-92/fixtures/gap-bad-fact.yaml").toString();
        assertTrue(f.get(0).startsWith(file + ":6:") && f.get(0).contains("unknown fact type 'AutoUpdates'"), f.get(0));
        assertTrue(f.get(1).startsWith(file + ":7:") && f.get(1).contains("enabeld"), f.get(1));
        assertTrue(f.get(2).startsWith(file + ":8:") && f.get(2).contains("device 'ws-9'"), f.get(2));
        assertFalse(outcomes.get("gap-bad-fact").passed());
    }
}
