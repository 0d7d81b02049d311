package io.auditor.cli;

import io.auditor.collect.CaptureTransport;
import io.auditor.collect.PlatformCatalog;
import io.auditor.model.DeviceOutcome;
import io.auditor.model.InputProblem;
import io.auditor.model.InvalidInputException;
import io.auditor.model.RunReport;
import io.auditor.report.ConsoleReport;
import io.auditor.report.JsonReport;
import io.auditor.report.UntrustedText;
import io.auditor.scan.Audit;
import io.auditor.scan.AuditInputs;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.stream.Collectors;

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
                        + "writes OUT/report.json. Progress goes to standard error.",
                "",
                "This version audits from captured outputs (--captures); live collection over SSH and SNMP "
                        + "comes in a later version."},
        exitCodeListHeading = ExitStatus.HEADING,
        exitCodeList = {ExitStatus.OK, ExitStatus.ATTENTION, ExitStatus.INPUT, ExitStatus.INTERNAL},
        footerHeading = ExitStatus.EXAMPLE_HEADING,
        footer = {ExitStatus.EXAMPLE_1, ExitStatus.EXAMPLE_2})
public final class ScanCommand implements Callable<Integer> {
    static final List<String> BUILT_FORMATS = List.of("console", "json");
    static final List<String> PLANNED_FORMATS = List.of("html", "csv", "junit");
    static final String LIVE_NOT_BUILT =
            "live collection over SSH/SNMP comes in a later version; use --captures DIR";

    @Spec
    CommandSpec spec;

    @Option(names = "--inventory", required = true, paramLabel = "FILE",
            description = "The inventory YAML: school, devices, credentials, and optionally profile and waivers.")
    Path inventory;

    @Option(names = "--captures", paramLabel = "DIR",
            description = "Audit offline from captured probe outputs in DIR/<device-id>/<probe-id>.txt "
                    + "instead of contacting the devices.")
    Path captures;

    @Option(names = "--rules", paramLabel = "DIR",
            description = "A folder of the school's own .drl rules, added to the built-in rule pack. "
                    + "Repeat for several folders.")
    List<Path> rules = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "auditor-out",
            description = "Folder for report.json, created if missing (default: ${DEFAULT-VALUE}). "
                    + "A previous report is replaced only once the new one is complete.")
    Path out;

    @Option(names = "--format", paramLabel = "FORMAT", split = ",", defaultValue = "console,json",
            description = "Reports to produce, comma-separated (default: ${DEFAULT-VALUE}): console "
                    + "(standard output), json (OUT/report.json). html, csv and junit are planned.")
    List<String> formats;

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", converter = DayConverter.class,
            description = "The day waivers are checked against (default: today).")
    LocalDate asOf;

    @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto",
            description = "Colour the console report: auto (only on a terminal, and not when NO_COLOR is "
                    + "set), always, never (default: ${DEFAULT-VALUE}).")
    String colour;

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
        if (captures == null) {
            for (InputProblem p : problems) stderr.println(p.format());
            stderr.println("auditor scan: " + LIVE_NOT_BUILT);
            return AuditorCommand.EXIT_INPUT;
        }
        if (!problems.isEmpty()) return inputErrors(stderr, problems);
        Set<String> wanted = formats.stream().map(f -> f.strip().toLowerCase(Locale.ROOT))
                .collect(Collectors.toCollection(LinkedHashSet::new));

        // 2. Inputs, all before any device is touched; every problem there is, at once.
        long t0 = System.nanoTime();
        PlatformCatalog catalog = catalogs.get();
        AuditInputs inputs;
        try {
            inputs = AuditInputs.load(inventory, rules, catalog, false, problems);
        } catch (InvalidInputException e) {
            return inputErrors(stderr, e.problems());
        }
        if (wanted.contains("json")) {
            // Only once the inputs are known good, so a typo leaves no empty folder behind.
            try {
                Files.createDirectories(out);
            } catch (IOException e) {
                return inputErrors(stderr, List.of(new InputProblem("--out", 0, 0, "cannot create folder " + out
                        + " (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")",
                        "choose a folder you can write to")));
            }
        }

        // 3. Collection.
        long t1 = System.nanoTime();
        Audit audit = new Audit(catalog, clock);
        Audit.Collected collected = audit.collect(inputs, new CaptureTransport(captures), (done, total, d, o) -> {
            stderr.println("[" + done + "/" + total + "] " + d.id() + " … " + progress(o));
            stderr.flush();
        });

        // 4. Evaluation and reports.
        long t2 = System.nanoTime();
        RunReport report = audit.evaluate(inputs, collected, asOf != null ? asOf : LocalDate.now(clock));
        long t3 = System.nanoTime();
        if (wanted.contains("console")) new ConsoleReport(useColour()).render(report, stdout);
        if (wanted.contains("json")) {
            Path written = new JsonReport().write(report, out);
            stderr.println("report: " + written);
        }
        if (debug) {
            long t4 = System.nanoTime();
            stderr.printf(Locale.ROOT, "timing: inputs %.2f s (rule pack %.2f s), collection %.2f s, "
                            + "evaluation %.2f s, reports %.2f s%n", seconds(t1 - t0),
                    seconds(inputs.rulePackLoad().toNanos()), seconds(t2 - t1), seconds(t3 - t2), seconds(t4 - t3));
        }
        return report.exitStatus();
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private List<InputProblem> argumentProblems() {
        List<InputProblem> problems = new ArrayList<>();
        for (String f : formats) {
            String name = f.strip().toLowerCase(Locale.ROOT);
            if (BUILT_FORMATS.contains(name)) continue;
            if (PLANNED_FORMATS.contains(name)) {
                problems.add(new InputProblem("--format", 0, 0, "the " + name + " report is not built yet",
                        "use --format console,json for now"));
            } else {
                problems.add(new InputProblem("--format", 0, 0, "unknown format '" + f.strip() + "'",
                        "write one or more of " + String.join(", ", BUILT_FORMATS) + ", separated by commas"));
            }
        }
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
        if (Files.exists(out) && !Files.isDirectory(out)) {
            problems.add(new InputProblem("--out", 0, 0, out + " is a file, not a folder",
                    "give a folder for report.json"));
        }
        if (!List.of("auto", "always", "never").contains(colour)) {
            problems.add(new InputProblem("--color", 0, 0, "unknown choice '" + colour + "'",
                    "write auto, always or never"));
        }
        return problems;
    }

    private static int inputErrors(PrintWriter stderr, List<InputProblem> problems) {
        for (InputProblem p : problems) stderr.println(p.format());
        stderr.println("auditor scan: nothing was scanned; " + problems.size()
                + (problems.size() == 1 ? " problem" : " problems") + " in the input");
        return AuditorCommand.EXIT_INPUT;
    }

    private static String progress(DeviceOutcome o) {
        if (!o.reachable()) {
            return "unreachable: " + (o.errors().isEmpty() ? "no reason given" : UntrustedText.oneLine(String.join("; ", o.errors())));
        }
        // Details are in the report, against the controls that needed the data.
        return o.topicProblems().isEmpty() ? "ok"
                : "ok, incomplete: " + UntrustedText.oneLine(String.join(", ", new java.util.TreeSet<>(o.topicProblems().keySet())));
    }

    private boolean useColour() {
        return switch (colour) {
            case "always" -> true;
            case "never" -> false;
            default -> System.console() != null && System.getenv("NO_COLOR") == null
                    && !"dumb".equals(System.getenv("TERM"));
        };
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
