package io.auditor.report.history;

import io.auditor.model.RunReport;
import io.auditor.model.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunHistoryTest {
    private static final Instant T0 = Instant.parse("2026-11-18T02:00:00Z");
    private static final Instant T1 = Instant.parse("2026-11-19T02:00:00Z");
    private static final Instant T2 = Instant.parse("2026-11-20T02:00:00Z");

    @Test
    void aRecordedRunLoadsBackEqualToWhatWasRecorded(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("nested/folder/history.db");
        RunReport original = Runs.rich("20261120T020000Z-1a2b3c4d", T2);
        try (RunHistory h = RunHistory.open(file)) {
            h.record(original, "0.1.0-test");
        }
        try (RunHistory h = RunHistory.openExisting(file)) {
            RunReport loaded = h.load(original.runId()).orElseThrow();
            assertEquals(original, loaded);
            assertEquals(original.controls(), loaded.controls(), "pack controls, in order, even one no result used");
            StoredRun listed = h.runs().get(0);
            assertEquals("0.1.0-test", listed.toolVersion());
            assertEquals(3, listed.devices());
            assertEquals(List.of(1L, 1L, 1L, 1L, 1L), List.of(listed.pass(), listed.gap(), listed.notAssessed(),
                    listed.waived(), listed.notApplicable()));
            assertEquals(RunHistory.SCHEMA_VERSION, h.schemaVersion());
            assertTrue(h.load("no-such-run").isEmpty());
        }
    }

    @Test
    void aControlAResultNamesButThePackDoesNotListIsStoredWithoutBeingListed(@TempDir Path dir) throws Exception {
        RunReport r = Runs.run("A", T0, "AV-01 ws-101 GAP", "VC-01 vc-hall GAP");
        RunReport packWithoutVc = new RunReport(r.runId(), r.startedAt(), r.finishedAt(), r.school(), r.profileName(),
                r.profileSha256(), r.devices(), r.results(), List.of(Runs.AV01, Runs.AV02), List.of());
        try (RunHistory h = RunHistory.open(dir.resolve("h.db"))) {
            h.record(packWithoutVc, "v");
            RunReport loaded = h.load("A").orElseThrow();
            assertEquals(packWithoutVc, loaded);
            assertEquals(List.of(Runs.AV01, Runs.AV02), loaded.controls(), "only the pack's controls are listed");
            assertEquals(Runs.VC01, loaded.results().get(1).control(), "the unlisted control keeps its metadata");
        }
    }

    @Test
    void aWaiverIsStoredUnderTheKeysHistoriesAlreadyWrittenUse(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("h.db");
        try (RunHistory h = RunHistory.open(file)) {
            h.record(Runs.rich("R1", T2), "v");
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT waiver FROM expired_waivers")) {
            assertTrue(rs.next());
            assertEquals("{\"control\":\"AV-01\",\"devicePattern\":\"ws-101\",\"reason\":\"old exception\","
                    + "\"riskAccepted\":\"none\",\"approvedBy\":\"A Jones\",\"effective\":\"2024-01-01\","
                    + "\"expires\":\"2024-12-31\",\"source\":\"waivers.yaml:12\"}", rs.getString(1));
        }
    }

    @Test
    void aRunIdIsRecordedOnlyOnce(@TempDir Path dir) throws Exception {
        try (RunHistory h = RunHistory.open(dir.resolve("h.db"))) {
            RunReport r = Runs.run("R1", T0, "AV-01 ws-101 GAP");
            h.record(r, "v");
            HistoryException e = assertThrows(HistoryException.class,
                    () -> h.record(Runs.run("R1", T1, "AV-01 ws-101 PASS"), "v"));
            assertFalse(e.unusableFile());
            assertEquals(r, h.load("R1").orElseThrow(), "the failed second write changed nothing");
            assertEquals(1, h.runs().size());
        }
    }

    @Test
    void diffNamesNewFixedStillOpenAndNoLongerAssessedGaps(@TempDir Path dir) throws Exception {
        try (RunHistory h = RunHistory.open(dir.resolve("h.db"))) {
            h.record(Runs.run("A", T0, "AV-01 ws-101 GAP", "AV-02 ws-101 GAP", "VC-01 vc-hall GAP",
                    "AV-01 ws-102 GAP", "AV-02 ws-102 PASS", "AV-01 ws-103 GAP"), "v");
            h.record(Runs.run("B", T1, "AV-01 ws-101 GAP", "AV-02 ws-101 WAIVED", "VC-01 vc-hall PASS",
                    "AV-01 ws-102 NOT_ASSESSED", "AV-02 ws-102 GAP", "AV-01 ws-104 GAP"), "v");
            RunDiff d = h.diff("A", "B");
            assertEquals("A", d.fromRunId());
            assertEquals("B", d.toRunId());
            assertEquals(List.of("AV-01 ws-104", "AV-02 ws-102"), names(d.newGaps()), "critical before high");
            assertEquals(List.of("AV-02 ws-101", "VC-01 vc-hall"), names(d.fixedGaps()));
            assertEquals(List.of("AV-01 ws-101"), names(d.stillOpen()));
            // Unreachable this time, or gone from the run: not known to be fixed.
            assertEquals(List.of("AV-01 ws-102", "AV-01 ws-103"), names(d.noLongerAssessed()));
            assertEquals(Severity.CRITICAL, d.newGaps().get(0).severity());
            assertEquals("Anti-malware installed and running", d.newGaps().get(0).title());

            RunDiff back = h.diff("B", "A");
            // A gap where the older run could not assess counts as new: it was not known before.
            assertEquals(List.of("AV-01 ws-102", "AV-01 ws-103", "AV-02 ws-101", "VC-01 vc-hall"),
                    names(back.newGaps()));
        }
    }

    @Test
    void contextGivesTheTrendUpToARunAndTheDiffFromTheRunBefore(@TempDir Path dir) throws Exception {
        try (RunHistory h = RunHistory.open(dir.resolve("h.db"))) {
            h.record(Runs.run("A", T0, "AV-01 ws-101 GAP", "VC-01 vc-hall GAP"), "v");
            h.record(Runs.run("B", T1, "AV-01 ws-101 PASS", "VC-01 vc-hall GAP"), "v");
            h.record(Runs.run("C", T2, "AV-01 ws-101 PASS", "VC-01 vc-hall PASS"), "v");

            RunContext first = h.context("A", 10);
            assertNull(first.sinceLast(), "the first run has nothing to compare with");
            assertEquals(List.of("A"), first.trend().stream().map(TrendPoint::runId).toList());

            RunContext middle = h.context("B", 10);
            assertEquals(List.of("A", "B"), middle.trend().stream().map(TrendPoint::runId).toList(),
                    "a later run is not part of an earlier run's trend");
            assertEquals(List.of("AV-01 ws-101"), names(middle.sinceLast().fixedGaps()));

            RunContext last = h.context("C", 2);
            assertEquals(List.of("B", "C"), last.trend().stream().map(TrendPoint::runId).toList());
            assertEquals(new TrendPoint("C", T2, 2, 0, 0, 0, 0), last.trend().get(1));
            assertEquals("B", last.sinceLast().fromRunId());
            assertThrows(HistoryException.class, () -> h.context("nope", 5));
        }
    }

    @Test
    void runsAreNamedByAUniqueBeginningOfTheirId(@TempDir Path dir) throws Exception {
        try (RunHistory h = RunHistory.open(dir.resolve("h.db"))) {
            h.record(Runs.run("20261118T020000Z-aaaa", T0), "v");
            h.record(Runs.run("20261119T020000Z-bbbb", T1), "v");
            h.record(Runs.run("20261119T020000Z-cccc", T2), "v");
            assertEquals("20261118T020000Z-aaaa", h.resolve("20261118"));
            assertEquals("20261119T020000Z-cccc", h.resolve("20261119T020000Z-c"));
            HistoryException ambiguous = assertThrows(HistoryException.class, () -> h.resolve("20261119"));
            assertTrue(ambiguous.getMessage().contains("matches 2 runs"), ambiguous.getMessage());
            HistoryException none = assertThrows(HistoryException.class, () -> h.resolve("2025"));
            assertTrue(none.unusableFile());
            assertEquals("20261119T020000Z-cccc", h.latest().orElseThrow().runId());
        }
    }

    @Test
    void lastSeenIsTheNewestRunInWhichTheDeviceWasReachable(@TempDir Path dir) throws Exception {
        try (RunHistory h = RunHistory.open(dir.resolve("h.db"))) {
            assertEquals(Map.of(), h.lastSeen());
            h.record(Runs.run("A", T0), "v");
            h.record(Runs.run("B", T1), "v");
            // ws-102 is unreachable in every run (Runs.devices), so it has never been seen.
            assertEquals(Map.of("ws-101", T1, "vc-hall", T1), h.lastSeen());
            // Sightings as the run's collectors made them: ws-102 did not answer but was in a switch's ARP table.
            Instant arp = T2.plusSeconds(17);
            h.record(Runs.run("C", T2), "v", Map.of("ws-102", arp, "ws-101", T2));
            assertEquals(Map.of("ws-101", T2, "ws-102", arp, "vc-hall", T1), h.lastSeen());
        }
    }

    @Test
    void pruneKeepsTheNewestRunsAndNeverTheLastOne(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("h.db");
        try (RunHistory h = RunHistory.open(file)) {
            for (int i = 0; i < 6; i++) {
                h.record(Runs.run("R" + i, T0.plusSeconds(86_400L * i), "AV-01 ws-101 GAP", "VC-01 vc-hall PASS"), "v");
            }
            assertEquals(List.of("R0", "R1", "R2"), h.prune(3, null));
            assertEquals(List.of("R3", "R4", "R5"), ids(h));
            assertTrue(h.load("R1").isEmpty());
            assertEquals(2, h.load("R3").orElseThrow().results().size(), "kept runs keep their results");

            // Older than R4's start: R3 goes.
            assertEquals(List.of("R3"), h.prune(null, T0.plusSeconds(86_400L * 4)));
            // Everything is older than the cut-off, but the newest run stays.
            assertEquals(List.of("R4"), h.prune(null, T0.plusSeconds(86_400L * 100)));
            assertEquals(List.of("R5"), ids(h));
            assertEquals(List.of(), h.prune(1, null));
            assertEquals("ok", h.integrityCheck());
        }
        // Each control's wording is stored once however many runs use it, and dropped with the last of them.
        try (RunHistory h = RunHistory.open(file)) {
            io.auditor.model.Control reworded = new io.auditor.model.Control("VC-01", "Auto answer is off",
                    Severity.HIGH, List.of("002 §3.6"), java.util.Set.of(io.auditor.model.Role.VC_ENDPOINT),
                    java.util.Set.of("vc-settings"), "new rationale", "new check", "new fix");
            RunReport r6 = Runs.run("R6", T0.plusSeconds(86_400L * 6), "AV-01 ws-101 GAP");
            h.record(new RunReport("R6", r6.startedAt(), r6.finishedAt(), r6.school(), r6.profileName(),
                    r6.profileSha256(), r6.devices(), r6.results(), List.of(Runs.AV01, Runs.AV02, reworded),
                    List.of()), "v");
            assertEquals(reworded, h.load("R6").orElseThrow().controls().get(2), "the new wording for the new run");
            assertEquals(Runs.VC01, h.load("R5").orElseThrow().controls().get(2), "the old run keeps its wording");
            h.prune(1, null);
        }
        // No orphan rows left behind by the removed runs.
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement s = c.createStatement()) {
            for (String table : List.of("results", "run_devices", "run_controls")) {
                var rs = s.executeQuery("SELECT count(DISTINCT run_seq) FROM " + table);
                rs.next();
                assertEquals(1, rs.getInt(1), table);
            }
            var rs = s.executeQuery("SELECT count(*) FROM controls");
            rs.next();
            assertEquals(3, rs.getInt(1), "only R6's three control versions are left");
        }
    }

    @Test
    void aFileThatIsNotSqliteIsRefusedAndLeftUntouched(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("report.json");
        Files.writeString(file, "{ \"schemaVersion\": 1 }\n");
        byte[] before = Files.readAllBytes(file);
        HistoryException e = assertThrows(HistoryException.class, () -> RunHistory.open(file));
        assertTrue(e.unusableFile());
        assertTrue(e.getMessage().contains("not an auditor run history"), e.getMessage());
        assertTrue(e.getMessage().contains("not an SQLite database"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
        assertEquals(List.of(file), Files.list(dir).toList(), "no journal or other file created");
    }

    @Test
    void anotherProgramsSqliteDatabaseIsRefused(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("other.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)");
        }
        byte[] before = Files.readAllBytes(file);
        HistoryException e = assertThrows(HistoryException.class, () -> RunHistory.open(file));
        assertTrue(e.unusableFile());
        assertTrue(e.getMessage().contains("another program"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
    }

    @Test
    void aHistoryFromANewerAuditorIsRefusedAndLeftUntouched(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("h.db");
        try (RunHistory h = RunHistory.open(file)) {
            h.record(Runs.run("A", T0, "AV-01 ws-101 GAP"), "v");
        }
        int newer = RunHistory.SCHEMA_VERSION + 1;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("PRAGMA user_version = " + newer);
            s.execute("ALTER TABLE runs ADD COLUMN something_new TEXT");
        }
        byte[] before = Files.readAllBytes(file);
        for (boolean existing : List.of(false, true)) {
            HistoryException e = assertThrows(HistoryException.class,
                    () -> { if (existing) RunHistory.openExisting(file); else RunHistory.open(file); });
            assertTrue(e.unusableFile());
            assertTrue(e.getMessage().contains("written by a newer auditor (schema " + newer), e.getMessage());
            assertTrue(e.hint().contains("--history"), e.hint());
        }
        assertArrayEquals(before, Files.readAllBytes(file));
    }

    @Test
    void aTruncatedHistoryIsReportedAsDamagedNotUsed(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("h.db");
        try (RunHistory h = RunHistory.open(file)) {
            for (int i = 0; i < 20; i++) {
                h.record(Runs.run("R" + i, T0.plusSeconds(i), "AV-01 ws-101 GAP", "VC-01 vc-hall PASS"), "v");
            }
        }
        byte[] whole = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(whole, whole.length / 2)); // a copy cut short
        HistoryException e = assertThrows(HistoryException.class, () -> {
            try (RunHistory h = RunHistory.openExisting(file)) {
                h.runs();
                h.load("R19");
                String check = h.integrityCheck();
                if (!"ok".equals(check)) throw HistoryException.failed("integrity: " + check, null);
            }
        });
        assertTrue(e.getMessage().contains("is damaged") || e.getMessage().startsWith("integrity: "), e.getMessage());
        if (e.unusableFile()) assertTrue(e.hint().contains("restore it from a backup"), e.hint());
    }

    @Test
    void openExistingRefusesAMissingFileWithoutCreatingIt(@TempDir Path dir) {
        Path file = dir.resolve("missing/history.db");
        HistoryException e = assertThrows(HistoryException.class, () -> RunHistory.openExisting(file));
        assertTrue(e.unusableFile());
        assertTrue(e.hint().contains("run a scan first"), e.hint());
        assertFalse(Files.exists(file.getParent()));
    }

    @Test
    void anEmptyFileBecomesANewHistory(@TempDir Path dir) throws Exception {
        Path file = Files.createFile(dir.resolve("h.db"));
        try (RunHistory h = RunHistory.open(file)) {
            assertEquals(RunHistory.SCHEMA_VERSION, h.schemaVersion());
            assertEquals(List.of(), h.runs());
        }
    }

    @Test
    void aHistoryLockedByAnotherProcessForTooLongIsReportedNotCorrupted(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("h.db");
        try (RunHistory h = RunHistory.open(file)) {
            h.record(Runs.run("A", T0, "AV-01 ws-101 GAP"), "v");
        }
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement s = other.createStatement();
             RunHistory h = RunHistory.open(file, 100)) {
            s.execute("BEGIN IMMEDIATE"); // another writer, mid-transaction: readers may go on, writers wait
            assertEquals(1, h.runs().size());
            HistoryException e = assertThrows(HistoryException.class,
                    () -> h.record(Runs.run("B", T1, "AV-01 ws-101 PASS"), "v"));
            assertFalse(e.unusableFile());
            assertTrue(e.getMessage().contains("cannot record run B in " + file
                    + ": another process held it locked for too long"), e.getMessage());
            s.execute("COMMIT");
            h.record(Runs.run("B", T1, "AV-01 ws-101 PASS"), "v"); // the lock is free again
            assertEquals(List.of("A", "B"), ids(h));
        }
    }

    private static List<String> ids(RunHistory h) throws HistoryException {
        return h.runs().stream().map(StoredRun::runId).toList();
    }

    static List<String> names(List<ResultKey> keys) {
        return keys.stream().map(k -> k.control() + " " + k.deviceId()).toList();
    }
}
