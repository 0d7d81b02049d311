package io.auditor.cli;

import io.auditor.model.InputProblem;
import io.auditor.model.RunReport;
import io.auditor.report.ReportFormats;
import io.auditor.report.UntrustedText;
import io.auditor.report.history.HistoryException;
import io.auditor.report.history.RunContext;
import io.auditor.report.history.RunHistory;
import io.auditor.report.history.StoredRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code auditor report}: renders a recorded run again, in any format, without contacting a device. */
@Command(name = "report",
        mixinStandardHelpOptions = true,
        versionProvider = AuditorCommand.Version.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        header = "Render a recorded run again from the run history, in any report format.",
        description = {
                "Rebuilds a run exactly as it was reported — results, evidence, waivers, device errors and the "
                        + "controls' wording at the time — and renders it. The HTML report gets the trend and the "
                        + "changes since the run before it, as on the night. No device is contacted.",
                "",
                "File reports go to --out DIR; by default a folder per run beside the history file "
                        + "(runs/<RUN-ID>/), so the latest scan's reports are never replaced."},
        exitCodeListHeading = ExitStatus.HEADING,
        exitCodeList = {"0:every in-scope result of that run is PASS, WAIVED or NOT_APPLICABLE",
                "1:that run has at least one GAP or NOT_ASSESSED",
                "2:no history, unknown run, or bad arguments; nothing was written",
                "3:the history could not be read or a report not written (the message says why)"},
        footerHeading = "%nExamples:%n",
        footer = {"  auditor report --history out/history.db",
                "  auditor report --history out/history.db --run 20261119 --format html,json --out old"})
public final class ReportCommand implements Callable<Integer> {
    /** How many runs the HTML trend shows, the same as a scan's. */
    static final int TREND_RUNS = 30;

    @Spec
    CommandSpec spec;

    @Option(names = "--run", paramLabel = "RUN",
            description = "The run to render: its id as 'auditor history' lists it, or a unique beginning of one "
                    + "(default: the newest run).")
    String run;

    @Mixin
    HistoryCommand.Location location = new HistoryCommand.Location();

    @Option(names = "--format", paramLabel = "FORMAT", split = ",", defaultValue = "console",
            description = "Reports to produce, comma-separated (default: ${DEFAULT-VALUE}): console (standard "
                    + "output), html, json, csv, junit (files in --out).")
    List<String> formats;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Folder for the file reports, created if missing (default: runs/<RUN-ID> beside the "
                    + "history file).")
    Path out;

    @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto",
            description = "Colour the console report: auto, always, never (default: ${DEFAULT-VALUE}).")
    String colour;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        try {
            List<InputProblem> problems = new ArrayList<>();
            ReportFormats chosen = ReportFormats.parse(formats, "--format", problems);
            Colour.check(colour, problems);
            if (out != null) AuditorCommand.checkOutFolder(out, "give a folder for the reports", problems);
            if (!problems.isEmpty()) return HistoryCommand.problems(stderr, "report", problems);

            RunReport report;
            RunContext context;
            try (RunHistory h = RunHistory.openExisting(location.file)) {
                String id;
                try {
                    if (run != null) {
                        id = h.resolve(run);
                    } else {
                        Optional<StoredRun> latest = h.latest();
                        if (latest.isEmpty()) {
                            return HistoryCommand.problems(stderr, "report", List.of(new InputProblem("--history", 0, 0,
                                    "the history " + location.file + " holds no runs yet", "run a scan first")));
                        }
                        id = latest.get().runId();
                    }
                } catch (HistoryException e) {
                    return HistoryCommand.historyError(stderr, "report", "--run", e);
                }
                report = h.load(id).orElseThrow();
                context = h.context(id, TREND_RUNS);
            }

            Path dir = out != null ? out : defaultFolder(report.runId());
            if (chosen.writesFiles()) Files.createDirectories(dir);
            List<Path> written = chosen.write(report, context, dir, stdout, Colour.use(colour));
            for (Path p : written) stderr.println("report: " + p);
            return report.exitStatus();
        } catch (HistoryException e) {
            return HistoryCommand.historyError(stderr, "report", e);
        } catch (IOException e) {
            stderr.println("auditor report: cannot write the reports: " + UntrustedText.oneLine(String.valueOf(e.getMessage())));
            return AuditorCommand.EXIT_INTERNAL;
        } catch (RuntimeException e) {
            return AuditorCommand.internalError(stderr, e, false);
        } finally {
            stdout.flush();
            stderr.flush();
        }
    }

    /** {@code runs/<id>} beside the history file. The id is the stored one; keep only safe characters. */
    private Path defaultFolder(String runId) {
        Path parent = location.file.toAbsolutePath().getParent();
        return parent.resolve("runs").resolve(runId.replaceAll("[^A-Za-z0-9._-]", "_"));
    }
}
