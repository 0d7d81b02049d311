package io.auditor.collect;

import io.auditor.model.Device;
import io.auditor.model.DeviceOutcome;
import io.auditor.model.Observation;
import io.auditor.model.Role;
import io.auditor.model.facts.AdminGroup;
import io.auditor.model.facts.Fact;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

class DeviceCollectorTest {
    @TempDir Path dir;

    private static final Path FORMATS = Path.of("..", "samples", "formats");
    private static final Instant CAPTURED = Instant.parse("2024-11-20T09:00:00Z");
    private final DeviceCollector collector = new DeviceCollector(PlatformCatalog.builtIn());

    private static Device device(String id, String platform) {
        return new Device(id, Set.of(Role.SERVER), platform, "192.0.2.10", null, null, false);
    }

    private Path captures(String id) throws Exception {
        Path d = Files.createDirectories(dir.resolve(id));
        Files.writeString(d.resolve("capture.properties"), "capturedAt=" + CAPTURED + "\n");
        return d;
    }

    private static void sample(Path deviceDir, String probe, String file) throws Exception {
        Files.copy(FORMATS.resolve(probe).resolve(file), deviceDir.resolve(probe + ".txt"));
    }

    @Test
    void debianFromSamples() throws Exception {
        Path d = captures("srv-01");
        sample(d, "apt-upgradable", "security-pending.txt");
        sample(d, "unattended-upgrades", "enabled.txt");
        sample(d, "clamav", "running.txt");
        sample(d, "admin-groups", "several-admins.txt");
        sample(d, "restic-snapshots", "two-snapshots-0.17.txt");
        sample(d, "sshd-config", "recorded-debian12-root.txt");
        sample(d, "os-release", "recorded-debian12.txt");
        sample(d, "screen-lock", "recorded-debian12-server.txt");
        sample(d, "logon-banner", "recorded-debian12.txt");
        sample(d, "host-firewall", "recorded-netns-nft-drop.txt");
        DeviceCollection c = collector.collect(device("srv-01", "debian"), new CaptureTransport(dir));
        DeviceOutcome o = c.outcome();
        assertTrue(o.reachable());
        assertEquals(List.of(), o.errors());
        assertEquals(Map.of(), o.topicProblems());
        assertEquals(Set.of("updates", "automatic-updates", "anti-malware", "admin-groups", "backups", "sshd-config",
                "software-release", "screen-lock", "logon-banner", "host-firewall"), o.providedTopics());
        assertEquals(10, c.observations().size());
        assertTrue(c.observations().stream().allMatch(ob -> ob.observedAt().equals(CAPTURED)));
        List<String> probes = List.of("apt-upgradable", "unattended-upgrades", "clamav", "admin-groups", "restic-snapshots",
                "sshd-config", "os-release", "screen-lock", "logon-banner", "host-firewall");
        assertEquals(probes, c.observations().stream().map(Observation::probeId).toList());
        assertFalse(c.facts().isEmpty());
        for (Fact f : c.facts()) {
            assertEquals("srv-01", f.deviceId(), f.toString());
            assertTrue(probes.contains(f.source()), f.toString());
        }
        // the first five probes' facts, then sshd, release, screen lock, /etc/issue and the two address families
        assertEquals(1 + 3 + 1 + 1 + 3 + 4 + 1 + 2 + 1 + 1 + 1 + 1 + 2, c.facts().size());
    }

    @Test
    void backupProbesAreNotRunOnWorkstations() throws Exception {
        Path d = captures("ws-01");
        sample(d, "apt-upgradable", "security-pending.txt");
        sample(d, "unattended-upgrades", "enabled.txt");
        sample(d, "clamav", "running.txt");
        sample(d, "admin-groups", "several-admins.txt");
        sample(d, "sshd-config", "recorded-debian12-root.txt");
        sample(d, "os-release", "recorded-debian12.txt");
        sample(d, "screen-lock", "recorded-debian12-server.txt");
        sample(d, "logon-banner", "recorded-debian12.txt");
        sample(d, "host-firewall", "recorded-netns-nft-drop.txt");
        sample(d, "display-manager", "gdm-autologin.txt");
        // No restic capture: a workstation is not asked, so nothing is missing.
        Device ws = new Device("ws-01", Set.of(Role.WORKSTATION), "debian", "192.0.2.11", null, null, false);
        DeviceCollection c = collector.collect(ws, new CaptureTransport(dir));
        assertEquals(Map.of(), c.outcome().topicProblems());
        assertFalse(c.outcome().providedTopics().contains("backups"));
        assertFalse(c.observations().stream().anyMatch(o -> o.probeId().equals("restic-snapshots")));
    }

    @Test
    void unreachableWhenCapturesAreMissing() {
        DeviceCollection c = collector.collect(device("srv-09", "debian"), new CaptureTransport(dir));
        assertFalse(c.outcome().reachable());
        assertEquals(List.of("no captures for srv-09: " + dir.resolve("srv-09") + "/ does not exist"), c.outcome().errors());
        assertTrue(c.facts().isEmpty());
        assertTrue(c.observations().isEmpty());
        assertEquals("no captures for srv-09: " + dir.resolve("srv-09") + "/ does not exist",
                c.outcome().notAssessedReason(Set.of("updates"), "debian"));
    }

    @Test
    void unreachableWithoutCaptureTime() throws Exception {
        Files.createDirectories(dir.resolve("srv-01"));
        DeviceCollection c = collector.collect(device("srv-01", "debian"), new CaptureTransport(dir));
        assertFalse(c.outcome().reachable());
        assertTrue(c.outcome().errors().get(0).contains("capture.properties is missing"), c.outcome().errors().toString());
    }

    @Test
    void everyProbeFaultBecomesATopicProblem() throws Exception {
        Path d = captures("srv-01");
        // apt-upgradable: no capture file at all
        // unattended-upgrades: exits non-zero; the quote is the first non-blank line, control characters removed
        Files.writeString(d.resolve("unattended-upgrades.txt"), "\n\u001b[31mE: Could not open lock file\u0007 " + "x".repeat(300) + "\nsecond\n");
        Files.writeString(d.resolve("unattended-upgrades.exit"), "100");
        // clamav: garbage
        Files.writeString(d.resolve("clamav.txt"), "Segmentation fault\n");
        // admin-groups: bad line 2
        Files.writeString(d.resolve("admin-groups.txt"), "sudo:x:27:alice\nwheel:x:ten:bob\n");
        // restic-snapshots: non-zero with no output
        Files.writeString(d.resolve("restic-snapshots.txt"), "");
        Files.writeString(d.resolve("restic-snapshots.exit"), "10");

        DeviceCollection c = collector.collect(device("srv-01", "debian"), new CaptureTransport(dir));
        DeviceOutcome o = c.outcome();
        assertTrue(o.reachable());
        Map<String, List<String>> p = o.topicProblems();
        assertEquals(List.of("probe apt-upgradable: no capture for probe apt-upgradable ("
                + d.resolve("apt-upgradable.txt") + ")"), p.get("updates"));
        String exited = p.get("automatic-updates").get(0);
        assertTrue(exited.startsWith("probe unattended-upgrades exited 100: [31mE: Could not open lock file x"), exited);
        assertEquals(200, exited.substring("probe unattended-upgrades exited 100: ".length()).length(), exited);
        assertTrue(exited.endsWith("…"));
        assertEquals(List.of("probe clamav: output not understood: expected 'ClamAV <version>…' or 'clamscan: not "
                + "installed', found 'Segmentation fault' (line 1)"), p.get("anti-malware"));
        assertEquals(List.of("probe admin-groups: output not understood: not a group line name:password:gid:members: "
                + "'wheel:x:ten:bob' (line 2)"), p.get("admin-groups"));
        assertEquals(List.of("probe restic-snapshots exited 10: (no output)"), p.get("backups"));
        assertEquals(4, c.observations().size(), "every probe that ran is kept as evidence");
        assertTrue(c.facts().isEmpty());
        assertEquals("probe admin-groups: output not understood: not a group line name:password:gid:members: "
                + "'wheel:x:ten:bob' (line 2)", o.notAssessedReason(Set.of("admin-groups"), "debian"));
    }

    @Test
    void truncatedOutputIsNotParsed() throws Exception {
        Path d = captures("srv-01");
        sample(d, "admin-groups", "several-admins.txt");
        DeviceCollection c = collector.collect(device("srv-01", "debian"), new CaptureTransport(dir, 16));
        assertEquals(List.of("probe admin-groups: output exceeded the cap; not parsed"),
                c.outcome().topicProblems().get("admin-groups"));
        assertTrue(c.observations().get(0).truncated());
        assertTrue(c.facts().stream().noneMatch(f -> f instanceof AdminGroup));
    }

    @Test
    void aFailingParserNeverStopsTheScan() throws Exception {
        Parser boom = new Parser() {
            @Override public String id() { return "boom"; }
            @Override public List<Fact> parse(Observation o) { throw new IllegalStateException("index 3"); }
        };
        Parser ok = new Parser() {
            @Override public String id() { return "ok"; }
            @Override public List<Fact> parse(Observation o) {
                return List.of(new AdminGroup(o.deviceId(), o.probeId(), "g", 0));
            }
        };
        Platform p = new Platform("test", "d", "ssh", List.of(
                new Probe("first", "t1", "c", "boom", "d"),
                new Probe("second", "t2", "c", "ok", "d"),
                new Probe("third", "t3", "c", "missing", "d")));
        DeviceCollector dc = new DeviceCollector(PlatformCatalog.of(List.of(p)), Parsers.of(boom, ok));
        Path d = captures("x-01");
        for (String id : List.of("first", "second", "third")) Files.writeString(d.resolve(id + ".txt"), "out");
        DeviceCollection c = dc.collect(device("x-01", "test"), new CaptureTransport(dir));
        assertEquals(List.of("probe first: parser boom failed: java.lang.IllegalStateException: index 3"),
                c.outcome().topicProblems().get("t1"));
        assertNull(c.outcome().topicProblems().get("t2"));
        assertEquals(List.of("probe third: no parser 'missing' is installed"), c.outcome().topicProblems().get("t3"));
        assertEquals(List.of(new AdminGroup("x-01", "second", "g", 0)), c.facts());
        assertEquals(Set.of("t1", "t2", "t3"), c.outcome().providedTopics());
    }

    @Test
    void transportFailuresAreData() {
        Transport throwsRuntime = d -> { throw new IllegalStateException("socket closed"); };
        DeviceCollection c = collector.collect(device("srv-01", "debian"), throwsRuntime);
        assertFalse(c.outcome().reachable());
        assertEquals(List.of("could not open a session: java.lang.IllegalStateException: socket closed"),
                c.outcome().errors());

        Transport failingProbe = d -> new DeviceSession() {
            @Override public Observation run(Probe probe) throws CollectionException {
                if (probe.id().equals("clamav")) throw new CollectionException("timed out after 60 s");
                throw new UnsupportedOperationException("no");
            }
            @Override public void close() { throw new IllegalStateException("close failed"); }
        };
        c = collector.collect(device("srv-01", "debian"), failingProbe);
        assertTrue(c.outcome().reachable());
        assertEquals(List.of("probe clamav: timed out after 60 s"), c.outcome().topicProblems().get("anti-malware"));
        assertEquals(List.of("probe admin-groups: the transport failed: java.lang.UnsupportedOperationException: no"),
                c.outcome().topicProblems().get("admin-groups"));
        assertEquals(10, c.outcome().topicProblems().size(), "every debian probe's topic");
    }

    @Test
    void observationsAreAttributedToTheDeviceAndProbe() throws Exception {
        Transport sloppy = d -> new DeviceSession() {
            @Override public Observation run(Probe probe) {
                return new Observation("other", "other", probe.command(), "sudo:x:27:\n", 0, CAPTURED, 5, false);
            }
            @Override public void close() {}
        };
        DeviceCollection c = collector.collect(device("srv-01", "ubuntu"), sloppy);
        assertTrue(c.observations().stream().allMatch(o -> o.deviceId().equals("srv-01")));
        assertEquals(List.of("apt-upgradable", "unattended-upgrades", "clamav", "admin-groups", "restic-snapshots",
                "sshd-config", "os-release", "screen-lock", "logon-banner", "host-firewall"),
                c.observations().stream().map(Observation::probeId).toList(), "each observation named after its probe");
        assertEquals(new AdminGroup("srv-01", "admin-groups", "sudo", 0),
                c.facts().stream().filter(f -> f instanceof AdminGroup).findFirst().orElseThrow());
    }

    @Test
    void platformWithoutProbesIsNotContacted() {
        Transport never = d -> { throw new AssertionError("contacted"); };
        DeviceCollection c = collector.collect(device("rtr-01", "cisco-ios"), never);
        assertFalse(c.outcome().reachable());
        assertTrue(c.outcome().providedTopics().isEmpty());
        assertEquals("not contacted: no collector for platform 'cisco-ios' exists yet",
                c.outcome().notAssessedReason(Set.of("updates"), "cisco-ios"));
    }

    @Test
    void unknownPlatform() {
        DeviceCollection c = collector.collect(device("x-01", "solaris"), new CaptureTransport(dir));
        assertFalse(c.outcome().reachable());
        assertTrue(c.outcome().errors().get(0).startsWith("platform 'solaris' is not one the collectors know; "
                + "expected one of cisco-aireos, cisco-ios, cisco-roomos, debian"), c.outcome().errors().toString());
    }

    @Test
    void firstLineQuote() {
        assertEquals("(no output)", DeviceCollector.firstLine(null));
        assertEquals("(no output)", DeviceCollector.firstLine(" \r\n\t\n"));
        assertEquals("a b", DeviceCollector.firstLine("\r\n a\u0000 b \r\nc"));
    }
}
