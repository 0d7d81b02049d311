package io.auditor.report;

import io.auditor.model.Control;
import io.auditor.model.ControlResult;
import io.auditor.model.Role;
import io.auditor.model.RunReport;
import io.auditor.model.Severity;
import io.auditor.model.Status;
import io.auditor.report.history.RunContext;
import io.auditor.report.history.TrendPoint;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Times each file report on a large run (200 devices × 40 controls = 8,000 results, 30 trend points). Not a
 * test: a measurement for docs/BENCHMARKS.md ("Report rendering"), run as that section says.
 */
public final class RenderBench {
    private RenderBench() {}

    public static void main(String[] args) {
        String[] prefixes = {"PATCH-", "AV-", "ADM-", "BAK-", "FLT-", "FW-", "END-", "NET-", "INV-", "VC-"};
        List<Control> controls = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            controls.add(new Control(prefixes[i % 10] + String.format(Locale.ROOT, "%02d", i), "Control " + i,
                    Severity.values()[i % 4], List.of("000 §12"), Set.of(Role.WORKSTATION), Set.of("t"), "why", "how",
                    "fix it"));
        }
        List<RunReport.DeviceSummary> devices = new ArrayList<>();
        List<ControlResult> results = new ArrayList<>();
        Status[] statuses = Status.values();
        for (int d = 0; d < 200; d++) {
            devices.add(new RunReport.DeviceSummary("ws-" + d, List.of("workstation"), "windows", true, List.of()));
            for (int c = 0; c < 40; c++) {
                results.add(new ControlResult(controls.get(c), "ws-" + d, statuses[(d + c) % statuses.length],
                        List.of("evidence line for ws-" + d + " and control " + c + " (limit 3 days) [probe-x]"), null,
                        null));
            }
        }
        Instant now = Instant.now();
        RunReport run = new RunReport("run", now, now, "School", "profile", "", devices, results, controls, List.of());
        List<TrendPoint> trend = new ArrayList<>();
        for (int i = 0; i < 30; i++) trend.add(new TrendPoint("r" + i, now, 10, 5, 1, 100, 2));
        RunContext context = new RunContext(trend, null);
        for (FileReport report : List.of(new HtmlReport(), new JsonReport(), new CsvReport(), new JUnitReport())) {
            for (int warm = 0; warm < 5; warm++) report.render(run, context);
            int rounds = 10;
            int size = 0;
            long t0 = System.nanoTime();
            for (int i = 0; i < rounds; i++) size = report.render(run, context).length;
            System.out.printf(Locale.ROOT, "%-5s %7.1f ms per render  %6d kB%n", report.format(),
                    (System.nanoTime() - t0) / 1e6 / rounds, size / 1024);
        }
    }
}
