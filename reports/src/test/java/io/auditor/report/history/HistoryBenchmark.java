package io.auditor.report.history;

import io.auditor.model.Control;
import io.auditor.model.ControlResult;
import io.auditor.model.Role;
import io.auditor.model.RunReport;
import io.auditor.model.Severity;
import io.auditor.model.Status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Not a test: times the history on a large school (run by hand, numbers in docs/BENCHMARKS.md).
 * {@code java -cp … io.auditor.report.history.HistoryBenchmark DEVICES CONTROLS RUNS}
 */
public final class HistoryBenchmark {
    public static void main(String[] args) throws Exception {
        int devices = Integer.parseInt(args[0]);
        int controls = Integer.parseInt(args[1]);
        int runs = Integer.parseInt(args[2]);
        Path dir = Files.createTempDirectory("history-bench");
        Path file = dir.resolve("history.db");
        List<Control> pack = new ArrayList<>();
        for (int c = 0; c < controls; c++) {
            pack.add(new Control(String.format(Locale.ROOT, "CTL-%02d", c), "Control number " + c, Severity.HIGH,
                    List.of("000 §12", "CE"), Set.of(Role.WORKSTATION), Set.of("updates"),
                    "A rationale of typical length for the senior leadership team to read and understand.",
                    "How the auditor checks it, in one sentence.", "What a technician does to fix it, in a sentence."));
        }
        Random random = new Random(42);
        List<RunReport.DeviceSummary> summaries = new ArrayList<>();
        for (int d = 0; d < devices; d++) {
            summaries.add(new RunReport.DeviceSummary("ws-" + d, List.of("workstation"), "windows", true, List.of()));
        }
        long recordNanos = 0;
        long maxRecord = 0;
        Instant start = Instant.parse("2026-01-01T02:00:00Z");
        String last = null;
        try (RunHistory h = RunHistory.open(file)) {
            for (int r = 0; r < runs; r++) {
                List<ControlResult> results = new ArrayList<>();
                for (int d = 0; d < devices; d++) {
                    for (Control c : pack) {
                        Status s = random.nextInt(10) == 0 ? Status.GAP : Status.PASS;
                        results.add(new ControlResult(c, "ws-" + d, s,
                                List.of("evidence line of about sixty characters from probe output [probe]"), null, null));
                    }
                }
                Instant started = start.plusSeconds(86_400L * r);
                last = String.format(Locale.ROOT, "R%04d", r);
                RunReport report = new RunReport(last, started, started.plusSeconds(60), "Bench Academy", "bench", "",
                        summaries, results, pack, List.of());
                long t = System.nanoTime();
                h.record(report, "bench");
                long took = System.nanoTime() - t;
                recordNanos += took;
                maxRecord = Math.max(maxRecord, took);
            }
            for (int warm = 0; warm < 3; warm++) { // the first calls also load and compile the code paths
                h.context(last, 30);
                h.load(last);
            }
            long t1 = System.nanoTime();
            RunContext context = h.context(last, 30);
            long t2 = System.nanoTime();
            RunReport loaded = h.load(last).orElseThrow();
            long t3 = System.nanoTime();
            List<StoredRun> all = h.runs();
            long t4 = System.nanoTime();
            System.out.printf(Locale.ROOT, "%d devices x %d controls = %d results per run, %d runs%n", devices, controls,
                    devices * controls, runs);
            System.out.printf(Locale.ROOT, "record: mean %.0f ms, max %.0f ms%n", recordNanos / 1e6 / runs, maxRecord / 1e6);
            System.out.printf(Locale.ROOT, "context (trend of 30 + diff): %.0f ms (%d new gaps)%n", (t2 - t1) / 1e6,
                    context.sinceLast().newGaps().size());
            System.out.printf(Locale.ROOT, "load one run: %.0f ms (%d results)%n", (t3 - t2) / 1e6, loaded.results().size());
            System.out.printf(Locale.ROOT, "list runs: %.1f ms (%d runs)%n", (t4 - t3) / 1e6, all.size());
        }
        System.out.printf(Locale.ROOT, "file: %.1f MB, %.0f KB per run%n", Files.size(file) / 1e6,
                Files.size(file) / 1e3 / runs);
    }
}
