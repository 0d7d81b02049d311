package io.auditor.rules;

import io.auditor.model.Control;
import io.auditor.model.ControlResult;
import io.auditor.model.Device;
import io.auditor.model.DeviceOutcome;
import io.auditor.model.Role;
import io.auditor.model.Status;
import io.auditor.model.Waiver;
import io.auditor.model.facts.AdminGroup;
import io.auditor.model.facts.AntiMalwareStatus;
import io.auditor.model.facts.BackupRun;
import io.auditor.model.facts.BackupStatus;
import io.auditor.model.facts.Fact;
import io.auditor.model.facts.GroupMember;
import io.auditor.model.facts.PendingUpdate;
import io.auditor.model.facts.UpdateStatus;
import io.auditor.model.facts.VideoConferenceSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RuleEngineTest {
    static RulePack builtIn;
    static RulePack withTestControl;

    @TempDir
    static Path rulesDir;

    static final Instant SCAN = Instant.parse("2026-03-15T08:00:00Z");

    @BeforeAll
    static void load() throws Exception {
        builtIn = RulePack.load(List.of());
        String meta = """
                    @title("Test control") @severity("low") @policyRefs("test") @scope("workstation")
                    @needs("updates") @rationale("r") @check("c") @remediation("m")
                """;
        String drl = RulePackTest.HEADER
                + "rule \"t pass\" @id(\"TST-01\")\n" + meta
                + "when $d : Device( id == \"ws-1\" || id == \"ws-2\" || id == \"ws-3\" )\nthen findings.pass(kcontext, $d, \"looked fine\"); end\n"
                + "rule \"t gap one\" @id(\"TST-01\") when $d : Device( id == \"ws-1\" ) then findings.gap(kcontext, $d, \"bad one\"); end\n"
                + "rule \"t gap one again\" @id(\"TST-01\") when $d : Device( id == \"ws-1\" ) then findings.gap(kcontext, $d, \"bad one\"); end\n"
                + "rule \"t gap two\" @id(\"TST-01\") when $d : Device( id == \"ws-1\" ) then findings.gap(kcontext, $d, \"bad two\"); end\n"
                + "rule \"t n/a\" @id(\"TST-01\") when $d : Device( id == \"ws-2\" ) then findings.notApplicable(kcontext, $d, \"n/a\"); end\n"
                + "rule \"t unknown\" @id(\"TST-01\") when $d : Device( id == \"ws-3\" ) then findings.notAssessed(kcontext, $d, \"could not tell\"); end\n"
                + "rule \"t out of scope\" @id(\"TST-01\") when $d : Device( id == \"srv-1\" ) then findings.gap(kcontext, $d, \"not mine\"); end\n";
        Files.writeString(rulesDir.resolve("test.drl"), drl);
        withTestControl = RulePack.load(List.of(rulesDir));
    }

    static Device device(String id, boolean backupRequired, Role... roles) {
        return new Device(id, Set.of(roles), "debian", null, null, null, backupRequired);
    }

    static Evaluation evaluation(List<Device> devices, List<Fact> facts, Map<String, DeviceOutcome> outcomes,
                                 List<Waiver> waivers, LocalDate asOf) {
        return new Evaluation(devices, facts, outcomes, ProfileLoader.defaults(), waivers, asOf);
    }

    static ControlResult result(EvaluationResult r, String control, String device) {
        return r.results().stream().filter(c -> c.control().id().equals(control) && c.deviceId().equals(device))
                .findFirst().orElseThrow(() -> new AssertionError("no result for " + control + " on " + device));
    }

    @Test
    void worstFindingWinsAndKeepsOnlyItsOwnEvidence() {
        List<Device> devices = List.of(device("ws-1", false, Role.WORKSTATION), device("ws-2", false, Role.WORKSTATION),
                device("ws-3", false, Role.WORKSTATION), device("srv-1", false, Role.SERVER));
        EvaluationResult r = new RuleEngine(withTestControl).evaluate(
                evaluation(devices, List.of(), Map.of(), List.of(), LocalDate.of(2026, 3, 15)));
        ControlResult ws1 = result(r, "TST-01", "ws-1");
        assertEquals(Status.GAP, ws1.status());
        assertEquals(Set.of("bad one", "bad two"), Set.copyOf(ws1.evidence()));
        assertEquals(2, ws1.evidence().size(), "identical evidence lines are kept once");
        assertEquals(Status.PASS, result(r, "TST-01", "ws-2").status());
        assertEquals(List.of("looked fine"), result(r, "TST-01", "ws-2").evidence());
        assertEquals(Status.NOT_ASSESSED, result(r, "TST-01", "ws-3").status());
        assertEquals(List.of("could not tell"), result(r, "TST-01", "ws-3").evidence());
        assertTrue(r.results().stream().noneMatch(c -> c.control().id().equals("TST-01") && c.deviceId().equals("srv-1")),
                "a finding on a device outside the control's scope is dropped");
        assertSame(withTestControl.control("TST-01").orElseThrow(), ws1.control());
    }

    @Test
    void missingResultsAreNotAssessedWithTheCollectionReason() {
        List<Device> devices = List.of(device("srv-a", false, Role.SERVER), device("srv-b", false, Role.SERVER),
                device("srv-c", false, Role.SERVER), device("srv-d", false, Role.SERVER));
        Map<String, DeviceOutcome> outcomes = Map.of(
                "srv-a", new DeviceOutcome("srv-a", false, List.of("ssh: connection refused"), Map.of(), Set.of()),
                "srv-b", new DeviceOutcome("srv-b", true, List.of(), Map.of("updates", List.of("apt: output not understood")),
                        Set.of("updates")),
                "srv-c", new DeviceOutcome("srv-c", true, List.of(), Map.of(), Set.of("anti-malware")));
        EvaluationResult r = new RuleEngine(builtIn).evaluate(
                evaluation(devices, List.of(), outcomes, List.of(), LocalDate.of(2026, 3, 15)));
        assertEquals(List.of("ssh: connection refused"), result(r, "PATCH-01", "srv-a").evidence());
        assertEquals(List.of("apt: output not understood"), result(r, "PATCH-01", "srv-b").evidence());
        assertEquals(List.of("no collector for platform 'debian' provides updates yet"), result(r, "PATCH-01", "srv-c").evidence());
        assertEquals(List.of(RuleEngine.NOT_COLLECTED), result(r, "PATCH-01", "srv-d").evidence());
        for (ControlResult c : r.results()) {
            if (!c.control().id().equals("BAK-01")) assertEquals(Status.NOT_ASSESSED, c.status(), c.toString());
        }
    }

    // --- waivers ---------------------------------------------------------------------------------------------

    static final Waiver MARCH = new Waiver("VC-01", "vc-*", "replacement unit ordered", "room locked", "Head",
            LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31), "waivers.yaml:2");

    static EvaluationResult vcEstate(List<Waiver> waivers, LocalDate asOf) {
        List<Device> devices = List.of(device("vc-gap", false, Role.VC_ENDPOINT), device("vc-pass", false, Role.VC_ENDPOINT),
                device("vc-unknown", false, Role.VC_ENDPOINT));
        List<Fact> facts = List.of(new VideoConferenceSettings("vc-gap", "roomos", "On", true, 0, "Off"),
                new VideoConferenceSettings("vc-pass", "roomos", "Off", false, null, null));
        return new RuleEngine(builtIn).evaluate(evaluation(devices, facts, Map.of(), waivers, asOf));
    }

    @Test
    void waiverIsNotYetActiveTheDayBeforeItTakesEffect() {
        EvaluationResult r = vcEstate(List.of(MARCH), LocalDate.of(2026, 2, 28));
        ControlResult gap = result(r, "VC-01", "vc-gap");
        assertEquals(Status.GAP, gap.status());
        assertNull(gap.waiver());
        assertNull(gap.expiredWaiver());
        assertEquals(List.of(), r.expiredWaivers());
    }

    @Test
    void waiverCoversItsFirstAndLastDay() {
        for (LocalDate day : List.of(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31))) {
            EvaluationResult r = vcEstate(List.of(MARCH), day);
            ControlResult waived = result(r, "VC-01", "vc-gap");
            assertEquals(Status.WAIVED, waived.status(), day.toString());
            assertSame(MARCH, waived.waiver());
            assertFalse(waived.evidence().isEmpty(), "a waived result still shows what was found");
            assertEquals(List.of(), r.expiredWaivers());
        }
    }

    @Test
    void waiverExpiresTheDayAfterItsLastDay() {
        EvaluationResult r = vcEstate(List.of(MARCH), LocalDate.of(2026, 4, 1));
        ControlResult gap = result(r, "VC-01", "vc-gap");
        assertEquals(Status.GAP, gap.status());
        assertNull(gap.waiver());
        assertSame(MARCH, gap.expiredWaiver());
        assertEquals("waiver at waivers.yaml:2 expired on 2026-03-31", gap.evidence().get(gap.evidence().size() - 1));
        assertEquals(List.of(MARCH), r.expiredWaivers());
    }

    @Test
    void waiversNeverChangePassOrNotAssessed() {
        for (LocalDate day : List.of(LocalDate.of(2026, 3, 15), LocalDate.of(2026, 4, 15))) {
            EvaluationResult r = vcEstate(List.of(MARCH), day);
            ControlResult pass = result(r, "VC-01", "vc-pass");
            assertEquals(Status.PASS, pass.status());
            assertNull(pass.waiver());
            assertNull(pass.expiredWaiver());
            ControlResult unknown = result(r, "VC-01", "vc-unknown");
            assertEquals(Status.NOT_ASSESSED, unknown.status());
            assertNull(unknown.waiver());
            assertNull(unknown.expiredWaiver());
        }
    }

    @Test
    void anActiveWaiverWinsOverAnExpiredOne() {
        Waiver april = new Waiver("VC-01", "vc-gap", "still waiting", "room locked", "Head",
                LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 30), "waivers.yaml:9");
        EvaluationResult r = vcEstate(List.of(MARCH, april), LocalDate.of(2026, 4, 10));
        assertEquals(Status.WAIVED, result(r, "VC-01", "vc-gap").status());
        assertSame(april, result(r, "VC-01", "vc-gap").waiver());
        assertEquals(List.of(MARCH), r.expiredWaivers());
    }

    @Test
    void aWaiverForAnotherControlOrDeviceDoesNothing() {
        Waiver other = new Waiver("PATCH-01", "vc-gap", "x", "y", "z", LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 12, 31), "w:1");
        Waiver otherDevice = new Waiver("VC-01", "vc-pass", "x", "y", "z", LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 12, 31), "w:7");
        assertEquals(Status.GAP, result(vcEstate(List.of(other, otherDevice), LocalDate.of(2026, 3, 15)), "VC-01", "vc-gap").status());
    }

    // --- exactly one result per control × in-scope device, over generated estates ------------------------------

    @Test
    void exactlyOneResultPerControlAndInScopeDevice() {
        for (long seed = 1; seed <= 40; seed++) {
            Random random = new Random(seed);
            List<Device> devices = new ArrayList<>();
            List<Fact> facts = new ArrayList<>();
            Map<String, DeviceOutcome> outcomes = new HashMap<>();
            int n = random.nextInt(9);
            for (int i = 0; i < n; i++) {
                EnumSet<Role> roles = EnumSet.noneOf(Role.class);
                for (Role role : Role.values()) if (random.nextInt(4) == 0) roles.add(role);
                String id = "dev-" + (char) ('a' + random.nextInt(26)) + i;
                devices.add(new Device(id, roles, "debian", null, null, null, random.nextBoolean()));
                facts.addAll(randomFacts(id, random));
                if (random.nextInt(3) == 0) {
                    outcomes.put(id, new DeviceOutcome(id, random.nextBoolean(), List.of(), Map.of(),
                            Set.of("updates", "backups")));
                }
            }
            List<Waiver> waivers = random.nextBoolean() ? List.of() : List.of(new Waiver("AV-01", "dev-*", "r", "r", "r",
                    LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 20), "w:1"));
            EvaluationResult r = new RuleEngine(builtIn).evaluate(
                    evaluation(devices, facts, outcomes, waivers, LocalDate.of(2026, 3, 15)));

            String context = "seed " + seed + ": " + devices;
            int expected = 0;
            for (Control c : builtIn.controls()) {
                for (Device d : devices) {
                    long count = r.results().stream()
                            .filter(x -> x.control().id().equals(c.id()) && x.deviceId().equals(d.id())).count();
                    assertEquals(c.appliesTo(d) ? 1 : 0, count, c.id() + " on " + d.id() + ", " + context);
                    if (c.appliesTo(d)) expected++;
                }
            }
            assertEquals(expected, r.results().size(), context);
            List<ControlResult> sorted = new ArrayList<>(r.results());
            sorted.sort(Comparator.comparing((ControlResult x) -> x.control().id()).thenComparing(ControlResult::deviceId));
            assertEquals(sorted, r.results(), "sorted by control then device, " + context);
            for (ControlResult x : r.results()) {
                assertFalse(x.evidence().isEmpty(), "every result says why: " + x + ", " + context);
                if (x.status() == Status.WAIVED) assertEquals("AV-01", x.control().id(), context);
            }
        }
    }

    static List<Fact> randomFacts(String id, Random random) {
        List<Fact> facts = new ArrayList<>();
        Instant observed = random.nextInt(5) == 0 ? null : SCAN;
        if (random.nextBoolean()) {
            facts.add(new UpdateStatus(id, "apt", observed, randomPast(random), random.nextInt(5)));
            for (int i = random.nextInt(4); i > 0; i--) {
                facts.add(new PendingUpdate(id, "apt", "pkg" + i, random.nextBoolean() ? "1.0" : null, "1.1",
                        random.nextBoolean(), randomPast(random)));
            }
        }
        if (random.nextBoolean()) {
            facts.add(new AntiMalwareStatus(id, "av", observed, random.nextBoolean() ? "Defender" : null,
                    randomBoolean(random), randomBoolean(random), randomBoolean(random), randomBoolean(random),
                    null, randomPast(random)));
        }
        if (random.nextBoolean()) {
            facts.add(new AdminGroup(id, "groups", "sudo", 2));
            facts.add(new GroupMember(id, "groups", "sudo", random.nextBoolean() ? "root" : "bob", "user", null));
            if (random.nextInt(4) == 0) facts.add(new GroupMember(id, "groups", "sudo", null, null, null));
        }
        if (random.nextBoolean()) {
            facts.add(new BackupStatus(id, "restic", observed, "restic", random.nextInt(3)));
            for (int i = random.nextInt(4); i > 0; i--) {
                facts.add(new BackupRun(id, "restic", "restic", random.nextBoolean() ? "/srv" : "/home",
                        randomPast(random), random.nextBoolean(), "x"));
            }
        }
        if (random.nextBoolean()) {
            facts.add(new VideoConferenceSettings(id, "roomos", "On", randomBoolean(random), null, null));
        }
        return facts;
    }

    static Boolean randomBoolean(Random random) {
        int n = random.nextInt(3);
        return n == 0 ? null : n == 1;
    }

    static Instant randomPast(Random random) {
        return random.nextInt(4) == 0 ? null : SCAN.minus(Duration.ofHours(random.nextInt(24 * 40)));
    }

    @Test
    void aFloodOfFindingsIsBoundedInTheResult() {
        Device d = new Device("srv-01", Set.of(Role.SERVER), "debian", null, null, null, false);
        List<Fact> facts = new ArrayList<>();
        facts.add(new AdminGroup("srv-01", "admin-groups", "sudo", 5000));
        for (int i = 0; i < 5000; i++) {
            facts.add(new GroupMember("srv-01", "admin-groups", "sudo", "intruder" + i, "user", "local"));
        }
        EvaluationResult r = new RuleEngine(builtIn).evaluate(
                evaluation(List.of(d), facts, Map.of(), List.of(), LocalDate.parse("2026-11-20")));
        ControlResult adm = r.results().stream().filter(x -> x.control().id().equals("ADM-01")).findFirst().orElseThrow();
        assertEquals(Status.GAP, adm.status());
        assertEquals(RuleEngine.MAX_EVIDENCE_LINES + 1, adm.evidence().size(), "50 lines and a count of the rest");
        assertEquals("… and 4950 more", adm.evidence().get(RuleEngine.MAX_EVIDENCE_LINES));
        assertTrue(adm.evidence().get(0).contains("intruder"));
    }

    @Test
    void aHugeEvidenceLineIsCut() {
        List<String> out = RuleEngine.bounded(List.of("x".repeat(RuleEngine.MAX_EVIDENCE_CHARS + 10)));
        assertEquals(1, out.size());
        assertTrue(out.get(0).endsWith("… (10 more characters)"), out.get(0).substring(RuleEngine.MAX_EVIDENCE_CHARS));
    }

    static final Set<String> FALLBACK_ONLY = Set.of("PATCH-01", "AV-01", "AV-02", "ADM-01", "BAK-01", "VC-01",
            "ADM-04", "ADM-05", "ADM-06", "PWD-01", "BAK-03", "BAK-04");

    @Test
    void everyControlGivesEveryInScopeDeviceAResultExplainingAMissingCollector() {
        // One device per role on a platform with probes for nothing the controls need, and one on a platform
        // that is not contacted at all: every control in scope must end NOT_ASSESSED, saying why.
        List<Device> devices = new ArrayList<>();
        Map<String, DeviceOutcome> outcomes = new java.util.HashMap<>();
        for (Role role : Role.values()) {
            Device d = new Device("bare-" + role.yamlName(), Set.of(role), "newos", null, null, null, true);
            devices.add(d);
            outcomes.put(d.id(), new DeviceOutcome(d.id(), true, List.of(), Map.of(), Set.of("vendor-trivia")));
            Device off = new Device("off-" + role.yamlName(), Set.of(role), "pfsense", null, null, null, true);
            devices.add(off);
            outcomes.put(off.id(), new DeviceOutcome(off.id(), false,
                    List.of("not contacted: no collector for platform 'pfsense' exists yet"), Map.of(), Set.of()));
        }
        EvaluationResult r = new RuleEngine(builtIn).evaluate(evaluation(devices, List.of(), outcomes, List.of(),
                LocalDate.parse("2026-11-20")));
        int expected = 0;
        for (io.auditor.model.Control c : builtIn.controls()) {
            for (Device d : devices) {
                if (!c.appliesTo(d)) continue;
                expected++;
                ControlResult res = result(r, c.id(), d.id());
                if (res.status() == Status.NOT_APPLICABLE) continue; // e.g. a control that does not concern this role
                if (res.status() == Status.GAP && !c.needs().isEmpty()) {
                    // Only a gap stated by the inventory itself (BAK-02: no off-site target declared) may stand
                    // without collected facts.
                    assertEquals("BAK-02", c.id(), c.id() + " on " + d.id() + " is a GAP without facts: " + res.evidenceText());
                    continue;
                }
                assertEquals(Status.NOT_ASSESSED, res.status(), c.id() + " on " + d.id() + ": " + res.evidenceText());
                String why = res.evidenceText();
                assertFalse(why.isBlank(), c.id() + " on " + d.id() + " gives no reason");
                // Other controls may explain themselves (END-05: the profile names no agent; INV-02: no history);
                // these have no rule that speaks without facts, so the engine's reason must name the collector.
                if (!FALLBACK_ONLY.contains(c.id())) continue;
                assertTrue(d.id().startsWith("off-") ? why.contains("no collector for platform 'pfsense' exists yet")
                        : why.contains("no collector for platform 'newos' provides"), c.id() + " on " + d.id() + ": " + why);
            }
        }
        assertEquals(expected, r.results().size(), "exactly one result per control and in-scope device");
    }

    @Test
    void aWaiverApprovedAheadOfTimeIsNamedOnTheGapItWillCover() {
        Waiver later = new Waiver("VC-01", "vc-gap", "new unit arrives", "room locked", "Head",
                LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 30), "waivers.yaml:7");
        EvaluationResult r = vcEstate(List.of(later), LocalDate.of(2026, 3, 15));
        ControlResult gap = result(r, "VC-01", "vc-gap");
        assertEquals(Status.GAP, gap.status());
        assertNull(gap.waiver());
        assertTrue(gap.evidenceText().endsWith("waiver at waivers.yaml:7 takes effect only on 2026-04-01"), gap.evidenceText());
        assertEquals(List.of(), r.expiredWaivers());
    }
}
