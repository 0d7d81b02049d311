package io.auditor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.auditor.collect.PlatformCatalog;
import io.auditor.samples.sim.SimulatedEstate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** "A scan of 200 simulated devices finishes and leaves no threads or sockets behind." */
class ManySimulatedDevicesTest {
    static final Path SAMPLE = Path.of("../samples/estate");

    @TempDir
    Path dir;

    @Test
    void aScanOf200DevicesFinishesAndLeavesNoThreadsOrSocketsBehind() throws Exception {
        PlatformCatalog catalog = PlatformCatalog.builtIn();
        try (SimulatedEstate estate = SimulatedEstate.start(dir.resolve("estate"),
                SimulatedEstate.templates(SAMPLE, catalog), 200, catalog)) {
            Set<Thread> before = Thread.getAllStackTraces().keySet();
            long socketsBefore = openSockets();

            Path out = dir.resolve("out");
            Run r = Run.of("scan", "--inventory", estate.inventory().toString(), "--out", out.toString(),
                    "--format", "json", "--no-history");
            assertEquals(1, r.exit(), r.err().lines().limit(40).collect(Collectors.joining("\n")));
            JsonNode report = Reports.read(out);
            assertEquals(200, report.get("devices").size());
            for (JsonNode d : report.get("devices")) {
                assertTrue(d.get("reachable").asBoolean(), d.toString());
            }

            // Every connection the auditor opened is closed at both ends, and its threads have ended.
            Await.until(() -> estate.activeSessions() == 0, Duration.ofSeconds(30),
                    () -> estate.activeSessions() + " SSH sessions still open on the simulated devices");
            Await.until(() -> lingering(before).isEmpty(), Duration.ofSeconds(30),
                    () -> "threads left behind: " + lingering(before));
            Await.until(() -> openSockets() <= socketsBefore, Duration.ofSeconds(30),
                    () -> "sockets before the scan " + socketsBefore + ", now " + openSockets());
        }
    }

    /** Threads started during the scan by the auditor or JSch that are still alive. */
    static List<String> lingering(Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !before.contains(t) && t.isAlive())
                .map(Thread::getName)
                .filter(n -> n.startsWith("Connect thread") || n.startsWith("auditor-") || n.contains("jsch"))
                .sorted().toList();
    }

    /** Open socket descriptors of this process (Linux /proc): client and simulated-server ends alike. */
    static long openSockets() {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.filter(fd -> {
                try {
                    return Files.readSymbolicLink(fd).toString().startsWith("socket:");
                } catch (IOException e) {
                    return false; // closed while listing
                }
            }).count();
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc/self/fd", e);
        }
    }
}
