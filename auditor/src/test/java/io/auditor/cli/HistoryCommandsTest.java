package io.auditor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.auditor.report.history.ResultKey;
import io.auditor.report.history.RunContext;
import io.auditor.report.history.RunHistory;
import io.auditor.report.history.StoredRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Scans of the sample estate recorded in history, then {@code auditor history}, {@code diff} and
 * {@code report --run} through the real command line. Between the two scans the video-conference units swap
 * settings: vc-hall's auto answer is turned off (a fixed VC-01 gap) and vc-staff's on (a new one).
 */
class HistoryCommandsTest {
    private static final Path ESTATE = Path.of("../samples/estate");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    Path captures;
    Path out;

    @BeforeEach
    void copyTheSampleCaptures() throws IOException {
        captures = dir.resolve("captures");
        Reports.copyTree(ESTATE.resolve("captures"), captures);
        out = dir.resolve("out");
    }

    private Run scan(String... extra) {
        List<String> args = new ArrayList<>(List.of("scan", "--inventory", ESTATE.resolve("inventory.yaml").toString(),
                "--captures", captures.toString(), "--out", out.toString(), "--as-of", "2026-11-20",
                "--format", "json", "--color", "never"));
        args.addAll(List.of(extra));
        return Run.of(args.toArray(new String[0]));
    }

    private void swapTheVideoConferenceUnits() throws IOException {
        Path hall = captures.resolve("vc-hall/autoanswer.txt");
        Path staff = captures.resolve("vc-staff/autoanswer.txt");
        String hallText = Files.readString(hall);
        Files.writeString(hall, Files.readString(staff));
        Files.writeString(staff, hallText);
    }

    private Path history() {
        return out.resolve(RunHistory.FILE_NAME);
    }

    @Test
    void diffNamesExactlyTheFixedAndTheNewGapBetweenTwoScans() throws Exception {
        assertEquals(1, scan().exit());
        swapTheVideoConferenceUnits();
        Run second = scan();
        assertEquals(1, second.exit(), second.toString());
        assertTrue(second.err().contains("(since the last run: 1 new gap, 1 fixed; 'auditor diff' lists them)"),
                second.toString());

        Run diff = Run.of("diff", "--history", history().toString());
        assertEquals(1, diff.exit(), "a new gap makes diff exit 1\n" + diff);
        assertTrue(diff.out().contains("NEW GAPS (1)\n  high     VC-01     vc-staff       Video conferencing"),
                diff.toString());
        assertTrue(diff.out().contains("FIXED (1)\n  high     VC-01     vc-hall        Video conferencing"),
                diff.toString());
        assertTrue(diff.out().contains("NO LONGER ASSESSED (not known to be fixed) (0)"), diff.toString());

        JsonNode json = JSON.readTree(Run.of("diff", "--history", history().toString(), "--json").out());
        assertEquals(List.of("VC-01 vc-staff"), keys(json.get("newGaps")));
        assertEquals(List.of("VC-01 vc-hall"), keys(json.get("fixedGaps")));
        assertTrue(json.get("stillOpen").size() > 3, json.toString());
        assertFalse(keys(json.get("stillOpen")).contains("VC-01 vc-hall"));

        // What the second run's HTML report is given: the same two changes, and both runs in the trend.
        try (RunHistory h = RunHistory.openExisting(history())) {
            List<StoredRun> runs = h.runs();
            assertEquals(2, runs.size());
            RunContext context = h.context(runs.get(1).runId(), ReportCommand.TREND_RUNS);
            assertEquals(List.of("VC-01 vc-staff"), names(context.sinceLast().newGaps()));
            assertEquals(List.of("VC-01 vc-hall"), names(context.sinceLast().fixedGaps()));
            assertEquals(runs.get(0).runId(), context.sinceLast().fromRunId());
            assertEquals(2, context.trend().size());
            assertEquals(runs.get(1).gap(), context.trend().get(1).gap());
            RunContext first = h.context(runs.get(0).runId(), ReportCommand.TREND_RUNS);
            assertNull(first.sinceLast(), "the first run has nothing to compare with");
            assertEquals(1, first.trend().size());
        }

        // Reversed, by unique beginnings of the ids: the same two gaps, the other way round; no new gap is exit 0
        // only when there is none, so this is still 1.
        try (RunHistory h = RunHistory.openExisting(history())) {
            String first = h.runs().get(0).runId();
            String last = h.runs().get(1).runId();
            Run back = Run.of("diff", last, first, "--history", history().toString(), "--json");
            JsonNode reversed = JSON.readTree(back.out());
            assertEquals(List.of("VC-01 vc-hall"), keys(reversed.get("newGaps")));
            assertEquals(List.of("VC-01 vc-staff"), keys(reversed.get("fixedGaps")));
            assertEquals(last, reversed.at("/from/id").asText(), reversed.toString());
            assertEquals(first, reversed.at("/to/id").asText(), reversed.toString());
            assertEquals(h.runs().get(0).startedAt().toString(), reversed.at("/to/startedAt").asText());
            Run same = Run.of("diff", first, first, "--history", history().toString());
            assertEquals(0, same.exit(), same.toString());
            assertTrue(same.out().contains("NEW GAPS (0)"), same.toString());
        }
    }

    @Test
    void aStoredRunReRendersToTheSameJsonAsTheOriginal() throws Exception {
        assertEquals(1, scan().exit());
        byte[] original = Files.readAllBytes(out.resolve("report.json"));
        String runId = JSON.readTree(original).get("run").get("id").asText();
        swapTheVideoConferenceUnits();
        assertEquals(1, scan().exit()); // a later run, so --run has to pick the right one

        Path again = dir.resolve("again");
        Run r = Run.of("report", "--history", history().toString(), "--run", runId.substring(0, 24),
                "--format", "json,html", "--out", again.toString());
        assertEquals(1, r.exit(), "the stored run has gaps\n" + r);
        assertEquals(JSON.readTree(original), JSON.readTree(again.resolve("report.json").toFile()));
        assertArrayEquals(original, Files.readAllBytes(again.resolve("report.json")), "byte for byte");
        assertTrue(Files.readString(again.resolve("report.html")).contains("Riverside Academy (sample)"));

        // Without --out: a folder per run beside the history, never over the latest scan's report.
        byte[] latest = Files.readAllBytes(out.resolve("report.json"));
        Run byDefault = Run.of("report", "--history", history().toString(), "--run", runId, "--format",
                "console,json", "--color", "never");
        assertEquals(1, byDefault.exit(), byDefault.toString());
        assertArrayEquals(original, Files.readAllBytes(out.resolve("runs").resolve(runId).resolve("report.json")));
        assertArrayEquals(latest, Files.readAllBytes(out.resolve("report.json")));
        assertTrue(byDefault.out().startsWith("Compliance audit — Riverside Academy (sample)\n"), byDefault.toString());
    }

    @Test
    void historyListsTheRunsWithTheirCountsAndPrunes() throws Exception {
        for (int i = 0; i < 3; i++) assertEquals(1, scan().exit());
        Run list = Run.of("history", "--history", history().toString());
        assertEquals(0, list.exit(), list.toString());
        assertTrue(list.out().contains(" — 3 runs"), list.toString());
        assertTrue(list.out().contains("RUN "), list.toString());
        JsonNode report = JSON.readTree(out.resolve("report.json").toFile());
        String lastId = report.get("run").get("id").asText();
        String lastRow = list.out().lines().filter(l -> l.startsWith(lastId)).findFirst().orElseThrow();
        JsonNode summary = report.get("summary");
        assertTrue(lastRow.matches(".* " + summary.get("devices").asInt() + " +" + summary.get("gap").asInt() + " +"
                + summary.get("notAssessed").asInt() + " +" + summary.get("pass").asInt() + " +.*"), lastRow);

        JsonNode json = JSON.readTree(Run.of("history", "--history", history().toString(), "--json").out());
        assertEquals(3, json.get("runs").size());
        assertEquals(summary, json.get("runs").get(2).get("summary"));
        assertEquals(lastId, json.get("runs").get(2).get("id").asText());

        Run pruned = Run.of("history", "--history", history().toString(), "--prune", "--keep", "1", "--check");
        assertEquals(0, pruned.exit(), pruned.toString());
        assertTrue(pruned.err().contains("removed 2 old runs"), pruned.toString());
        assertTrue(pruned.err().contains("integrity check: ok"), pruned.toString());
        assertTrue(pruned.out().contains(" — 1 run\n"), pruned.toString());

        // Retention on the scan itself.
        assertEquals(1, scan("--keep", "1").exit());
        try (RunHistory h = RunHistory.openExisting(history())) {
            assertEquals(1, h.runs().size());
        }
    }

    @Test
    void theHistoryFileCanBeChosenOrSkipped() throws Exception {
        Path elsewhere = dir.resolve("store/nightly.db");
        assertEquals(1, scan("--history", elsewhere.toString()).exit());
        assertFalse(Files.exists(history()));
        try (RunHistory h = RunHistory.openExisting(elsewhere)) {
            assertEquals(1, h.runs().size());
        }
        Run skipped = scan("--no-history");
        assertEquals(1, skipped.exit(), skipped.toString());
        assertFalse(Files.exists(history()), "--no-history records nothing");
        Run both = scan("--no-history", "--keep", "3");
        assertEquals(2, both.exit(), both.toString());
        assertTrue(both.err().contains("--no-history: --no-history contradicts"), both.toString());
    }

    @Test
    void aScanRefusesAHistoryFromANewerAuditorBeforeScanningAndLeavesItUntouched() throws Exception {
        assertEquals(1, scan().exit());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + history());
             Statement s = c.createStatement()) {
            s.execute("PRAGMA user_version = " + (RunHistory.SCHEMA_VERSION + 5));
        }
        byte[] before = Files.readAllBytes(history());
        Files.delete(out.resolve("report.json"));

        Run r = scan();
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.err().contains("--history: this history was written by a newer auditor (schema "
                + (RunHistory.SCHEMA_VERSION + 5)), r.toString());
        assertTrue(r.err().contains("use that auditor version, or give another file with --history FILE"), r.toString());
        assertFalse(r.err().contains("[1/13]"), "no device was collected\n" + r);
        assertFalse(Files.exists(out.resolve("report.json")), "nothing was reported");
        assertArrayEquals(before, Files.readAllBytes(history()));

        Run listed = Run.of("history", "--history", history().toString());
        assertEquals(2, listed.exit(), listed.toString());
    }

    @Test
    void aScanRefusesAFileThatIsNotAHistory() throws Exception {
        Path notes = dir.resolve("notes.txt");
        Files.writeString(notes, "remember to patch srv-web\n");
        Run r = scan("--history", notes.toString());
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.err().contains("is not an auditor run history: it is not an SQLite database"), r.toString());
        assertEquals("remember to patch srv-web\n", Files.readString(notes));
    }

    @Test
    void readingCommandsExplainAMissingHistoryAnUnknownRunAndTooFewRuns() throws Exception {
        Path missing = dir.resolve("nowhere/history.db");
        for (String command : List.of("history", "diff", "report")) {
            Run r = Run.of(command, "--history", missing.toString());
            assertEquals(2, r.exit(), r.toString());
            assertTrue(r.err().contains("no run history at " + missing + " — run a scan first"), r.toString());
        }
        assertFalse(Files.exists(missing.getParent()), "reading commands create nothing");

        assertEquals(1, scan().exit());
        Run one = Run.of("diff", "--history", history().toString());
        assertEquals(2, one.exit(), one.toString());
        assertTrue(one.err().contains("the history holds 1 run; a diff needs two"), one.toString());

        Run unknown = Run.of("report", "--history", history().toString(), "--run", "1999");
        assertEquals(2, unknown.exit(), unknown.toString());
        assertTrue(unknown.err().startsWith("--run: no run '1999' in "), unknown.toString());

        Run badFormat = Run.of("report", "--history", history().toString(), "--format", "pdf");
        assertEquals(2, badFormat.exit(), badFormat.toString());
        assertTrue(badFormat.err().contains("unknown format 'pdf'"), badFormat.toString());

        Run pruneWithoutRule = Run.of("history", "--history", history().toString(), "--prune");
        assertEquals(2, pruneWithoutRule.exit(), pruneWithoutRule.toString());
        assertTrue(pruneWithoutRule.err().contains("add --keep N (runs) or --keep-days DAYS"), pruneWithoutRule.toString());
    }

    @Test
    void helpDescribesEveryHistoryCommand() {
        for (String command : List.of("history", "diff", "report")) {
            Run r = Run.of(command, "--help");
            assertEquals(0, r.exit(), r.toString());
            assertTrue(r.out().contains("--history=FILE"), r.toString());
            assertTrue(r.out().contains("Exit status:"), r.toString());
        }
        Run scan = Run.of("scan", "--help");
        assertTrue(scan.out().contains("--no-history"), scan.toString());
        assertTrue(scan.out().contains("--keep-days=DAYS"), scan.toString());
        Run top = Run.of("--help");
        for (String command : List.of("history", "diff", "report")) assertTrue(top.out().contains("  " + command), top.toString());
    }

    @Test
    void textReadFromTheHistoryFileIsCleanedBeforeItReachesTheTerminal() throws Exception {
        // The file is data like any other: someone could have edited it, and evidence comes from devices.
        String esc = "\u001b]0;owned\u0007\u001b[2J";
        io.auditor.model.Control c = new io.auditor.model.Control("VC-01", "Auto answer" + esc, io.auditor.model.Severity.HIGH,
                List.of("002 §3.6"), java.util.Set.of(io.auditor.model.Role.VC_ENDPOINT), java.util.Set.of("vc-settings"),
                "r", "c", "f");
        Path file = dir.resolve("h.db");
        try (RunHistory h = RunHistory.open(file)) {
            for (String id : List.of("A", "B")) {
                io.auditor.model.Status status = id.equals("A") ? io.auditor.model.Status.PASS : io.auditor.model.Status.GAP;
                h.record(new io.auditor.model.RunReport(id, java.time.Instant.parse("2026-11-2" + (id.equals("A") ? 0 : 1)
                        + "T02:00:00Z"), null, "School" + esc, "p" + esc, "", List.of(), List.of(
                        new io.auditor.model.ControlResult(c, "vc" + esc, status, List.of("e" + esc), null, null)),
                        List.of(c), List.of()), "v" + esc);
            }
        }
        for (String[] args : List.of(new String[]{"history"}, new String[]{"diff"})) {
            List<String> all = new ArrayList<>(List.of(args));
            all.addAll(List.of("--history", file.toString()));
            Run r = Run.of(all.toArray(new String[0]));
            assertTrue(r.exit() <= 1, r.toString());
            assertFalse(r.out().contains("\u001b") || r.out().contains("\u0007"), r.toString());
            assertTrue(r.out().contains("School") || r.out().contains("vc"), r.toString());
        }
    }

    private static List<String> keys(JsonNode array) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : array) out.add(n.get("control").asText() + " " + n.get("device").asText());
        return out;
    }

    private static List<String> names(List<ResultKey> keys) {
        return keys.stream().map(k -> k.control() + " " + k.deviceId()).toList();
    }
}
