package io.auditor.cli;

import io.auditor.collect.PlatformCatalog;
import io.auditor.model.InputProblem;
import io.auditor.samples.sim.DemoEstate;
import io.auditor.samples.sim.DemoSchool;
import io.auditor.samples.sim.SimulatedEstate;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code auditor demo}: a simulated school on loopback, scanned over real SSH and SNMP by the very scan command a
 * school runs. The quickest way to see a real report, and the load generator of the benchmarks.
 */
@Command(name = "demo",
        mixinStandardHelpOptions = true,
        versionProvider = AuditorCommand.Version.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        header = "Start a simulated school on this machine and audit it over real SSH and SNMP.",
        description = {
                "Starts, inside this process and on loopback addresses only (127.20.0.0/16), a simulated secondary "
                        + "school: a pfSense firewall and web filter, a domain controller, file, MIS, web, print and "
                        + "backup servers, three switches, two wireless controllers, two video-conference units and "
                        + "Windows and Ubuntu workstations and laptops. SSH devices are Apache MINA SSHD servers, each "
                        + "with its own host key, answering their platform's probes with recorded outputs moved forward "
                        + "to today; network devices are SNMP4J agents serving recorded walks over SNMPv3 or v2c.",
                "",
                "It writes what a technician would have (inventory, known_hosts, the audit key, password files, "
                        + "profile, roster, waivers) to OUT/estate, runs 'auditor scan' on that inventory - host keys "
                        + "verified, every device contacted over the network - writes the reports and history to OUT, "
                        + "prints where the report is and stops the school. The school is mostly compliant, with "
                        + "gaps in every policy area, a laptop that is switched off and an approved and an expired "
                        + "waiver: the exit status is 1, as for a real school with gaps.",
                "",
                "With --serve it keeps the school running instead, so you can scan it yourself, edit the profile or "
                        + "waivers and scan again; stop it with Ctrl-C."},
        exitCodeListHeading = ExitStatus.HEADING,
        exitCodeList = {ExitStatus.OK, ExitStatus.ATTENTION, ExitStatus.INPUT, ExitStatus.INTERNAL},
        footerHeading = ExitStatus.EXAMPLE_HEADING,
        footer = {"  auditor demo                       # scan the 40-device school, report in auditor-demo/",
                "  auditor demo --devices 500         # a bigger school, for load tests",
                "  auditor demo --serve --out /tmp/school   # keep it running; scan it yourself"})
public final class DemoCommand implements Callable<Integer> {
    /** The most devices one process simulates: a large trust's worth, and far fewer than the threads a JVM allows. */
    static final int MAX_DEVICES = 2000;

    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "auditor-demo",
            description = "Folder for the reports, the run history and (under OUT/estate) the simulated school's "
                    + "inventory, keys and passwords (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--devices", paramLabel = "N",
            description = "How many devices the school has (default: the 40-device school). More devices add "
                    + "workstations and laptops in the same mix of compliant machines and gaps.")
    Integer devices;

    @Option(names = "--serve", description = "Keep the school running (until Ctrl-C) instead of scanning it, and print "
            + "the command that scans it.")
    boolean serve;

    @Mixin
    LiveOptions live = new LiveOptions();

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "console,html,json",
            description = "Reports to produce, as for 'auditor scan' (default: ${DEFAULT-VALUE}).")
    String formats;

    @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto",
            description = "Colour the console report: auto, always or never (default: ${DEFAULT-VALUE}).")
    String colour;

    @Option(names = "--debug", description = "Print the time each phase took and, on an internal error, the full "
            + "stack trace.")
    boolean debug;

    private final Clock clock;

    public DemoCommand() {
        this(Clock.systemDefaultZone());
    }

    DemoCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() {
        PrintWriter stderr = spec.commandLine().getErr();
        try {
            return demo(stderr);
        } catch (RuntimeException | IOException | LinkageError e) {
            return AuditorCommand.internalError(stderr, e, debug);
        } finally {
            stderr.flush();
            spec.commandLine().getOut().flush();
        }
    }

    private int demo(PrintWriter stderr) throws IOException {
        DemoSchool school = DemoSchool.builtIn();
        int count = devices == null ? school.defaultSize() : devices;
        List<InputProblem> problems = new ArrayList<>(live.problems());
        if (count < school.minimumSize() || count > MAX_DEVICES) {
            problems.add(new InputProblem("--devices", 0, 0, "'" + count + "' devices: the demo school has from "
                    + school.minimumSize() + " to " + MAX_DEVICES,
                    "give a number in that range, or leave --devices out for the " + school.defaultSize() + "-device school"));
        }
        AuditorCommand.checkOutFolder(out, "give a folder for the reports", problems);
        Colour.check(colour, problems);
        if (!problems.isEmpty()) {
            return AuditorCommand.inputErrors(stderr, "auditor demo: nothing was started", problems);
        }

        Path estateDir = out.resolve("estate");
        try {
            Files.createDirectories(estateDir);
        } catch (IOException e) {
            return AuditorCommand.inputErrors(stderr, "auditor demo: nothing was started",
                    List.of(AuditorCommand.cannotCreate(estateDir, e)));
        }
        long t0 = System.nanoTime();
        DemoEstate estate;
        try {
            estate = DemoEstate.start(school, estateDir, count, clock, PlatformCatalog.builtIn());
        } catch (IOException e) {
            java.net.BindException bind = bindException(e);
            if (bind == null) throw e;
            stderr.println("demo: cannot listen on a loopback address of the simulated school ("
                    + bind.getMessage() + "): the demo gives each device its own address in 127.20.0.0/16, which "
                    + "Linux routes to loopback; on other systems add the addresses to the loopback interface "
                    + "first (macOS: sudo ifconfig lo0 alias 127.20.0.1 and so on, see docs/demo.md)");
            return AuditorCommand.EXIT_INTERNAL;
        }
        stderr.printf(Locale.ROOT, "demo: %s is running on loopback: %d devices (%d over SSH, %d over SNMP, %d switched "
                        + "off), started in %.1f s%n", school.school(), count, estate.sshDevices(), estate.snmpDevices(),
                estate.switchedOff(), (System.nanoTime() - t0) / 1e9);
        stderr.println("demo: its inventory, known_hosts, keys and passwords are in " + estateDir);
        stderr.flush();
        if (serve) return serve(estate, stderr);
        int status;
        try (estate) {
            status = scan(estate.inventory());
        }
        if (status <= 1 && formats.contains("html")) {
            stderr.println("demo: open " + out.resolve("report.html").toAbsolutePath()
                    + " in a browser: the summary for the leadership team first, then every gap with its evidence and fix");
        }
        return status;
    }

    /** The BindException in {@code e}'s chain of causes, or null. */
    private static java.net.BindException bindException(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.net.BindException bind) return bind;
        }
        return null;
    }

    /** The school's own 'auditor scan', with this command's options. */
    private int scan(Path inventory) {
        List<String> args = new ArrayList<>(List.of("--inventory", inventory.toString(), "--out", out.toString(),
                "--format", formats, "--color", colour,
                "--parallel", Integer.toString(live.parallel),
                "--device-timeout", live.deviceTimeout.toString(),
                "--connect-timeout", live.connectTimeout.toString(),
                "--command-timeout", live.commandTimeout.toString()));
        if (debug) args.add("--debug");
        CommandLine scan = new CommandLine(new ScanCommand(clock, PlatformCatalog::builtIn));
        scan.setOut(spec.commandLine().getOut());
        scan.setErr(spec.commandLine().getErr());
        return scan.execute(args.toArray(String[]::new));
    }

    private int serve(DemoEstate estate, PrintWriter stderr) {
        stderr.println("demo: scan it from another terminal with");
        stderr.println("  bin/auditor scan --inventory " + estate.inventory().toAbsolutePath() + " --out "
                + out.resolve("scans").toAbsolutePath());
        stderr.println("demo: serving until Ctrl-C");
        stderr.flush();
        try {
            SimulatedEstate.serveUntilStopped(estate);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
