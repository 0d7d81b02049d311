package io.auditor.samples.sim;

import io.auditor.collect.PlatformCatalog;

import java.nio.file.Path;

/**
 * Starts a simulated estate and keeps it up until the process is stopped (benchmarks, manual trials):
 * {@code java -cp … io.auditor.samples.sim.SimulatedEstateMain DIR [COUNT] [TEMPLATE-ESTATE]}. Writes
 * {@code DIR/inventory.yaml} and friends, then prints {@code ready DIR/inventory.yaml} on standard output.
 */
public final class SimulatedEstateMain {
    private SimulatedEstateMain() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 1 || args.length > 3) {
            System.err.println("usage: SimulatedEstateMain DIR [COUNT (default 200)] [TEMPLATE-ESTATE (default samples/estate)]");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        Path template = Path.of(args.length > 2 ? args[2] : "samples/estate");
        PlatformCatalog catalog = PlatformCatalog.builtIn();
        SimulatedEstate estate = SimulatedEstate.start(dir, SimulatedEstate.templates(template, catalog), count, catalog);
        System.out.println("ready " + estate.inventory());
        System.out.flush();
        SimulatedEstate.serveUntilStopped(estate);
    }
}
