package io.auditor.cli;

import io.auditor.model.Device;
import io.auditor.model.RunReport;
import io.auditor.model.facts.DeviceSighting;
import io.auditor.model.facts.Fact;
import io.auditor.report.UntrustedText;
import io.auditor.report.history.HistoryException;
import io.auditor.report.history.RunContext;
import io.auditor.report.history.RunHistory;
import io.auditor.scan.Audit;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A scan's use of the run history. Opened with the other inputs, so a file that is not a history (or is
 * from a newer auditor) stops the scan before any device is contacted; read for when each device was last
 * seen (INV-02); written once the run is evaluated, before the reports, so the HTML report can show the
 * trend and the changes since the last run.
 *
 * <p>A failure to record does not lose the run: the reports are still written, the problem is printed and the
 * scan exits 3 (see docs/history.md).
 */
final class ScanHistory {
    /** The source of the sightings history contributes. */
    static final String SOURCE = "history";

    private final Path file;
    private final Map<String, Instant> lastSeen;

    private ScanHistory(Path file, Map<String, Instant> lastSeen) {
        this.file = file;
        this.lastSeen = lastSeen;
    }

    /**
     * Opens (creating or migrating) the history and reads the sightings; the file is not held open during
     * collection, so `auditor history` can read it meanwhile.
     *
     * @throws HistoryException unusable when the file cannot be used (an input problem: exit 2)
     */
    static ScanHistory open(Path file) throws HistoryException {
        try (RunHistory h = RunHistory.open(file)) {
            return new ScanHistory(file, h.lastSeen());
        }
    }

    /** Collection's facts plus, for each inventory device seen in an earlier run, when that was. */
    Audit.Collected withSightings(Audit.Collected collected, List<Device> devices) {
        List<Fact> facts = new ArrayList<>(collected.facts());
        for (Device d : devices) {
            Instant seen = lastSeen.get(d.id());
            if (seen != null) facts.add(new DeviceSighting(d.id(), SOURCE, seen));
        }
        return new Audit.Collected(collected.startedAt(), facts, collected.outcomes());
    }

    /**
     * Records the run, applies retention, and returns the run's context for the reports; null when recording
     * failed (the message is on {@code err}).
     */
    RunContext record(RunReport report, Audit.Collected collected, HistoryCommand.Retention retention, Clock clock,
                      PrintWriter err) {
        try (RunHistory h = RunHistory.open(file)) {
            h.record(report, AuditorCommand.Version.version(), seen(report, collected));
            if (retention.any()) retention.apply(h, clock, err);
            RunContext context = h.context(report.runId(), ReportCommand.TREND_RUNS);
            String changes = context.sinceLast() == null ? "the first run in it"
                    : "since the last run: " + context.sinceLast().newGaps().size() + " new "
                    + (context.sinceLast().newGaps().size() == 1 ? "gap" : "gaps") + ", "
                    + context.sinceLast().fixedGaps().size() + " fixed; 'auditor diff' lists them";
            err.println("history: run " + report.runId() + " recorded in " + UntrustedText.oneLine(file.toString())
                    + " (" + changes + ")");
            return context;
        } catch (HistoryException e) {
            err.println("history: could not record run " + report.runId() + ": " + UntrustedText.oneLine(e.getMessage())
                    + (e.hint().isBlank() ? "" : " — " + e.hint()));
            err.println("history: the reports are complete, but this run is not in the history (exit status 3)");
            return null;
        }
    }

    /**
     * When this run saw each device: its newest sighting from this run's collectors (answering, or in a
     * switch's tables); a reachable device without one counts as seen when the run started.
     */
    static Map<String, Instant> seen(RunReport report, Audit.Collected collected) {
        Map<String, Instant> seen = new HashMap<>();
        for (Fact f : collected.facts()) {
            if (f instanceof DeviceSighting s && !SOURCE.equals(s.source()) && s.seenAt() != null) {
                seen.merge(s.deviceId(), s.seenAt(), (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        for (RunReport.DeviceSummary d : report.devices()) {
            if (d.reachable()) seen.putIfAbsent(d.id(), report.startedAt());
        }
        return seen;
    }
}
