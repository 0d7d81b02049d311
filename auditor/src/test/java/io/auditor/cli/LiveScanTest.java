package io.auditor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.auditor.collect.Platform;
import io.auditor.collect.PlatformCatalog;
import io.auditor.samples.sim.Misbehaviour;
import io.auditor.samples.sim.SilentPort;
import io.auditor.samples.sim.SimulatedEstate;
import io.auditor.samples.sim.SimulatedSshDevice;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Live scans over real SSH against a simulated school (Apache MINA SSHD devices answering from the sample
 * estate's captures), through the real command line: results, captures and their replay, and every fault a
 * device can show, each ending NOT_ASSESSED with its reason while the rest of the scan completes.
 */
class LiveScanTest {
    static final Path SAMPLE = Path.of("../samples/estate");
    static final PlatformCatalog CATALOG = PlatformCatalog.builtIn();

    @TempDir
    Path dir;
    final List<AutoCloseable> closeMe = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : closeMe) c.close();
    }

    SimulatedEstate estate(int count) throws Exception {
        SimulatedEstate e = SimulatedEstate.start(dir.resolve("estate"), SimulatedEstate.templates(SAMPLE, CATALOG),
                count, CATALOG);
        closeMe.add(e);
        return e;
    }

    static Run scan(Path inventory, Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("scan", "--inventory", inventory.toString(), "--out",
                out.toString(), "--format", "json", "--no-history"));
        args.addAll(List.of(extra));
        return Run.of(args.toArray(new String[0]));
    }

    @Test
    void liveScanAndTheReplayOfItsCaptureGiveTheSameResults() throws Exception {
        SimulatedEstate estate = estate(SimulatedEstate.templates(SAMPLE, CATALOG).size());
        Run live = scan(estate.inventory(), dir.resolve("live"));
        assertEquals(1, live.exit(), live.toString());
        JsonNode liveReport = Reports.read(dir.resolve("live"));
        for (JsonNode d : liveReport.get("devices")) {
            assertTrue(d.get("reachable").asBoolean(), d + "\n" + live);
        }
        Map<String, String> liveStatuses = Reports.statuses(liveReport);
        assertTrue(liveStatuses.containsValue("PASS") && liveStatuses.containsValue("GAP"), liveStatuses.toString());

        Path captures = dir.resolve("captures");
        Run capture = Run.of("capture", "--inventory", estate.inventory().toString(), "--out", captures.toString());
        assertTrue(capture.exit() == 0 || capture.exit() == 1, capture.toString());
        assertTrue(capture.err().contains("captured " + estate.devices().size() + " of " + estate.devices().size()),
                capture.toString());
        for (SimulatedSshDevice d : estate.devices()) {
            assertTrue(Files.isRegularFile(captures.resolve(d.id()).resolve("capture.properties")), d.id());
        }
        Run replay = scan(estate.inventory(), dir.resolve("replay"), "--captures", captures.toString());
        assertEquals(live.exit(), replay.exit(), replay.toString());
        assertEquals(liveStatuses, Reports.statuses(Reports.read(dir.resolve("replay"))));

        // No secret of the estate lands in a capture, a report or the console.
        List<String> secrets = new ArrayList<>();
        for (String f : List.of("secrets/win-audit.txt", "secrets/vc-audit.txt")) {
            secrets.add(Files.readString(estate.dir().resolve(f)).strip());
        }
        String keyBody = Files.readAllLines(estate.dir().resolve("keys/auditor_rsa")).get(1);
        secrets.add(keyBody);
        List<Path> written;
        try (Stream<Path> files = Stream.concat(Files.walk(captures), Files.walk(dir.resolve("live")))) {
            written = files.filter(Files::isRegularFile).toList();
        }
        for (String secret : secrets) {
            for (Path p : written) {
                assertFalse(Files.readString(p, StandardCharsets.ISO_8859_1).contains(secret), "secret in " + p);
            }
            for (Run r : List.of(live, capture, replay)) assertFalse(r.toString().contains(secret), "secret in output");
        }
    }

    @Test
    void everyFaultEndsNotAssessedWithItsReasonAndTheRestOfTheScanCompletes() throws Exception {
        SimulatedEstate estate = estate(2); // dc-01 (windows) and srv-files (windows), healthy
        Path inventory = estate.inventory();
        Path knownHosts = estate.dir().resolve("known_hosts");
        Platform debian = CATALOG.find("debian").orElseThrow();
        Map<String, io.auditor.samples.sim.Recording> srvMis =
                SimulatedSshDevice.recordingsFrom(SAMPLE.resolve("captures/srv-mis"), debian);
        java.security.PublicKey auditKey = PublicKeyEntry.parsePublicKeyEntry(
                Files.readString(estate.dir().resolve("keys/auditor_rsa.pub")).strip()).resolvePublicKey(null, null, null);

        StringBuilder devices = new StringBuilder();
        StringBuilder hosts = new StringBuilder();
        // A debian server per misbehaviour, answering srv-mis's outputs when it behaves.
        for (Misbehaviour how : List.of(Misbehaviour.HANG, Misbehaviour.FLOOD, Misbehaviour.FAIL, Misbehaviour.GARBAGE)) {
            String id = "srv-" + how.name().toLowerCase();
            SimulatedSshDevice d = SimulatedSshDevice.builder(id).user("auditor").authorizedKey(auditKey)
                    .respond(srvMis).start();
            closeMe.add(d);
            d.misbehave(how);
            devices.append(line(id, d.port(), "linux-audit"));
            hosts.append(d.knownHostsLine()).append('\n');
        }
        // Wrong password: the device expects another one than the inventory's password file holds.
        SimulatedSshDevice wrongPw = SimulatedSshDevice.builder("ws-wrongpw").user("SIM\\svc-audit").password("other")
                .start();
        closeMe.add(wrongPw);
        devices.append("  - { id: ws-wrongpw, roles: [workstation], platform: windows, address: 127.0.0.1, port: "
                + wrongPw.port() + ", credentials: win-audit }\n");
        hosts.append(wrongPw.knownHostsLine()).append('\n');
        // Unknown host key: not in known_hosts.
        SimulatedSshDevice unknown = SimulatedSshDevice.builder("srv-unknown").user("auditor").authorizedKey(auditKey)
                .respond(srvMis).start();
        closeMe.add(unknown);
        devices.append(line("srv-unknown", unknown.port(), "linux-audit"));
        // Changed host key: known_hosts holds another key for its address.
        SimulatedSshDevice changed = SimulatedSshDevice.builder("srv-changed").user("auditor").authorizedKey(auditKey)
                .respond(srvMis).start();
        closeMe.add(changed);
        devices.append(line("srv-changed", changed.port(), "linux-audit"));
        hosts.append("[127.0.0.1]:").append(changed.port()).append(' ')
                .append(PublicKeyEntry.toString(ecKey().getPublic())).append('\n');
        // Connection refused, and a port that accepts TCP and never speaks.
        devices.append(line("srv-refused", SilentPort.closedPort(), "linux-audit"));
        SilentPort silent = new SilentPort();
        closeMe.add(silent);
        devices.append(line("srv-silent", silent.port(), "linux-audit"));

        Files.writeString(inventory, devices.toString(), StandardOpenOption.APPEND);
        Files.writeString(knownHosts, hosts.toString(), StandardOpenOption.APPEND);

        Path out = dir.resolve("out");
        Run r = scan(inventory, out, "--connect-timeout", "3s", "--command-timeout", "2s", "--device-timeout", "60s",
                "--parallel", "4");
        assertEquals(1, r.exit(), r.toString());
        JsonNode report = Reports.read(out);

        expectAllNotAssessed(report, "srv-hang", "no result within 2 s (--command-timeout)");
        expectAllNotAssessed(report, "srv-flood", "output exceeded the cap");
        expectAllNotAssessed(report, "srv-fail", "exited 3: simulated failure: permission denied");
        expectAllNotAssessed(report, "srv-garbage", "output not understood");
        expectAllNotAssessed(report, "ws-wrongpw", "login refused for user 'SIM\\svc-audit'");
        expectAllNotAssessed(report, "srv-unknown", "is not in ");
        expectAllNotAssessed(report, "srv-changed", "host key CHANGED");
        expectAllNotAssessed(report, "srv-refused", "connection refused by 127.0.0.1:");
        expectAllNotAssessed(report, "srv-silent", "no SSH answer from 127.0.0.1:" + silent.port() + " within 3 s");
        for (String healthy : List.of("dc-01", "srv-files")) {
            List<String> results = Reports.resultsOf(report, healthy);
            assertTrue(results.stream().anyMatch(s -> s.contains(" PASS ") || s.contains(" GAP ")),
                    healthy + ": " + results + "\n" + r);
        }
        // The device ids were printed with their outcome, one line each (stderr is not a terminal here).
        assertTrue(r.err().contains("srv-refused … unreachable: connection refused"), r.toString());
    }

    @Test
    void aDeviceThatHoldsTheRunIsGivenUpAtItsDeadline() throws Exception {
        SimulatedEstate estate = estate(2);
        estate.device("dc-01").misbehave(Misbehaviour.HANG);
        Path out = dir.resolve("out");
        Run r = scan(estate.inventory(), out, "--command-timeout", "10m", "--device-timeout", "2s");
        assertEquals(1, r.exit(), r.toString());
        JsonNode report = Reports.read(out);
        expectAllNotAssessed(report, "dc-01", "no complete answer within 2 s (--device-timeout), given up while "
                + "running probe ");
        assertTrue(Reports.resultsOf(report, "srv-files").stream().anyMatch(s -> s.contains(" PASS ") || s.contains(" GAP ")),
                r.toString());
    }

    @Test
    void devicesAreReachedThroughTheirSitesJumpHost() throws Exception {
        SimulatedEstate estate = estate(2);
        java.security.PublicKey auditKey = PublicKeyEntry.parsePublicKeyEntry(
                Files.readString(estate.dir().resolve("keys/auditor_rsa.pub")).strip()).resolvePublicKey(null, null, null);
        SimulatedSshDevice jump = SimulatedSshDevice.builder("jump-01").user("auditor").authorizedKey(auditKey)
                .jumpHost(true).start();
        closeMe.add(jump);
        String inv = Files.readString(estate.inventory());
        inv = inv.replace("devices:\n", "sites:\n  annexe: { via: jump-01 }\ndevices:\n")
                .replace(", credentials: win-audit", ", site: annexe, credentials: win-audit");
        inv += "  - { id: jump-01, roles: [server], platform: rhel, address: 127.0.0.1, port: " + jump.port()
                + ", credentials: linux-audit, site: annexe }\n";
        Files.writeString(estate.inventory(), inv);
        Files.writeString(estate.dir().resolve("known_hosts"), jump.knownHostsLine() + "\n", StandardOpenOption.APPEND);
        Path out = dir.resolve("out");
        Run r = scan(estate.inventory(), out);
        assertEquals(1, r.exit(), r.toString());
        assertEquals(2, jump.forwardedConnections(), "both windows devices went through the jump host\n" + r);
        JsonNode report = Reports.read(out);
        for (String id : List.of("dc-01", "srv-files")) {
            assertTrue(Reports.resultsOf(report, id).stream().anyMatch(s -> s.contains(" PASS ") || s.contains(" GAP ")),
                    id + "\n" + r);
        }
    }

    @Test
    void trustNewHostsRecordsEveryUnknownKeyAndPrintsItsFingerprint() throws Exception {
        SimulatedEstate estate = estate(2);
        Path knownHosts = estate.dir().resolve("known_hosts");
        List<String> expected = Files.readAllLines(knownHosts);
        Files.writeString(knownHosts, "");
        Run refused = scan(estate.inventory(), dir.resolve("refused"));
        assertEquals(1, refused.exit(), refused.toString());
        expectAllNotAssessed(Reports.read(dir.resolve("refused")), "dc-01", "is not in " + knownHosts);
        assertEquals("", Files.readString(knownHosts));

        Run trusted = scan(estate.inventory(), dir.resolve("trusted"), "--trust-new-hosts");
        assertEquals(1, trusted.exit(), trusted.toString());
        assertTrue(trusted.err().contains("trusted new host key of dc-01 (") && trusted.err().contains("SHA256:"),
                trusted.toString());
        assertEquals(new java.util.TreeSet<>(expected), new java.util.TreeSet<>(Files.readAllLines(knownHosts)));
        assertTrue(Reports.resultsOf(Reports.read(dir.resolve("trusted")), "dc-01").stream()
                .anyMatch(s -> s.contains(" PASS ") || s.contains(" GAP ")), trusted.toString());
    }

    @Test
    void anInventoryWithoutKnownHostsIsRefusedBeforeAnyDeviceIsContacted() throws Exception {
        SimulatedEstate estate = estate(2);
        Files.writeString(estate.inventory(), Files.readString(estate.inventory()).replace("knownHosts: known_hosts\n", ""));
        Path out = dir.resolve("out");
        Run r = scan(estate.inventory(), out);
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.err().contains("names no 'knownHosts' file") && r.err().contains("--trust-new-hosts"), r.toString());
        assertFalse(Files.exists(out), "nothing written");
        Run c = Run.of("capture", "--inventory", estate.inventory().toString(), "--out", dir.resolve("caps").toString());
        assertEquals(2, c.exit(), c.toString());
        assertFalse(Files.exists(dir.resolve("caps")));
        for (SimulatedSshDevice d : estate.devices()) assertEquals(0, d.activeSessions(), d.id());
    }

    /**
     * The device's headline controls are NOT_ASSESSED with the fault's reason, and nothing on it passes: missing
     * data is never a pass.
     */
    static void expectAllNotAssessed(JsonNode report, String device, String reason) {
        List<String> results = Reports.resultsOf(report, device);
        for (String control : List.of("PATCH-01", "AV-01", "ADM-01")) {
            String r = results.stream().filter(s -> s.startsWith(control + " ")).findFirst().orElse(null);
            assertTrue(r != null && r.startsWith(control + " NOT_ASSESSED ") && r.contains(reason), device
                    + ": expected " + control + " NOT_ASSESSED with '" + reason + "', got: " + r);
        }
        for (String s : results) {
            // INV-02 passes for a device that answered at all: being seen is what it checks.
            if (!s.startsWith("INV-")) assertFalse(s.contains(" PASS "), device + " passed without data: " + s);
        }
    }

    static String line(String id, int port, String credential) {
        return "  - { id: " + id + ", roles: [server], platform: debian, address: 127.0.0.1, port: " + port
                + ", credentials: " + credential + " }\n";
    }

    static KeyPair ecKey() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        return g.generateKeyPair();
    }
}
