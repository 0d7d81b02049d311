package io.auditor.cli;

import io.auditor.collect.CaptureTransport;
import io.auditor.collect.Transport;
import io.auditor.scan.LiveCollection;
import io.auditor.collect.PlatformCatalog;
import io.auditor.model.InputProblem;
import io.auditor.model.InvalidInputException;
import io.auditor.model.RunReport;
import io.auditor.report.ReportFormats;
import io.auditor.report.history.HistoryException;
import io.auditor.report.history.RunContext;
import io.auditor.report.history.RunHistory;
import io.auditor.report.UntrustedText;
import io.auditor.scan.Audit;
import io.auditor.scan.AuditInputs;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * {@code auditor scan}: validate every input, then collect, evaluate and report. All input is checked
 * before any device is touched, so a typo never leaves a half-finished run.
 */
@Command(name = "scan",
        mixinStandardHelpOptions = true,
        versionProvider = AuditorCommand.Version.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        header = "Collect, evaluate and report on every device in an inventory.",
        description = {
                "Reads the inventory, the policy profile, the rule pack and the waivers, and stops with exit "
                        + "status 2 if any of them is wrong. Then it collects each device's facts, evaluates every "
                        + "control on every in-scope device, prints the console report to standard output and "
                        + "writes the other reports chosen with --format into OUT. Progress goes to standard error.",
                "",
                "Without --captures the devices are contacted live, over SSH or SNMP as each device's "
                        + "credential says (SSH host keys verified against the inventory's knownHosts, read-only "
                        + "commands, one connection per device, --parallel devices at a time, each bounded by "
                        + "--device-timeout; see docs/ssh.md). With --captures DIR the same audit runs "
                        + "offline from files written by 'auditor capture'."},
        exitCodeListHeading = ExitStatus.HEADING,
        exitCodeList = {ExitStatus.OK, ExitStatus.ATTENTION, ExitStatus.INPUT, ExitStatus.INTERNAL},
        footerHeading = ExitStatus.EXAMPLE_HEADING,
        footer = {ExitStatus.EXAMPLE_1, ExitStatus.EXAMPLE_2})
public final class ScanCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--inventory", required = true, paramLabel = "FILE",
            description = "The inventory YAML: school, devices, credentials, and optionally profile and waivers.")
    Path inventory;

    @Option(names = "--captures", paramLabel = "DIR",
            description = "Audit offline from captured probe outputs in DIR/<device-id>/<probe-id>.txt "
                    + "instead of contacting the devices.")
    Path captures;

    @Mixin
    LiveOptions live = new LiveOptions();

    @Option(names = "--rules", paramLabel = "DIR",
            description = "A folder of the school's own .drl rules, added to the built-in rule pack. "
                    + "Repeat for several folders.")
    List<Path> rules = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "auditor-out",
            description = "Folder for the report files, created if missing (default: ${DEFAULT-VALUE}). "
                    + "A previous report is replaced only once the new one is complete.")
    Path out;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "console,html,json",
            description = "Reports to produce, any combination, comma-separated (default: ${DEFAULT-VALUE}): "
                    + "console (standard output), html (OUT/report.html: summary for the leadership team and "
                    + "detail for technicians, one self-contained page), json (OUT/report.json), csv "
                    + "(OUT/results.csv: one row per result, for a spreadsheet), junit (OUT/junit.xml: one "
                    + "test case per check and device, for CI servers).")
    List<String> formats;

    /** {@code --format}, read by {@link #argumentProblems()}. */
    private ReportFormats reports;

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", converter = DayConverter.class,
            description = "The day waivers are checked against (default: today).")
    LocalDate asOf;

    @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto",
            description = "Colour the console report: auto (only on a terminal, and not when NO_COLOR is "
                    + "set), always, never (default: ${DEFAULT-VALUE}).")
    String colour;

    @Option(names = "--history", paramLabel = "FILE",
            description = "The run history this run is recorded in, for 'auditor history', 'auditor diff', "
                    + "'auditor report --run' and the HTML report's trend (default: OUT/" + RunHistory.FILE_NAME + ").")
    Path history;

    @Option(names = "--no-history", description = "Do not record this run (the HTML report then shows no trend "
            + "or changes since the last run).")
    boolean noHistory;

    @Mixin
    HistoryCommand.Retention retention = new HistoryCommand.Retention();

    @Option(names = "--debug", description = "Print the time each phase took and, on an internal error, the full "
            + "stack trace.")
    boolean debug;

    private final Clock clock;
    private final Supplier<PlatformCatalog> catalogs;

    public ScanCommand() {
        this(Clock.systemDefaultZone(), PlatformCatalog::builtIn);
    }

    /** @param clock the run's timestamps and the default {@code --as-of} day (in the clock's zone) */
    ScanCommand(Clock clock, Supplier<PlatformCatalog> catalogs) {
        this.clock = clock;
        this.catalogs = catalogs;
    }

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        try {
            return scan(stdout, stderr);
        } catch (RuntimeException | IOException | LinkageError e) {
            return AuditorCommand.internalError(stderr, e, debug);
        } finally {
            stdout.flush();
            stderr.flush();
        }
    }

    private int scan(PrintWriter stdout, PrintWriter stderr) throws IOException {
        // 1. Arguments.
        List<InputProblem> problems = new ArrayList<>(argumentProblems());
        problems.addAll(live.problems());
        if (!problems.isEmpty()) return inputErrors(stderr, problems);

        // 2. Inputs, all before any device is touched; every problem there is, at once.
        long t0 = System.nanoTime();
        PlatformCatalog catalog = catalogs.get();
        AuditInputs inputs;
        try {
            // A live scan logs in, so its key, password and known_hosts files must exist; captures need none.
            inputs = AuditInputs.load(inventory, rules, catalog, captures == null, problems);
        } catch (InvalidInputException e) {
            return inputErrors(stderr, e.problems());
        }
        boolean terminal = ScanProgress.stderrIsTerminal();
        ScanProgress progress = new ScanProgress(stderr, terminal, System::nanoTime);
        Transport transport;
        try {
            transport = captures != null ? new CaptureTransport(captures)
                    : LiveCollection.transport(inputs.inventory(), live.ssh(inputs.inventory().knownHosts(), progress::note));
        } catch (InvalidInputException e) {
            return inputErrors(stderr, e.problems());
        }
        if (reports.writesFiles()) {
            // Only once the inputs are known good, so a typo leaves no empty folder behind.
            try {
                Files.createDirectories(out);
            } catch (IOException e) {
                return inputErrors(stderr, List.of(AuditorCommand.cannotCreate(out, e)));
            }
        }

        // The history is an input too: one that is not a history, or is from a newer auditor, stops here.
        ScanHistory scanHistory = null;
        if (!noHistory) {
            try {
                scanHistory = ScanHistory.open(history != null ? history : out.resolve(RunHistory.FILE_NAME));
            } catch (HistoryException e) {
                if (e.unusableFile()) return inputErrors(stderr, List.of(HistoryCommand.problem("--history", e)));
                stderr.println("history: " + UntrustedText.oneLine(e.getMessage())
                        + " — scan with --no-history to run without recording");
                return AuditorCommand.EXIT_INTERNAL;
            }
        }

        // 3. Collection.
        long t1 = System.nanoTime();
        Audit audit = new Audit(catalog, clock);
        Audit.Collected collected = audit.collect(inputs, transport, progress, live.schedule());
        progress.finish();

        // 4. Evaluation and reports.
        long t2 = System.nanoTime();
        if (scanHistory != null) collected = scanHistory.withSightings(collected, inputs.inventory().devices());
        RunReport report = audit.evaluate(inputs, collected, asOf != null ? asOf : LocalDate.now(clock));
        // Recorded before the reports are written, so the HTML report shows this run in its trend.
        RunContext context = scanHistory == null ? RunContext.none()
                : scanHistory.record(report, collected, retention, clock, stderr);
        long t3 = System.nanoTime();
        for (Path written : reports.write(report, context == null ? RunContext.none() : context, out, stdout, Colour.use(colour))) {
            stderr.println("report: " + written);
        }
        if (debug) {
            long t4 = System.nanoTime();
            stderr.printf(Locale.ROOT, "timing: inputs %.2f s (rule pack %.2f s), collection %.2f s, "
                            + "evaluation %.2f s, reports %.2f s%n", seconds(t1 - t0),
                    seconds(inputs.rulePackLoad().toNanos()), seconds(t2 - t1), seconds(t3 - t2), seconds(t4 - t3));
        }
        // A run missing from history is a malfunction cron should see, even though its reports are complete.
        return context == null ? AuditorCommand.EXIT_INTERNAL : report.exitStatus();
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private List<InputProblem> argumentProblems() {
        List<InputProblem> problems = new ArrayList<>();
        reports = ReportFormats.parse(formats, "--format", problems);
        if (captures != null && !Files.isDirectory(captures)) {
            problems.add(new InputProblem("--captures", 0, 0, "no such folder: " + captures,
                    "give the folder that holds one sub-folder of captured outputs per device id"));
        }
        for (Path r : rules) {
            if (!Files.isDirectory(r)) {
                problems.add(new InputProblem("--rules", 0, 0, "no such folder: " + r,
                        "give a folder that contains .drl files"));
            }
        }
        AuditorCommand.checkOutFolder(out, "give a folder for the report files", problems);
        Colour.check(colour, problems);
        problems.addAll(retention.problems());
        if (noHistory && (history != null || retention.any())) {
            problems.add(new InputProblem("--no-history", 0, 0, "--no-history contradicts --history, --keep and "
                    + "--keep-days", "leave out --no-history to record the run, or the others to skip recording"));
        }
        if (history != null && Files.isDirectory(history)) {
            problems.add(new InputProblem("--history", 0, 0, history + " is a folder, not a file",
                    "give a file, for example --history " + history.resolve(RunHistory.FILE_NAME)));
        }
        return problems;
    }

    private static int inputErrors(PrintWriter stderr, List<InputProblem> problems) {
        return AuditorCommand.inputErrors(stderr, "auditor scan: nothing was scanned", problems);
    }

    /** {@code --as-of}: a calendar day, with a message that says how to write one. */
    static final class DayConverter implements CommandLine.ITypeConverter<LocalDate> {
        @Override
        public LocalDate convert(String value) {
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw new CommandLine.TypeConversionException("'" + value
                        + "' is not a day; write YYYY-MM-DD, for example 2026-11-20");
            }
        }
    }
}
