package io.auditor.report.history;

import io.auditor.model.RunReport;
import io.auditor.model.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A history written by schema version 1 opens with the current code, with every run kept. */
class MigrationsTest {

    @Test
    void aVersion1HistoryIsMigratedWithItsRunsKept(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("history.db");
        // What version 1 of the auditor wrote: its schema and rows, without the per-run counts of version 2.
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            try (Statement s = c.createStatement()) {
                s.execute("BEGIN");
                Migrations.apply(c, 0, 1);
                s.execute("INSERT INTO runs (seq, id, started_at, started_ms, finished_at, school, profile_name,"
                        + " profile_sha256, tool_version, recorded_at) VALUES (1, 'OLD-1', '2026-10-01T02:00:00Z',"
                        + " 1790820000000, '2026-10-01T02:00:03Z', 'Example Academy', 'Example 2026/27', '',"
                        + " '0.0.9', '2026-10-01T02:00:04Z')");
                s.execute("INSERT INTO controls VALUES (7, 'f00d', 'AV-01', 'Anti-malware installed and running',"
                        + " 'CRITICAL', '[\"000 §12\"]', '[\"workstation\"]', '[\"anti-malware\"]', 'why', 'how', 'fix')");
                s.execute("INSERT INTO run_controls VALUES (1, 0, 'AV-01', 1, 7)");
                s.execute("INSERT INTO run_devices VALUES (1, 0, 'ws-101', '[\"workstation\"]', 'windows', 1, '[]',"
                        + " 1790820000000), (1, 1, 'ws-102', '[\"workstation\"]', 'windows', 1, '[]', 1790820000000),"
                        + " (1, 2, 'ws-103', '[\"workstation\"]', 'windows', 0, '[\"no captures\"]', NULL)");
                s.execute("INSERT INTO results VALUES (1, 0, 'AV-01', 'ws-101', 'GAP', '[\"stopped\"]', NULL, NULL),"
                        + " (1, 1, 'AV-01', 'ws-102', 'PASS', '[\"running\"]', NULL, NULL),"
                        + " (1, 2, 'AV-01', 'ws-103', 'NOT_ASSESSED', '[\"no captures\"]', NULL, NULL)");
                s.execute("COMMIT");
            }
            assertEquals(1, userVersion(c));
        }

        try (RunHistory h = RunHistory.open(file)) {
            assertEquals(RunHistory.SCHEMA_VERSION, h.schemaVersion());
            assertTrue(RunHistory.SCHEMA_VERSION >= 2);
            StoredRun old = h.runs().get(0);
            assertEquals("OLD-1", old.runId());
            assertEquals("0.0.9", old.toolVersion());
            // Version 2's counts, filled in from version 1's results.
            assertEquals(3, old.devices());
            assertEquals(List.of(1L, 1L, 1L, 0L, 0L), List.of(old.pass(), old.gap(), old.notAssessed(), old.waived(),
                    old.notApplicable()));
            RunReport loaded = h.load("OLD-1").orElseThrow();
            assertEquals(List.of(Status.GAP, Status.PASS, Status.NOT_ASSESSED),
                    loaded.results().stream().map(r -> r.status()).toList());
            assertEquals(List.of("stopped"), loaded.results().get(0).evidence());
            java.time.Instant oldSighting = java.time.Instant.ofEpochMilli(1790820000000L);
            assertEquals(java.util.Map.of("ws-101", oldSighting, "ws-102", oldSighting), h.lastSeen());

            // The migrated file takes new runs alongside the old one, and diffs across the versions.
            h.record(Runs.run("NEW-2", java.time.Instant.parse("2026-11-20T02:00:00Z"), "AV-01 ws-101 PASS",
                    "AV-01 ws-102 GAP"), "0.1.0");
            RunDiff d = h.diff("OLD-1", "NEW-2");
            assertEquals(List.of("AV-01 ws-102"), RunHistoryTest.names(d.newGaps()));
            assertEquals(List.of("AV-01 ws-101"), RunHistoryTest.names(d.fixedGaps()));
            assertEquals("ok", h.integrityCheck());
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            assertEquals(RunHistory.SCHEMA_VERSION, userVersion(c));
            try (PreparedStatement p = c.prepareStatement("PRAGMA application_id"); ResultSet rs = p.executeQuery()) {
                rs.next();
                assertEquals(Migrations.APPLICATION_ID, rs.getInt(1));
            }
        }
    }

    @Test
    void reopeningACurrentHistoryChangesNothing(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("h.db");
        try (RunHistory h = RunHistory.open(file)) {
            h.record(Runs.run("A", java.time.Instant.parse("2026-11-20T02:00:00Z"), "AV-01 ws-101 GAP"), "v");
        }
        byte[] before = java.nio.file.Files.readAllBytes(file);
        try (RunHistory h = RunHistory.openExisting(file)) {
            assertEquals(1, h.runs().size());
        }
        org.junit.jupiter.api.Assertions.assertArrayEquals(before, java.nio.file.Files.readAllBytes(file),
                "reading commands do not rewrite the file");
    }

    private static int userVersion(Connection c) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
