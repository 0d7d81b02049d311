package io.auditor.rules;

import io.auditor.model.InputProblem;
import io.auditor.model.InvalidInputException;
import io.auditor.model.Waiver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WaiverLoaderTest {
    static final Set<String> CONTROLS = Set.of("PATCH-01", "AV-01", "VC-01");
    static final Set<String> DEVICES = Set.of("srv-01", "ws-101", "ws-102");

    @TempDir
    Path dir;

    static String waiver(String control, String devices, String effective, String expires) {
        return """
                  - control: %s
                    devices: %s
                    reason: vendor support ends before upgrade window
                    riskAccepted: isolated VLAN
                    approvedBy: Head teacher
                    effective: %s
                    expires: %s
                """.formatted(control, devices, effective, expires);
    }

    List<Waiver> load(String text) throws Exception {
        return WaiverLoader.load(Files.writeString(dir.resolve("waivers.yaml"), text), CONTROLS, DEVICES);
    }

    InvalidInputException fails(String text) throws Exception {
        Path p = Files.writeString(dir.resolve("waivers.yaml"), text);
        return assertThrows(InvalidInputException.class, () -> WaiverLoader.load(p, CONTROLS, DEVICES));
    }

    @Test
    void readsEveryFieldAndWhereItWasWritten() throws Exception {
        List<Waiver> ws = load("waivers:\n" + waiver("PATCH-01", "srv-01", "2026-01-01", "2026-03-31")
                + waiver("AV-01", "\"ws-*\"", "2026-02-01", "2026-02-01"));
        assertEquals(2, ws.size());
        Waiver w = ws.get(0);
        assertEquals("PATCH-01", w.control());
        assertEquals("srv-01", w.devicePattern());
        assertEquals("vendor support ends before upgrade window", w.reason());
        assertEquals("isolated VLAN", w.riskAccepted());
        assertEquals("Head teacher", w.approvedBy());
        assertEquals(LocalDate.of(2026, 1, 1), w.effective());
        assertEquals(LocalDate.of(2026, 3, 31), w.expires());
        assertEquals(dir.resolve("waivers.yaml") + ":2", w.source());
        assertEquals(dir.resolve("waivers.yaml") + ":9", ws.get(1).source());
        assertTrue(ws.get(1).matches("AV-01", "ws-102"));
    }

    @Test
    void aListOfDevicePatternsGivesOneWaiverEach() throws Exception {
        List<Waiver> ws = load("waivers:\n" + waiver("VC-01", "[srv-01, ws-101]", "2026-01-01", "2026-03-31"));
        assertEquals(List.of("srv-01", "ws-101"), ws.stream().map(Waiver::devicePattern).toList());
    }

    @Test
    void emptyFileListIsNoWaivers() throws Exception {
        assertEquals(List.of(), load("waivers: []\n"));
        assertEquals(List.of(), load("waivers:\n"));
    }

    @Test
    void unknownControlListsTheKnownOnes() throws Exception {
        InvalidInputException e = fails("waivers:\n" + waiver("PATCH-1", "srv-01", "2026-01-01", "2026-03-31"));
        InputProblem p = e.problems().get(0);
        assertEquals(2, p.line());
        assertTrue(p.message().contains("unknown control 'PATCH-1'"), p.message());
        assertEquals("known controls are AV-01, PATCH-01, VC-01", p.hint());
    }

    @Test
    void patternMatchingNoDeviceIsRefused() throws Exception {
        InvalidInputException e = fails("waivers:\n" + waiver("PATCH-01", "\"lt-*\"", "2026-01-01", "2026-03-31"));
        InputProblem p = e.problems().get(0);
        assertEquals(3, p.line());
        assertTrue(p.message().contains("'lt-*' matches no device"), p.message());
    }

    @Test
    void expiryBeforeEffectiveIsRefusedButSameDayIsFine() throws Exception {
        InvalidInputException e = fails("waivers:\n" + waiver("PATCH-01", "srv-01", "2026-03-01", "2026-02-28"));
        assertTrue(e.getMessage().contains("expires (2026-02-28) before it takes effect (2026-03-01)"), e.getMessage());
        assertEquals(1, load("waivers:\n" + waiver("PATCH-01", "srv-01", "2026-03-01", "2026-03-01")).size());
    }

    @Test
    void missingAndUnknownKeysAreRefused() throws Exception {
        String text = "waivers:\n" + waiver("PATCH-01", "srv-01", "2026-01-01", "2026-03-31")
                .replace("    approvedBy: Head teacher\n", "    approver: Head teacher\n");
        InvalidInputException e = fails(text);
        assertTrue(e.getMessage().contains("unknown waiver key 'approver'"), e.getMessage());
        assertTrue(e.getMessage().contains("waiver has no 'approvedBy'"), e.getMessage());
    }

    @Test
    void badDateIsRefused() throws Exception {
        InvalidInputException e = fails("waivers:\n" + waiver("PATCH-01", "srv-01", "2026-01-01", "31/03/2026"));
        assertTrue(e.getMessage().contains("'expires' must be a date YYYY-MM-DD, found '31/03/2026'"), e.getMessage());
        e = fails("waivers:\n" + waiver("PATCH-01", "srv-01", "2026-02-30", "2026-03-31"));
        assertTrue(e.getMessage().contains("found '2026-02-30'"), e.getMessage());
    }

    @Test
    void otherTopLevelKeysAreRefused() throws Exception {
        InvalidInputException e = fails("waiver:\n" + waiver("PATCH-01", "srv-01", "2026-01-01", "2026-03-31"));
        assertTrue(e.getMessage().contains("unknown key 'waiver'"), e.getMessage());
    }
}
