package io.auditor.cli;

import io.auditor.collect.CaptureRecorder;
import io.auditor.collect.PlatformCatalog;
import io.auditor.collect.Transport;
import io.auditor.inventory.Inventory;
import io.auditor.inventory.InventoryLoader;
import io.auditor.model.DeviceOutcome;
import io.auditor.model.InputProblem;
import io.auditor.model.InvalidInputException;
import io.auditor.scan.Audit;
import io.auditor.scan.LiveCollection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * {@code auditor capture}: contact every device as a live scan does and write the raw outputs in the layout
 * {@code scan --captures} reads, without evaluating anything. A technician audits later, re-audits against new
 * rules, or sends the folder for support.
 */
@Command(name = "capture",
        mixinStandardHelpOptions = true,
        versionProvider = AuditorCommand.Version.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        header = "Record every device's probe outputs for an offline audit.",
        description = {
                "Validates the inventory (exit status 2 if it is wrong, before any device is contacted), then "
                        + "runs each device's read-only probes as 'auditor scan' does and writes what they printed to "
                        + "OUT/<device-id>/<probe-id>.txt (and .exit when the status is not 0), with "
                        + "OUT/<device-id>/capture.properties holding the time of the capture.",
                "",
                "Audit the folder later with 'auditor scan --inventory FILE --captures OUT'. Secrets are never "
                        + "written: only what the devices printed. A device's earlier capture is replaced only by a "
                        + "complete new one."},
        exitCodeListHeading = ExitStatus.HEADING,
        exitCodeList = {"0:every device was captured completely",
                "1:some device could not be reached or some probe failed (see standard error)",
                ExitStatus.INPUT, ExitStatus.INTERNAL},
        footerHeading = ExitStatus.EXAMPLE_HEADING,
        footer = {"  auditor capture --inventory inventory.yaml --out captures/2026-11-20",
                "  auditor scan --inventory inventory.yaml --captures captures/2026-11-20"})
public final class CaptureCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--inventory", required = true, paramLabel = "FILE",
            description = "The inventory YAML: devices, credentials and knownHosts.")
    Path inventory;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Folder to write the captures into, created if missing.")
    Path out;

    @Mixin
    LiveOptions live = new LiveOptions();

    @Option(names = "--debug", description = "On an internal error, print the full stack trace.")
    boolean debug;

    private final Clock clock;
    private final Supplier<PlatformCatalog> catalogs;

    public CaptureCommand() {
        this(Clock.systemUTC(), PlatformCatalog::builtIn);
    }

    CaptureCommand(Clock clock, Supplier<PlatformCatalog> catalogs) {
        this.clock = clock;
        this.catalogs = catalogs;
    }

    @Override
    public Integer call() {
        PrintWriter stderr = spec.commandLine().getErr();
        try {
            return capture(stderr);
        } catch (RuntimeException | IOException | LinkageError e) {
            return AuditorCommand.internalError(stderr, e, debug);
        } finally {
            spec.commandLine().getOut().flush();
            stderr.flush();
        }
    }

    private int capture(PrintWriter stderr) throws IOException {
        List<InputProblem> problems = new ArrayList<>(live.problems());
        AuditorCommand.checkOutFolder(out, "give a folder for the captures", problems);
        PlatformCatalog catalog = catalogs.get();
        Inventory inv = null;
        try {
            inv = new InventoryLoader(catalog.names()).load(inventory, true);
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
        }
        ScanProgress progress = new ScanProgress(stderr, ScanProgress.stderrIsTerminal(), System::nanoTime);
        Transport transport = null;
        if (inv != null) {
            try {
                transport = LiveCollection.transport(inv, live.ssh(inv.knownHosts(), progress::note));
            } catch (InvalidInputException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty() || inv == null || transport == null) {
            return AuditorCommand.inputErrors(stderr, "auditor capture: nothing was captured", problems);
        }
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            return AuditorCommand.inputErrors(stderr, "auditor capture: nothing was captured",
                    List.of(AuditorCommand.cannotCreate(out, e)));
        }

        Audit audit = new Audit(catalog, clock);
        Audit.Collected collected = audit.collect(inv.devices(), new CaptureRecorder(transport, out, clock), progress,
                live.schedule());
        progress.finish();

        int captured = 0;
        int incomplete = 0;
        for (Map.Entry<String, DeviceOutcome> e : collected.outcomes().entrySet()) {
            DeviceOutcome o = e.getValue();
            if (o.reachable()) captured++;
            if (!o.reachable() || !o.topicProblems().isEmpty()) incomplete++;
        }
        int total = collected.outcomes().size();
        stderr.println("captured " + captured + " of " + total + " devices into " + out
                + (incomplete == 0 ? "" : "; " + incomplete + " unreachable or incomplete (see above)"));
        stderr.println("audit it with: auditor scan --inventory " + inventory + " --captures " + out);
        return incomplete == 0 ? 0 : 1;
    }
}
