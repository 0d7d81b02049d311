package io.auditor.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.auditor.model.InputProblem;
import io.auditor.report.UntrustedText;
import io.auditor.report.history.HistoryException;
import io.auditor.report.history.RunHistory;
import io.auditor.report.history.StoredRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code auditor history}: the runs recorded in the run history, with their counts; optionally prunes old runs. */
@Command(name = "history",
        mixinStandardHelpOptions = true,
        versionProvider = AuditorCommand.Version.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        header = "List the runs recorded in the run history, with their result counts.",
        description = {
                "Every scan records its run (results, evidence, waivers, device errors, profile hash, tool version) "
                        + "in OUT/history.db. This lists the stored runs, newest last. Use a run's id (or the "
                        + "beginning of it) with 'auditor diff' and 'auditor report --run'.",
                "",
                "--prune removes old runs (--keep, --keep-days); the newest run is always kept. See docs/history.md."},
        exitCodeListHeading = ExitStatus.HEADING,
        exitCodeList = {"0:the runs were listed (and pruned)",
                "2:no history at FILE, not an auditor history, from a newer auditor, or bad arguments",
                "3:the history could not be read or written (the message says why)"},
        footerHeading = "%nExamples:%n",
        footer = {"  auditor history --history out/history.db",
                "  auditor history --history out/history.db --prune --keep 90"})
public final class HistoryCommand implements Callable<Integer> {
    static final String DEFAULT_FILE = "auditor-out/" + RunHistory.FILE_NAME;
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);
    /** The --json output of history and diff: indented, for people reading it as well as scripts. */
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** {@code --history FILE}, shared by the commands that read history. */
    static final class Location {
        @Option(names = "--history", paramLabel = "FILE", defaultValue = DEFAULT_FILE,
                description = "The run history to read (default: ${DEFAULT-VALUE}, where 'auditor scan' records "
                        + "by default; a scan with --out DIR records in DIR/" + RunHistory.FILE_NAME + ").")
        Path file;
    }

    /** {@code --keep N} and {@code --keep-days D}, shared with {@code auditor scan}. */
    static final class Retention {
        @Option(names = "--keep", paramLabel = "N",
                description = "Keep only the newest N runs in the history (at least 1).")
        Integer keepRuns;

        @Option(names = "--keep-days", paramLabel = "DAYS",
                description = "Remove runs that started more than DAYS days ago (the newest run is always kept).")
        Integer keepDays;

        boolean any() {
            return keepRuns != null || keepDays != null;
        }

        List<InputProblem> problems() {
            List<InputProblem> problems = new java.util.ArrayList<>();
            if (keepRuns != null && keepRuns < 1) {
                problems.add(new InputProblem("--keep", 0, 0, "cannot keep " + keepRuns + " runs",
                        "write a number of runs of 1 or more"));
            }
            if (keepDays != null && keepDays < 1) {
                problems.add(new InputProblem("--keep-days", 0, 0, "cannot keep " + keepDays + " days",
                        "write a number of days of 1 or more"));
            }
            return problems;
        }

        /** Removes what the options ask for and says what went, on {@code err}. */
        List<String> apply(RunHistory h, Clock clock, PrintWriter err) throws HistoryException {
            Instant cutoff = keepDays == null ? null : clock.instant().minus(Duration.ofDays(keepDays));
            List<String> removed = h.prune(keepRuns, cutoff);
            if (!removed.isEmpty()) {
                err.println("history: removed " + removed.size() + (removed.size() == 1 ? " old run" : " old runs")
                        + " (" + UntrustedText.oneLine(removed.get(0))
                        + (removed.size() > 1 ? " … " + UntrustedText.oneLine(removed.get(removed.size() - 1)) : "")
                        + ")");
            }
            return removed;
        }
    }

    @Spec
    CommandSpec spec;

    @Mixin
    Location location = new Location();

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20",
            description = "Show the newest N runs (default: ${DEFAULT-VALUE}; 0 shows all).")
    int limit;

    @Option(names = "--json", description = "Print the runs as JSON (oldest first) for scripts.")
    boolean json;

    @Option(names = "--prune", description = "Remove old runs as --keep and --keep-days say, then list.")
    boolean prune;

    @Mixin
    Retention retention = new Retention();

    @Option(names = "--check", description = "Also run SQLite's integrity check on the file and report the result.")
    boolean check;

    private final Clock clock;

    public HistoryCommand() {
        this(Clock.systemUTC());
    }

    HistoryCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            List<InputProblem> problems = new java.util.ArrayList<>(retention.problems());
            if (limit < 0) {
                problems.add(new InputProblem("--limit", 0, 0, "cannot show " + limit + " runs",
                        "write 0 for all, or a positive number"));
            }
            if (prune && !retention.any()) {
                problems.add(new InputProblem("--prune", 0, 0, "nothing says which runs to remove",
                        "add --keep N (runs) or --keep-days DAYS"));
            }
            if (!prune && retention.any()) {
                problems.add(new InputProblem("--keep", 0, 0, "--keep and --keep-days only act with --prune",
                        "add --prune to remove old runs"));
            }
            if (!problems.isEmpty()) return problems(err, "history", problems);
            try (RunHistory h = RunHistory.openExisting(location.file)) {
                if (prune) retention.apply(h, clock, err);
                List<StoredRun> runs = h.runs();
                List<StoredRun> shown = limit == 0 || runs.size() <= limit ? runs : runs.subList(runs.size() - limit, runs.size());
                if (json) {
                    out.print(json(shown));
                } else {
                    table(out, h, runs.size(), shown);
                }
                if (check) {
                    String result = h.integrityCheck();
                    err.println("integrity check: " + UntrustedText.oneLine(result));
                    if (!"ok".equals(result)) return AuditorCommand.EXIT_INTERNAL;
                }
            }
            return 0;
        } catch (HistoryException e) {
            return historyError(err, "history", e);
        } catch (RuntimeException e) {
            return AuditorCommand.internalError(err, e, false);
        } finally {
            out.flush();
            err.flush();
        }
    }

    private void table(PrintWriter out, RunHistory h, int total, List<StoredRun> shown) throws HistoryException {
        out.println("Run history " + UntrustedText.oneLine(h.file().toString()) + " — " + total
                + (total == 1 ? " run" : " runs") + (shown.size() < total ? ", newest " + shown.size() + " shown" : ""));
        if (shown.isEmpty()) {
            out.println("(no runs yet: 'auditor scan' records one each time it runs)");
            return;
        }
        // Fits 100 columns with a run id and a release version.
        String format = "%-25s %-16s %7s %4s %12s %4s %6s %3s %s%n";
        out.printf(Locale.ROOT, format, "RUN", "STARTED (UTC)", "DEVICES", "GAP", "NOT ASSESSED", "PASS", "WAIVED",
                "N/A", "VERSION");
        for (StoredRun r : shown) {
            out.printf(Locale.ROOT, format, UntrustedText.oneLine(r.runId()), SHOWN.format(r.startedAt()),
                    r.devices(), r.gap(), r.notAssessed(), r.pass(), r.waived(), r.notApplicable(),
                    UntrustedText.oneLine(r.toolVersion()));
        }
        StoredRun last = shown.get(shown.size() - 1);
        out.println("school: " + UntrustedText.oneLine(last.school()) + " · profile: "
                + UntrustedText.oneLine(String.valueOf(last.profileName())) + " (newest run)");
    }

    private static String json(List<StoredRun> runs) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode list = root.putArray("runs");
        for (StoredRun r : runs) {
            ObjectNode n = list.addObject();
            n.put("id", r.runId());
            n.put("startedAt", r.startedAt().toString());
            n.put("finishedAt", r.finishedAt() == null ? null : r.finishedAt().toString());
            n.put("school", r.school());
            n.put("profile", r.profileName());
            n.put("profileSha256", r.profileSha256());
            n.put("toolVersion", r.toolVersion());
            ObjectNode s = n.putObject("summary");
            s.put("devices", r.devices());
            s.put("pass", r.pass());
            s.put("gap", r.gap());
            s.put("notAssessed", r.notAssessed());
            s.put("waived", r.waived());
            s.put("notApplicable", r.notApplicable());
        }
        return printed(root);
    }

    /** A new JSON object for {@link #printed}. */
    static ObjectNode jsonObject() {
        return JSON.createObjectNode();
    }

    /** {@code root} as the --json commands print it, ending with a newline. */
    static String printed(ObjectNode root) {
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Prints argument problems in the usual {@code what: message — hint} form; exit 2. */
    static int problems(PrintWriter err, String command, List<InputProblem> problems) {
        for (InputProblem p : problems) err.println(p.format());
        err.println("auditor " + command + ": nothing was done; see 'auditor " + command + " --help'");
        return AuditorCommand.EXIT_INPUT;
    }

    /** A file that cannot be used is the user's input (exit 2); a failing read or write is exit 3. */
    static int historyError(PrintWriter err, String command, HistoryException e) {
        return historyError(err, command, "--history", e);
    }

    /** @param label what the user wrote that was wrong: {@code --history}, {@code --run}, {@code RUN} */
    static int historyError(PrintWriter err, String command, String label, HistoryException e) {
        if (e.unusableFile()) {
            err.println(problem(label, e).format());
            return AuditorCommand.EXIT_INPUT;
        }
        err.println("auditor " + command + ": " + UntrustedText.oneLine(e.getMessage()));
        return AuditorCommand.EXIT_INTERNAL;
    }

    /** An unusable history file as an input problem of {@code label}. */
    static InputProblem problem(String label, HistoryException e) {
        return new InputProblem(label, 0, 0, UntrustedText.oneLine(e.getMessage()), e.hint());
    }

    static String shown(Instant instant) {
        return SHOWN.format(instant) + " UTC";
    }
}
