package io.auditor.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.auditor.model.InputProblem;
import io.auditor.report.UntrustedText;
import io.auditor.report.history.HistoryException;
import io.auditor.report.history.ResultKey;
import io.auditor.report.history.RunDiff;
import io.auditor.report.history.RunHistory;
import io.auditor.report.history.StoredRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;

/** {@code auditor diff}: which gaps are new, fixed or still open between two recorded runs. */
@Command(name = "diff",
        mixinStandardHelpOptions = true,
        versionProvider = AuditorCommand.Version.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        header = "Show the gaps that are new, fixed and still open between two recorded runs.",
        description = {
                "Compares two runs of the run history control by control and device by device. Without RUN "
                        + "arguments it compares the last two runs; with one, that run and the newest.",
                "",
                "A gap is fixed when the newer run reports PASS, WAIVED or NOT_APPLICABLE for it. A gap the "
                        + "newer run could not assess (device unreachable, data missing) or no longer reports is "
                        + "listed as 'no longer assessed', never as fixed."},
        exitCodeListHeading = ExitStatus.HEADING,
        exitCodeList = {"0:no new gaps",
                "1:the newer run has at least one new gap",
                "2:no history, unknown run, fewer than two runs, or bad arguments",
                "3:the history could not be read (the message says why)"},
        footerHeading = "%nExamples:%n",
        footer = {"  auditor diff --history out/history.db",
                "  auditor diff 20261119 20261120T0200 --history out/history.db"})
public final class DiffCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..2", paramLabel = "RUN",
            description = "A run id as 'auditor history' lists it, or a unique beginning of one; the older run first.")
    List<String> runs = new ArrayList<>();

    @Mixin
    HistoryCommand.Location location = new HistoryCommand.Location();

    @Option(names = "--json", description = "Print the differences as JSON for scripts.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (RunHistory h = RunHistory.openExisting(location.file)) {
            List<StoredRun> stored = h.runs();
            String from;
            String to;
            try {
                if (runs.isEmpty()) {
                    if (stored.size() < 2) {
                        return HistoryCommand.problems(err, "diff", List.of(new InputProblem("--history", 0, 0,
                                "the history holds " + stored.size() + (stored.size() == 1 ? " run" : " runs")
                                        + "; a diff needs two", "run another scan, then compare")));
                    }
                    from = stored.get(stored.size() - 2).runId();
                    to = stored.get(stored.size() - 1).runId();
                } else {
                    from = h.resolve(runs.get(0));
                    to = runs.size() == 2 ? h.resolve(runs.get(1)) : stored.get(stored.size() - 1).runId();
                }
            } catch (HistoryException e) {
                return HistoryCommand.historyError(err, "diff", "RUN", e);
            }
            RunDiff diff = h.diff(from, to);
            Map<String, StoredRun> byId = stored.stream().collect(Collectors.toMap(StoredRun::runId, Function.identity()));
            if (json) {
                out.print(json(diff, byId));
            } else {
                text(out, diff, byId.get(from), byId.get(to));
            }
            return diff.newGaps().isEmpty() ? 0 : 1;
        } catch (HistoryException e) {
            return HistoryCommand.historyError(err, "diff", e);
        } catch (RuntimeException e) {
            return AuditorCommand.internalError(err, e, false);
        } finally {
            out.flush();
            err.flush();
        }
    }

    private static void text(PrintWriter out, RunDiff d, StoredRun from, StoredRun to) {
        out.println("Changes from " + UntrustedText.oneLine(from.runId()) + " (" + HistoryCommand.shown(from.startedAt())
                + ")");
        out.println("          to " + UntrustedText.oneLine(to.runId()) + " (" + HistoryCommand.shown(to.startedAt())
                + ")");
        section(out, "NEW GAPS", d.newGaps());
        section(out, "FIXED", d.fixedGaps());
        section(out, "NO LONGER ASSESSED (not known to be fixed)", d.noLongerAssessed());
        section(out, "STILL OPEN", d.stillOpen());
        out.printf(Locale.ROOT, "%n%d new, %d fixed, %d no longer assessed, %d still open%n", d.newGaps().size(),
                d.fixedGaps().size(), d.noLongerAssessed().size(), d.stillOpen().size());
    }

    private static void section(PrintWriter out, String heading, List<ResultKey> keys) {
        out.println();
        out.println(heading + " (" + keys.size() + ")");
        for (ResultKey k : keys) {
            String line = String.format(Locale.ROOT, "  %-8s %-9s %-14s %s", k.severity().label(),
                    UntrustedText.oneLine(k.control()), UntrustedText.oneLine(k.deviceId()),
                    UntrustedText.oneLine(k.title()));
            out.println(line.length() > 100 ? line.substring(0, 99) + "…" : line);
        }
    }

    private static String json(RunDiff d, Map<String, StoredRun> byId) {
        ObjectNode root = HistoryCommand.jsonObject();
        run(root.putObject("from"), byId.get(d.fromRunId()));
        run(root.putObject("to"), byId.get(d.toRunId()));
        keys(root.putArray("newGaps"), d.newGaps());
        keys(root.putArray("fixedGaps"), d.fixedGaps());
        keys(root.putArray("noLongerAssessed"), d.noLongerAssessed());
        keys(root.putArray("stillOpen"), d.stillOpen());
        return HistoryCommand.printed(root);
    }

    private static void run(ObjectNode n, StoredRun r) {
        n.put("id", r.runId());
        n.put("startedAt", r.startedAt().toString());
    }

    private static void keys(ArrayNode array, List<ResultKey> keys) {
        for (ResultKey k : keys) {
            ObjectNode n = array.addObject();
            n.put("control", k.control());
            n.put("device", k.deviceId());
            n.put("severity", k.severity().label());
            n.put("title", k.title());
        }
    }
}
