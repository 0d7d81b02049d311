package io.auditor.report.history;

import io.auditor.report.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A scan killed while recording its run (power cut, OOM killer, kill -9) leaves the history as it was: the
 * database opens, passes SQLite's integrity check, and holds the earlier runs but no part of the killed one.
 */
class KilledWriteTest {
    private static final int RESULTS = 120_000; // half of it is well over SQLite's 2 MB page cache

    @Test
    void aWriterKilledInsideItsTransactionLeavesNoPartialRun(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("history.db");
        try (RunHistory h = RunHistory.open(file)) {
            h.record(Runs.run("GOOD", Instant.parse("2026-11-20T02:00:00Z"), "AV-01 ws-101 GAP"), "v");
        }
        long sizeBefore = Files.size(file);

        ChildJvm child = ChildJvm.start(dir, HistoryWriter.class, file.toString(), String.valueOf(RESULTS));
        try {
            String line = child.firstLine();
            assertEquals(HistoryWriter.SIGNAL, line, () -> "child said " + line + "; stderr: " + child.stderr());

            // The write is under way on disk: a hot rollback journal, and the database file already grown.
            assertTrue(Files.exists(dir.resolve("history.db-journal")), "rollback journal exists mid-transaction");
            assertTrue(Files.size(file) > sizeBefore, "uncommitted pages have reached the database file");
        } finally {
            child.kill();
        }

        try (RunHistory h = RunHistory.openExisting(file)) {
            assertEquals("ok", h.integrityCheck());
            assertEquals(List.of("GOOD"), h.runs().stream().map(StoredRun::runId).toList());
            assertTrue(h.load("BIG").isEmpty());
            assertEquals(1, h.load("GOOD").orElseThrow().results().size());
            // And the history still takes new runs.
            h.record(Runs.run("NEXT", Instant.parse("2026-11-22T02:00:00Z"), "AV-01 ws-101 PASS"), "v");
            assertEquals(List.of("AV-01 ws-101"), RunHistoryTest.names(h.diff("GOOD", "NEXT").fixedGaps()));
        }
        assertTrue(Files.notExists(dir.resolve("history.db-journal")), "the hot journal was rolled back");
    }
}
