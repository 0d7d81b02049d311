package io.auditor.report;

import io.auditor.model.Control;
import io.auditor.model.ControlResult;
import io.auditor.model.Role;
import io.auditor.model.RunReport;
import io.auditor.model.Severity;
import io.auditor.model.Status;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PolicyAreasTest {
    private static final PolicyAreas AREAS = PolicyAreas.builtIn();

    private static Control control(String id, Severity s) {
        return new Control(id, "Title of " + id, s, List.of("000 §12"), Set.of(Role.WORKSTATION), Set.of("t"),
                "why", "how", "fix");
    }

    private static ControlResult result(Control c, String device, Status s, String... evidence) {
        return new ControlResult(c, device, s, List.of(evidence), null, null);
    }

    private static PolicyAreas.AreaStatus area(String key, List<Control> controls, List<ControlResult> results) {
        RunReport r = new RunReport("r", SampleRuns.STARTED, SampleRuns.FINISHED, "S", "p", "", List.of(), results,
                controls, List.of());
        return AREAS.statuses(r).stream().filter(a -> a.area().key().equals(key)).findFirst().orElseThrow();
    }

    @Test
    void controlsMapToAreasByPrefix() {
        assertEquals("patching", AREAS.areaOf("PATCH-03").key());
        assertEquals("anti-malware", AREAS.areaOf("AV-02").key());
        assertEquals("accounts", AREAS.areaOf("ADM-07").key());
        assertEquals("accounts", AREAS.areaOf("PWD-01").key());
        assertEquals("backups", AREAS.areaOf("BAK-04").key());
        assertEquals("filtering", AREAS.areaOf("FLT-06").key());
        assertEquals("firewall", AREAS.areaOf("FW-01").key());
        assertEquals("endpoints", AREAS.areaOf("END-05").key());
        assertEquals("network", AREAS.areaOf("NET-02").key());
        assertEquals("inventory", AREAS.areaOf("INV-01").key());
        assertEquals("video-conferencing", AREAS.areaOf("VC-01").key());
        assertEquals("other", AREAS.areaOf("SCHOOL-01").key());
        assertEquals(10, AREAS.areas().size());
    }

    @Test
    void aCriticalOrHighGapIsRedAndTheSentenceCountsDevicesWithTheLimit() {
        Control av02 = control("AV-02", Severity.HIGH);
        List<ControlResult> results = new ArrayList<>();
        results.add(result(av02, "ws-1", Status.GAP, "definitions 5 days old (limit 3 days) [defender-status]"));
        results.add(result(av02, "ws-2", Status.GAP, "definitions 9 days old (limit 3 days) [defender-status]"));
        for (int i = 3; i <= 14; i++) results.add(result(av02, "ws-" + i, Status.PASS, "ok"));
        results.add(result(av02, "vc-1", Status.NOT_APPLICABLE));
        PolicyAreas.AreaStatus a = area("anti-malware", List.of(av02), results);
        assertEquals(Rag.RED, a.rag());
        assertEquals(14, a.devices());
        assertEquals("2 of 14 devices with anti-malware definitions older than 3 days.", a.sentence());
    }

    @Test
    void differentLimitsOrDeviceTextDoNotBecomeTheLimit() {
        Control av02 = control("AV-02", Severity.HIGH);
        PolicyAreas.AreaStatus a = area("anti-malware", List.of(av02), List.of(
                result(av02, "ws-1", Status.GAP, "x (limit 3 days)"),
                result(av02, "ws-2", Status.GAP, "x (limit 5 days)")));
        assertEquals("2 of 2 devices with anti-malware definitions older than the limit.", a.sentence());
        PolicyAreas.AreaStatus b = area("anti-malware", List.of(av02), List.of(
                result(av02, "ws-1", Status.GAP, "product (limit <b>forever</b>) [p]")));
        assertEquals("1 of 1 device with anti-malware definitions older than the limit.", b.sentence());
    }

    @Test
    void lowGapsAndMissingDataAreAmber() {
        Control vc01 = control("VC-01", Severity.LOW);
        PolicyAreas.AreaStatus low = area("video-conferencing", List.of(vc01), List.of(
                result(vc01, "vc-1", Status.GAP, "on"), result(vc01, "vc-2", Status.PASS, "off")));
        assertEquals(Rag.AMBER, low.rag());
        assertEquals("1 of 2 devices set to answer calls automatically.", low.sentence());

        Control bak = control("BAK-01", Severity.CRITICAL);
        PolicyAreas.AreaStatus missing = area("backups", List.of(bak), List.of(
                result(bak, "srv-1", Status.NOT_ASSESSED, "unreachable"), result(bak, "srv-2", Status.PASS, "ok")));
        assertEquals(Rag.AMBER, missing.rag());
        assertEquals("1 device could not be fully checked.", missing.sentence());
    }

    @Test
    void passWaivedAndNotApplicableAreGreen() {
        Control p = control("PATCH-01", Severity.HIGH);
        PolicyAreas.AreaStatus a = area("patching", List.of(p), List.of(
                result(p, "ws-1", Status.PASS, "ok"), result(p, "ws-2", Status.WAIVED, "pinned"),
                result(p, "vc-1", Status.NOT_APPLICABLE)));
        assertEquals(Rag.GREEN, a.rag());
        assertEquals("All 2 devices checked meet the policy; 1 gap is covered by an approved waiver.", a.sentence());
    }

    @Test
    void anAreaWithoutControlsOrInScopeDevicesIsNotChecked() {
        PolicyAreas.AreaStatus none = area("filtering", List.of(), List.of());
        assertEquals(Rag.NOT_COVERED, none.rag());
        assertEquals("The rule pack has no check for this area yet.", none.sentence());
        Control fw = control("FW-01", Severity.CRITICAL);
        PolicyAreas.AreaStatus na = area("firewall", List.of(fw), List.of(result(fw, "ws-1", Status.NOT_APPLICABLE)));
        assertEquals(Rag.NOT_COVERED, na.rag());
        assertEquals("No device in the inventory is in scope of this area's 1 check.", na.sentence());
    }

    @Test
    void theSentenceNamesTheMostSevereGapsAndCountsTheRest() {
        Control low = control("ADM-03", Severity.MEDIUM);
        Control crit = control("ADM-06", Severity.CRITICAL);
        Control high = control("ADM-01", Severity.HIGH);
        Control high2 = control("ADM-02", Severity.HIGH);
        List<ControlResult> results = new ArrayList<>();
        for (Control c : List.of(low, crit, high, high2)) results.add(result(c, "ws-1", Status.GAP, "x"));
        results.add(result(high2, "ws-2", Status.GAP, "x"));
        results.add(result(high, "ws-2", Status.PASS, "ok"));
        PolicyAreas.AreaStatus a = area("accounts", List.of(low, crit, high, high2), results);
        assertEquals("1 of 1 device with a student account in an admin group; "
                + "2 of 2 devices with shared or generic admin accounts; gaps in 2 more checks.", a.sentence());
    }

    @Test
    void aControlWithoutAPhraseIsNamedByItsTitleAndOtherControlsGetTheirOwnArea() {
        Control own = control("SCHOOL-01", Severity.MEDIUM);
        PolicyAreas.AreaStatus a = area("other", List.of(own), List.of(result(own, "ws-1", Status.GAP, "x")));
        assertEquals("Other checks", a.area().name());
        assertEquals("1 of 1 device failing “Title of SCHOOL-01”.", a.sentence());
    }
}
