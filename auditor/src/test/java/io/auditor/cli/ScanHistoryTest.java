package io.auditor.cli;

import io.auditor.model.Device;
import io.auditor.model.DeviceOutcome;
import io.auditor.model.Role;
import io.auditor.model.RunReport;
import io.auditor.model.facts.DeviceSighting;
import io.auditor.model.facts.Fact;
import io.auditor.report.history.RunContext;
import io.auditor.report.history.RunHistory;
import io.auditor.scan.Audit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScanHistoryTest {
    private static final Instant FIRST = Instant.parse("2026-10-01T02:00:00Z");
    private static final Audit.Collected NOTHING = new Audit.Collected(FIRST, List.of(), Map.of());

    private static RunReport run(String id, Instant started, boolean ws1Reachable) {
        return new RunReport(id, started, started.plusSeconds(2), "Example Academy", "defaults", "", List.of(
                new RunReport.DeviceSummary("ws-1", List.of("workstation"), "windows", ws1Reachable, List.of()),
                new RunReport.DeviceSummary("ws-2", List.of("workstation"), "windows", false, List.of("off"))),
                List.of(), List.of(), List.of());
    }

    private static Device device(String id) {
        return new Device(id, Set.of(Role.WORKSTATION), "windows", null, null, null, false);
    }

    @Test
    void devicesSeenInEarlierRunsBecomeSightingsFromHistory(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("history.db");
        try (RunHistory h = RunHistory.open(file)) {
            h.record(run("A", FIRST, true), "v");
            h.record(run("B", FIRST.plusSeconds(86_400), false), "v"); // ws-1 off the next night
        }
        ScanHistory history = ScanHistory.open(file);
        Fact collectedFact = new DeviceSighting("ws-3", "arp-table", FIRST);
        Audit.Collected collected = new Audit.Collected(FIRST.plusSeconds(2 * 86_400), List.of(collectedFact),
                Map.of("ws-1", new DeviceOutcome("ws-1", true, List.of(), Map.of(), Set.of())));
        Audit.Collected with = history.withSightings(collected,
                List.of(device("ws-1"), device("ws-2"), device("ws-3")));
        // ws-1 last seen in run A; ws-2 never reachable; ws-3 only in this run's own facts.
        assertEquals(List.of(collectedFact, new DeviceSighting("ws-1", "history", FIRST)), with.facts());
        assertEquals(collected.outcomes(), with.outcomes());
        assertEquals(collected.startedAt(), with.startedAt());
    }

    @Test
    void aRunSeesDevicesByItsOwnSightingsOrByAnsweringButNotByHistory() {
        Instant arp = FIRST.plusSeconds(40);
        Instant answered = FIRST.plusSeconds(5);
        Audit.Collected collected = new Audit.Collected(FIRST, List.of(
                new DeviceSighting("ws-2", "arp-table sw-core", arp),
                new DeviceSighting("ws-2", "lldp sw-core", FIRST.plusSeconds(1)),
                new DeviceSighting("ws-1", "answered its probes", answered),
                new DeviceSighting("ws-9", "history", FIRST.minusSeconds(86_400))), Map.of());
        // ws-1 answered (its own sighting wins over the run start); ws-2 was unreachable but in the ARP table.
        assertEquals(Map.of("ws-1", answered, "ws-2", arp), ScanHistory.seen(run("R", FIRST, true), collected));
        // Without sightings from the collectors, a reachable device is seen at the run's start.
        assertEquals(Map.of("ws-1", FIRST), ScanHistory.seen(run("R", FIRST, true), NOTHING));
    }

    @Test
    void aRunThatCannotBeRecordedIsReportedAndGivesNoContext(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("history.db");
        ScanHistory history = ScanHistory.open(file);
        StringWriter err = new StringWriter();
        Clock clock = Clock.fixed(FIRST, ZoneOffset.UTC);
        RunContext first = history.record(run("A", FIRST, true), NOTHING, new HistoryCommand.Retention(), clock,
                new PrintWriter(err, true));
        assertNotNull(first);
        assertEquals(1, first.trend().size());

        RunContext again = history.record(run("A", FIRST, true), NOTHING, new HistoryCommand.Retention(), clock,
                new PrintWriter(err, true));
        assertNull(again, "the same run id cannot be recorded twice");
        assertTrue(err.toString().contains("history: could not record run A: run A is already in"), err.toString());
        assertTrue(err.toString().contains("the reports are complete, but this run is not in the history (exit status 3)"),
                err.toString());
    }
}
