package io.auditor.samples;

import io.auditor.collect.CaptureRecorder;
import io.auditor.collect.CaptureTransport;
import io.auditor.collect.DeviceCollection;
import io.auditor.collect.DeviceCollector;
import io.auditor.collect.Parser;
import io.auditor.collect.Parsers;
import io.auditor.collect.Platform;
import io.auditor.collect.PlatformCatalog;
import io.auditor.collect.Probe;
import io.auditor.collect.UnrecognisedOutputException;
import io.auditor.collect.snmp.SnmpLimits;
import io.auditor.collect.snmp.SnmpTransport;
import io.auditor.collect.snmp.WalkText;
import io.auditor.collect.ssh.KnownHostsFile;
import io.auditor.collect.ssh.SshSettings;
import io.auditor.collect.ssh.SshTransport;
import io.auditor.model.Credential;
import io.auditor.model.Device;
import io.auditor.model.Observation;
import io.auditor.model.Role;
import io.auditor.model.facts.AntiMalwareStatus;
import io.auditor.model.facts.AutoLogon;
import io.auditor.model.facts.DirectoryAccount;
import io.auditor.model.facts.DiskEncryption;
import io.auditor.model.facts.Fact;
import io.auditor.model.facts.FilteredNetwork;
import io.auditor.model.facts.GroupMember;
import io.auditor.model.facts.ManagementService;
import io.auditor.model.facts.NetworkNeighbour;
import io.auditor.model.facts.PendingUpdate;
import io.auditor.model.facts.ScreenLock;
import io.auditor.model.facts.SoftwareRelease;
import io.auditor.model.facts.WirelessNetwork;
import io.auditor.samples.sim.SimulatedSnmpAgent;
import io.auditor.samples.sim.SimulatedSshDevice;
import io.auditor.samples.sim.TimeShift;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The demo school's extra device templates ({@code demo/}, see its README): every capture is an output of one of its
 * platform's probes that the probe's parser understands, each template is complete for its role and shows the facts
 * its README promises, and every walk is served by the simulated SNMP agent and collected by the real SNMP transport.
 */
@Timeout(120)
class DemoCapturesTest {
    private static final Path DEMO = Path.of("demo");
    private static final Path CAPTURES = DEMO.resolve("captures");
    private static final Instant CAPTURED_AT = Instant.parse("2026-11-20T02:00:00Z");

    /** How each template appears in an inventory: its platform and roles. */
    private record Template(String platform, Set<Role> roles) {
        Device device(String id) {
            return new Device(id, roles, platform, null, null, null, false);
        }
    }

    private static final Map<String, Template> TEMPLATES = Map.of(
            "dc-01", new Template("windows", Set.of(Role.DOMAIN_CONTROLLER, Role.SERVER)),
            "fw-01", new Template("pfsense", Set.of(Role.FIREWALL, Role.WEBFILTER)),
            "lab-ok", new Template("ubuntu", Set.of(Role.WORKSTATION)),
            "lab-gap", new Template("ubuntu", Set.of(Role.WORKSTATION)),
            "lt-ok", new Template("windows", Set.of(Role.LAPTOP)));

    /** Captures that record a failing command on purpose (the probe's exit status is in the .exit file). */
    private static final Set<String> FAILING_ON_PURPOSE = Set.of(
            "dc-01/wsb-summary", "lab-ok/restic-snapshots", "lab-gap/restic-snapshots");

    @Test
    void everyTemplateFolderIsKnownAndStampedWithTheCaptureTime() throws IOException {
        Set<String> folders = new TreeSet<>();
        try (Stream<Path> s = Files.list(CAPTURES)) {
            s.forEach(p -> folders.add(p.getFileName().toString()));
        }
        assertEquals(new TreeSet<>(TEMPLATES.keySet()), folders, "template folders under demo/captures");
        for (String id : folders) {
            String props = Files.readString(CAPTURES.resolve(id).resolve(CaptureTransport.PROPERTIES), StandardCharsets.UTF_8);
            assertEquals("capturedAt=2026-11-20T02:00:00Z", props.strip(), id + "/capture.properties");
        }
    }

    @Test
    void everyCaptureIsAProbeOfItsPlatformAndItsParserUnderstandsIt() throws Exception {
        PlatformCatalog catalog = PlatformCatalog.builtIn();
        Parsers parsers = Parsers.installed();
        Set<String> failing = new TreeSet<>();
        int parsed = 0;
        for (Map.Entry<String, Template> t : new TreeMap<>(TEMPLATES).entrySet()) {
            Platform platform = catalog.find(t.getValue().platform()).orElseThrow();
            Map<String, Probe> probes = new TreeMap<>();
            for (Probe p : platform.probes()) probes.put(p.id(), p);
            Path folder = CAPTURES.resolve(t.getKey());
            List<Path> files;
            try (Stream<Path> s = Files.list(folder)) {
                files = s.sorted().toList();
            }
            for (Path f : files) {
                String name = f.getFileName().toString();
                if (name.equals(CaptureTransport.PROPERTIES)) continue;
                assertTrue(name.matches(".+\\.(txt|exit)"), t.getKey() + "/" + name + " is neither .txt nor .exit");
                String probeId = name.replaceFirst("\\.(txt|exit)$", "");
                Probe probe = probes.get(probeId);
                assertTrue(probe != null, t.getKey() + "/" + name + " is not a probe of " + platform.name()
                        + "; its probes are " + probes.keySet());
                if (name.endsWith(".exit")) {
                    assertTrue(Files.exists(folder.resolve(probeId + ".txt")), t.getKey() + "/" + name + " without its .txt");
                    int status = Integer.parseInt(Files.readString(f, StandardCharsets.UTF_8).strip());
                    assertTrue(status != 0, t.getKey() + "/" + name + " says 0: leave the .exit file out instead");
                    failing.add(t.getKey() + "/" + probeId);
                    continue;
                }
                if (Files.exists(folder.resolve(probeId + ".exit"))) continue; // a failed command is not parsed
                Parser parser = parsers.find(probe.parser()).orElseThrow(() -> new AssertionError("no parser " + probe.parser()));
                Observation obs = new Observation(t.getKey(), probeId, probe.command(),
                        Files.readString(f, StandardCharsets.UTF_8), 0, CAPTURED_AT, 0, false);
                try {
                    assertFalse(parser.parse(obs).isEmpty(), t.getKey() + "/" + name + " gave no facts");
                } catch (UnrecognisedOutputException e) {
                    fail(t.getKey() + "/" + name + ":" + e.line() + ": " + parser.id() + " does not understand it: " + e.getMessage());
                }
                parsed++;
            }
        }
        assertEquals(FAILING_ON_PURPOSE, failing, "captures with a non-zero exit status");
        assertTrue(parsed >= 60, "parsed " + parsed);
    }

    @Test
    void everyTemplateIsCompleteForItsRolesAndCollectsWithoutProblems() {
        PlatformCatalog catalog = PlatformCatalog.builtIn();
        for (Map.Entry<String, Template> t : new TreeMap<>(TEMPLATES).entrySet()) {
            Device device = t.getValue().device(t.getKey());
            List<String> missing = catalog.find(device.platform()).orElseThrow().probes().stream()
                    .filter(p -> p.appliesTo(device))
                    .map(Probe::id)
                    .filter(p -> Files.notExists(CAPTURES.resolve(t.getKey()).resolve(p + ".txt")))
                    .toList();
            assertEquals(List.of(), missing, t.getKey() + " lacks captures");
            DeviceCollection c = new DeviceCollector(catalog).collect(device, new CaptureTransport(CAPTURES));
            assertTrue(c.outcome().reachable(), t.getKey() + ": " + c.outcome().errors());
            // dc-01 keeps the estate's failing Windows Server Backup probe (Windows Server Backup not installed).
            Set<String> expectedProblems = t.getKey().equals("dc-01") ? Set.of("backups") : Set.of();
            assertEquals(expectedProblems, c.outcome().topicProblems().keySet(),
                    t.getKey() + ": " + c.outcome().topicProblems());
        }
    }

    @Test
    void theDomainControllerHasAnUnapprovedAgencyTechnicianInDomainAdmins() {
        List<Fact> f = collect("dc-01");
        assertTrue(f.contains(new GroupMember("dc-01", "ad-privileged-groups", "RIVERSIDE\\Domain Admins",
                "RIVERSIDE\\agency-tech", "user", "domain")), () -> members(f));
        DirectoryAccount tech = f.stream().filter(DirectoryAccount.class::isInstance).map(DirectoryAccount.class::cast)
                .filter(a -> a.account().endsWith("agency-tech")).findFirst().orElseThrow();
        assertEquals(Boolean.TRUE, tech.enabled());
        assertEquals(Instant.parse("2026-11-06T10:14:00Z"), tech.createdAt());
        assertTrue(Duration.between(tech.lastLogonAt(), CAPTURED_AT).toHours() < 48, "recently logged on: " + tech.lastLogonAt());
    }

    @Test
    void theFirewallLeavesThePupilsNetworkUnfilteredAndFiltersTheGuests() {
        List<FilteredNetwork> nets = collect("fw-01").stream().filter(FilteredNetwork.class::isInstance)
                .map(FilteredNetwork.class::cast).toList();
        assertEquals(List.of("opt3 (STUDENTS)"), nets.stream().filter(n -> !n.filtered()).map(FilteredNetwork::network).toList(),
                nets::toString);
        FilteredNetwork guest = nets.stream().filter(n -> n.network().contains("GUEST_WIFI")).findFirst().orElseThrow();
        assertTrue(guest.filtered() && guest.detail().contains("intercepts HTTP and HTTPS"), guest::toString);
    }

    @Test
    void theLabDesktopsDifferOnlyWhereTheReadmeSays() {
        List<Fact> ok = collect("lab-ok");
        List<Fact> gap = collect("lab-gap");
        AntiMalwareStatus okAv = one(ok, AntiMalwareStatus.class);
        AntiMalwareStatus gapAv = one(gap, AntiMalwareStatus.class);
        assertTrue(okAv.realTimeProtection() && okAv.serviceRunning() && gapAv.realTimeProtection(), okAv + " / " + gapAv);
        assertTrue(Duration.between(okAv.signaturesUpdatedAt(), CAPTURED_AT).toHours() < 24, okAv::toString);
        assertEquals(9, Duration.between(gapAv.signaturesUpdatedAt(), CAPTURED_AT).toDays(), gapAv::toString);

        assertFalse(ok.stream().anyMatch(x -> x instanceof PendingUpdate), "lab-ok has nothing pending");
        assertEquals(List.of("libssl3t64", "openssl", "libxml2"), gap.stream().filter(PendingUpdate.class::isInstance)
                .map(PendingUpdate.class::cast).filter(PendingUpdate::security).map(PendingUpdate::name).toList());

        ScreenLock okLock = one(ok, ScreenLock.class);
        assertEquals(Boolean.TRUE, okLock.lockEnabled());
        assertEquals(300, okLock.lockAfterSeconds());
        assertEquals(Boolean.FALSE, one(gap, ScreenLock.class).lockEnabled());

        assertTrue(ok.stream().noneMatch(x -> x instanceof AutoLogon a && a.enabled()), ok::toString);
        assertTrue(gap.stream().anyMatch(x -> x instanceof AutoLogon a && a.enabled() && "pupil".equals(a.userName())),
                gap::toString);
    }

    @Test
    void theStaffLaptopsSystemDriveIsProtectedByBitLocker() {
        DiskEncryption d = one(collect("lt-ok"), DiskEncryption.class);
        assertTrue(d.system() && Boolean.TRUE.equals(d.protectionOn()), d::toString);
    }

    @Test
    void everyWalkIsServedAndCollectedOverSnmp() throws Exception {
        Credential ro = new Credential("ro", "snmp", null, Map.of("version", "2c", "communityEnv", "T_COMMUNITY"));
        SnmpLimits limits = SnmpLimits.DEFAULTS.withRequestTimeout(Duration.ofMillis(500), 1)
                .withCommunityTimeout(Duration.ofMillis(300));
        SnmpTransport snmp = new SnmpTransport(Map.of("ro", ro), limits, Map.of("T_COMMUNITY", "demo-ro")::get,
                Clock.systemUTC());
        // The recordings land in target/ so a scan can replay them offline (see demo/README.md).
        Path recorded = Path.of("target", "demo-walk-captures");
        Map<String, List<Fact>> facts = new TreeMap<>();
        for (String id : List.of("sw-lib", "wlc-02")) {
            Path walk = DEMO.resolve("walks").resolve(id + ".walk");
            assertFalse(WalkText.parse(Files.readString(walk, StandardCharsets.UTF_8)).isEmpty(), id);
            String platform = id.equals("wlc-02") ? "cisco-aireos" : "snmp-generic";
            Role role = id.equals("wlc-02") ? Role.WIRELESS : Role.SWITCH;
            try (SimulatedSnmpAgent agent = SimulatedSnmpAgent.fromWalk(walk, "demo-ro")) {
                Device d = new Device(id, Set.of(role), platform, "127.0.0.1", agent.port(), "ro", false);
                DeviceCollection c = new DeviceCollector(PlatformCatalog.builtIn())
                        .collect(d, new CaptureRecorder(snmp, recorded, Clock.systemUTC()));
                assertTrue(c.outcome().reachable(), id + ": " + c.outcome().errors());
                assertEquals(Map.of(), c.outcome().topicProblems(), id);
                facts.put(id, c.facts());
            }
        }

        List<Fact> sw = facts.get("sw-lib");
        assertTrue(sw.contains(new SoftwareRelease("sw-lib", "system", "Cisco IOS XE", "17.9.4")), sw::toString);
        assertTrue(sw.contains(new SoftwareRelease("sw-lib", "entity", "C9200L-48P-4G", "17.09.04")), sw::toString);
        assertEquals(Set.of("ssh", "https"), protocols(sw));
        List<NetworkNeighbour> neighbours = sw.stream().filter(NetworkNeighbour.class::isInstance)
                .map(NetworkNeighbour.class::cast).toList();
        assertEquals(List.of("lldp"), neighbours.stream().map(NetworkNeighbour::kind).toList(), "no ARP rows: " + neighbours);
        assertEquals("10.20.0.2", neighbours.get(0).ipAddress());

        List<Fact> wlc = facts.get("wlc-02");
        assertTrue(wlc.contains(new SoftwareRelease("wlc-02", "entity", "AIR-CT3504-K9", "8.10.190.0")), wlc::toString);
        assertEquals(Set.of("ssh", "https"), protocols(wlc));
        assertTrue(wlc.stream().noneMatch(x -> x instanceof NetworkNeighbour), "no ARP rows");
        assertEquals(List.of(
                new WirelessNetwork("wlc-02", "wlans", "Riverside-Staff", "wpa2", true, "staff"),
                new WirelessNetwork("wlc-02", "wlans", "Riverside-Pupils", "wpa2", true, "pupils"),
                new WirelessNetwork("wlc-02", "wlans", "Riverside-Guest", "wpa2", true, "guest")),
                wlc.stream().filter(WirelessNetwork.class::isInstance).toList());
    }

    @Test
    void theSshTemplatesAnswerEveryProbeOverRealSshByteForByte(@TempDir Path tmp) throws Exception {
        // auditor demo serves these folders from Apache MINA SSHD devices; the real SSH transport must read them back.
        PlatformCatalog catalog = PlatformCatalog.builtIn();
        Credential pw = new Credential("pw", "ssh", "RIVERSIDE\\svc-audit", Map.of("passwordEnv", "DEMO_PASSWORD"));
        Path knownHosts = tmp.resolve("known_hosts");
        List<SimulatedSshDevice> started = new ArrayList<>();
        try {
            Map<String, Integer> ports = new TreeMap<>();
            StringBuilder hosts = new StringBuilder();
            for (String id : new TreeSet<>(TEMPLATES.keySet())) {
                Platform platform = catalog.find(TEMPLATES.get(id).platform()).orElseThrow();
                SimulatedSshDevice d = SimulatedSshDevice.builder(id).user("RIVERSIDE\\svc-audit").password("demo-Pass-1")
                        .respond(SimulatedSshDevice.recordingsFrom(CAPTURES.resolve(id), platform)).start();
                started.add(d);
                ports.put(id, d.port());
                hosts.append(d.knownHostsLine()).append('\n');
            }
            Files.writeString(knownHosts, hosts.toString(), StandardCharsets.UTF_8);
            SshSettings settings = SshSettings.defaults(knownHosts).withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(10))
                    .withEnvironment(Map.of("DEMO_PASSWORD", "demo-Pass-1")::get);
            SshTransport ssh = new SshTransport(settings, KnownHostsFile.load(knownHosts), Map.of("pw", pw), Map.<String, Device>of()::get);
            for (Map.Entry<String, Integer> e : ports.entrySet()) {
                Template t = TEMPLATES.get(e.getKey());
                Device device = new Device(e.getKey(), t.roles(), t.platform(), "127.0.0.1", e.getValue(), "pw", false);
                DeviceCollection c = new DeviceCollector(catalog).collect(device, ssh);
                assertTrue(c.outcome().reachable(), e.getKey() + ": " + c.outcome().errors());
                assertFalse(c.observations().isEmpty(), e.getKey());
                for (Observation o : c.observations()) {
                    Path txt = CAPTURES.resolve(e.getKey()).resolve(o.probeId() + ".txt");
                    assertEquals(Files.readString(txt, StandardCharsets.UTF_8), o.output(), e.getKey() + "/" + o.probeId());
                    Path exit = CAPTURES.resolve(e.getKey()).resolve(o.probeId() + ".exit");
                    int status = Files.exists(exit) ? Integer.parseInt(Files.readString(exit).strip()) : 0;
                    assertEquals(status, o.exitStatus(), e.getKey() + "/" + o.probeId() + " exit status");
                }
                Set<String> expectedProblems = e.getKey().equals("dc-01") ? Set.of("backups") : Set.of();
                assertEquals(expectedProblems, c.outcome().topicProblems().keySet(), e.getKey() + ": " + c.outcome().topicProblems());
            }
        } finally {
            for (SimulatedSshDevice d : started) d.close();
        }
    }

    @Test
    void theTemplatesReadTheSameWhenTheDemoMovesThemInTime(@TempDir Path tmp) throws Exception {
        // auditor demo serves the recordings through TimeShift; every age must survive an awkward shift.
        Duration by = Duration.ofDays(400).plusHours(13).plusMinutes(27).plusSeconds(41);
        TimeShift shift = TimeShift.between(CAPTURED_AT, CAPTURED_AT.plus(by));
        int withTimes = 0;
        for (String id : new TreeSet<>(TEMPLATES.keySet())) {
            Path shifted = Files.createDirectories(tmp.resolve(id));
            try (Stream<Path> s = Files.list(CAPTURES.resolve(id))) {
                for (Path f : s.toList()) {
                    String name = f.getFileName().toString();
                    String text = Files.readString(f, StandardCharsets.UTF_8);
                    Files.writeString(shifted.resolve(name), name.equals(CaptureTransport.PROPERTIES)
                            ? "capturedAt=" + shift.to() + "\n" : name.endsWith(".txt") ? shift.apply(text) : text,
                            StandardCharsets.UTF_8);
                }
            }
            Device device = TEMPLATES.get(id).device(id);
            List<Fact> before = new DeviceCollector(PlatformCatalog.builtIn()).collect(device, new CaptureTransport(CAPTURES)).facts();
            List<Fact> after = new DeviceCollector(PlatformCatalog.builtIn()).collect(device, new CaptureTransport(tmp)).facts();
            assertEquals(before.size(), after.size(), id);
            for (int i = 0; i < before.size(); i++) {
                List<String> b = ages(before.get(i), CAPTURED_AT);
                assertEquals(b, ages(after.get(i), shift.to()), id + " fact " + before.get(i));
                if (b.size() > 1) withTimes++;
            }
        }
        assertTrue(withTimes >= 10, "only " + withTimes + " facts with times");
    }

    /** A fact's type and the age at {@code at} of each of its instants other than the observation time. */
    private static List<String> ages(Fact fact, Instant at) throws ReflectiveOperationException {
        List<String> out = new ArrayList<>(List.of(fact.getClass().getSimpleName()));
        for (RecordComponent c : fact.getClass().getRecordComponents()) {
            if (c.getName().equals("observedAt")) continue;
            if (c.getAccessor().invoke(fact) instanceof Instant t) {
                out.add(c.getName() + " " + (t.equals(t.truncatedTo(ChronoUnit.DAYS))
                        ? ChronoUnit.DAYS.between(LocalDate.ofInstant(t, ZoneOffset.UTC), LocalDate.ofInstant(at, ZoneOffset.UTC)) + " days"
                        : Duration.between(t, at).toString()));
            }
        }
        return out;
    }

    private static List<Fact> collect(String id) {
        DeviceCollection c = new DeviceCollector(PlatformCatalog.builtIn())
                .collect(TEMPLATES.get(id).device(id), new CaptureTransport(CAPTURES));
        return c.facts();
    }

    private static <T> T one(List<Fact> facts, Class<T> type) {
        List<T> found = new ArrayList<>();
        for (Fact f : facts) if (type.isInstance(f)) found.add(type.cast(f));
        assertEquals(1, found.size(), type.getSimpleName() + ": " + found);
        return found.get(0);
    }

    private static Set<String> protocols(List<Fact> facts) {
        Set<String> out = new TreeSet<>();
        for (Fact f : facts) if (f instanceof ManagementService m) out.add(m.protocol());
        return out;
    }

    private static String members(List<Fact> facts) {
        return facts.stream().filter(GroupMember.class::isInstance).map(Object::toString).reduce("", (a, b) -> a + "\n" + b);
    }
}
