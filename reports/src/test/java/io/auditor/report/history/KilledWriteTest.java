package io.auditor.report.history;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

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

        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                HistoryWriter.class.getName(), file.toString(), String.valueOf(RESULTS))
                .redirectError(dir.resolve("child-stderr.txt").toFile())
                .start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            CompletableFuture<String> signal = CompletableFuture.supplyAsync(() -> {
                try {
                    return out.readLine();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            String line = signal.get(120, TimeUnit.SECONDS);
            assertEquals(HistoryWriter.SIGNAL, line, () -> "child said " + line + "; stderr: " + stderr(dir));

            // The write is under way on disk: a hot rollback journal, and the database file already grown.
            assertTrue(Files.exists(dir.resolve("history.db-journal")), "rollback journal exists mid-transaction");
            assertTrue(Files.size(file) > sizeBefore, "uncommitted pages have reached the database file");
        } finally {
            child.destroyForcibly();
            assertTrue(child.waitFor(60, TimeUnit.SECONDS), "child ended");
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

    private static String stderr(Path dir) {
        try {
            return Files.readString(dir.resolve("child-stderr.txt"));
        } catch (java.io.IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }
}
