package io.auditor.samples.sim;

import io.auditor.collect.PlatformCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The demo estate's life cycle: every device it starts listens on its own 127.20.x.y address, and none is left
 * listening once it is closed, or once a start fails half-way. Sockets are counted from this process's own file
 * descriptors (Linux /proc), so other processes on the machine running a demo do not disturb the count.
 */
@Timeout(120)
class DemoEstateTest {
    static final Path SAMPLES = Path.of(System.getProperty("user.dir"));

    @Test
    void theSmallestSchoolListensOnItsOwnAddressesUntilItIsClosed(@TempDir Path dir) throws IOException {
        DemoSchool school = DemoSchool.load(SAMPLES);
        DemoEstate estate = DemoEstate.start(school, dir, school.minimumSize(), Clock.systemUTC(), PlatformCatalog.builtIn());
        try {
            assertEquals(school.minimumSize(), estate.machines().size());
            assertEquals(5, estate.snmpDevices(), "sw-core, sw-edge, sw-lib, wlc-01, wlc-02");
            assertEquals(1, estate.switchedOff(), "the laptop that is often off site");
            assertEquals(school.minimumSize() - 6, estate.sshDevices());
            // One TCP listener per SSH device and one UDP socket per agent; the switched-off laptop has none.
            assertEquals(estate.sshDevices() + estate.snmpDevices(), schoolSockets().size(), schoolSockets()::toString);
            assertTrue(Files.isRegularFile(estate.inventory()));
        } finally {
            estate.close();
        }
        assertEquals(List.of(), schoolSockets(), "still open after close()");
    }

    @Test
    void aStartThatFailsHalfWayStopsEveryDeviceItHadStarted(@TempDir Path dir) throws IOException {
        DemoSchool school = DemoSchool.load(SAMPLES);
        // Without the VC units' platform the start fails at vc-hall, after the servers and every SNMP agent.
        PlatformCatalog withoutVc = PlatformCatalog.of(PlatformCatalog.builtIn().platforms().stream()
                .filter(p -> !p.name().equals("cisco-roomos")).toList());
        IOException e = assertThrows(IOException.class,
                () -> DemoEstate.start(school, dir, school.minimumSize(), Clock.systemUTC(), withoutVc));
        assertEquals("school.yaml: no platform 'cisco-roomos' for vc-hall", e.getMessage());
        assertEquals(List.of(), schoolSockets(), "left listening after the failed start");
    }

    /**
     * This process's sockets bound to an address in 127.20.0.0/16, as {@code /proc/net/{tcp,udp}[6]} lines: the
     * address is little-endian hex, so 127.20.x.y ends in {@code 147F} (IPv4, or IPv4-mapped in the *6 tables).
     */
    static List<String> schoolSockets() throws IOException {
        Set<String> inodes = new HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) inodes.add(target.substring(8, target.length() - 1));
                } catch (IOException gone) {
                    // a descriptor closed while listing (the listing's own)
                }
            }
        }
        List<String> out = new ArrayList<>();
        for (String table : List.of("tcp", "tcp6", "udp", "udp6")) {
            List<String> lines = Files.readAllLines(Path.of("/proc/self/net", table));
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.trim().split("\\s+");
                String address = f[1].substring(0, f[1].indexOf(':'));
                boolean ipv4 = address.length() == 8 || address.startsWith("0000000000000000FFFF0000");
                if (ipv4 && address.endsWith("147F") && inodes.contains(f[9])) out.add(table + " " + line.trim());
            }
        }
        return out;
    }
}
