package io.auditor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.auditor.samples.sim.SimulatedSnmpDaemon;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code auditor scan} over SNMP end to end: a separate auditor process, its SNMPv3 passphrases in environment
 * variables, against two real net-snmp agents on loopback - one still answering the community 'public' - and
 * INV-01 on the sample estate's recorded switch ARP table.
 */
@Timeout(180)
class SnmpScanEndToEndTest {
    static final String DESCR = "Cisco IOS Software, C2960X Software (C2960X-UNIVERSALK9-M), Version 15.2(7)E4, "
            + "RELEASE SOFTWARE (fc2)";
    static final Map<String, String> SECRETS = Map.of("AUDITOR_T_AUTH", "e2e-auth-pass-91", "AUDITOR_T_PRIV", "e2e-priv-pass-37");

    @TempDir
    static Path tmp;
    static SimulatedSnmpDaemon open;
    static SimulatedSnmpDaemon closed;

    @BeforeAll
    static void start() throws IOException {
        SimulatedSnmpDaemon.V3User user = new SimulatedSnmpDaemon.V3User("auditor", "SHA-256", "e2e-auth-pass-91",
                "AES-256", "e2e-priv-pass-37");
        open = SimulatedSnmpDaemon.start(new SimulatedSnmpDaemon.Config(List.of("public"), List.of(user), DESCR,
                "sw-open", "Science block", null), tmp.resolve("snmpd-open"));
        closed = SimulatedSnmpDaemon.start(new SimulatedSnmpDaemon.Config(List.of(), List.of(user), DESCR,
                "sw-closed", "Comms room A", null), tmp.resolve("snmpd-closed"));
    }

    @AfterAll
    static void stop() {
        if (open != null) open.close();
        if (closed != null) closed.close();
    }

    static Path inventory(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path inv = dir.resolve("inventory.yaml");
        Files.writeString(inv, String.join("\n",
                "school: SNMP test school",
                "credentials:",
                "  snmp-v3: { type: snmp, version: 3, username: auditor, authProtocol: SHA-256, authPasswordEnv: AUDITOR_T_AUTH,",
                "             privProtocol: AES-256, privPasswordEnv: AUDITOR_T_PRIV }",
                "devices:",
                "  - { id: sw-open, roles: [switch], platform: snmp-generic, address: 127.0.0.1, port: " + open.port()
                        + ", credentials: snmp-v3 }",
                "  - { id: sw-closed, roles: [switch], platform: snmp-generic, address: 127.0.0.1, port: " + closed.port()
                        + ", credentials: snmp-v3 }",
                ""), StandardCharsets.UTF_8);
        return inv;
    }

    /** Runs the auditor as its own process, so the secrets really come from its environment. */
    static int scan(Path inventory, Path out, Map<String, String> env, StringBuilder output) throws Exception {
        return auditor(env, output, "scan", "--inventory", inventory.toString(), "--out", out.toString(),
                "--format", "console,json", "--no-history", "--color", "never");
    }

    static int auditor(Map<String, String> env, StringBuilder output, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.auditor.cli.AuditorCommand"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("AUDITOR_"));
        pb.environment().putAll(env);
        Process p = pb.start();
        byte[] bytes = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the scan did not finish");
        output.append(new String(bytes, StandardCharsets.UTF_8));
        return p.exitValue();
    }

    @Test
    void scanOverSnmpV3FromEnvironmentReportsDefaultCommunityAndWhatTheDeviceIs() throws Exception {
        Path dir = tmp.resolve("scan");
        StringBuilder output = new StringBuilder();
        int exit = scan(inventory(dir), dir.resolve("out"), SECRETS, output);
        assertEquals(1, exit, output::toString);
        assertTrue(Files.exists(dir.resolve("out/report.json")), output::toString);
        JsonNode report = new ObjectMapper().readTree(dir.resolve("out/report.json").toFile());
        for (JsonNode d : report.get("devices")) assertTrue(d.get("reachable").asBoolean(), d::toString);

        JsonNode gap = Reports.result(report, "PWD-02", "sw-open");
        assertEquals("GAP", gap.get("status").asText());
        assertTrue(gap.get("evidence").asText().contains("the default SNMP community 'public' answers: answered: "
                + ".1.3.6.1.2.1.1.1.0 = STRING: \"Cisco IOS Software, C2960X"), gap::toString);
        JsonNode pass = Reports.result(report, "PWD-02", "sw-closed");
        assertEquals("PASS", pass.get("status").asText(), pass::toString);
        assertTrue(pass.get("evidence").asText().contains("'public' does not answer"), pass::toString);

        JsonNode seen = Reports.result(report, "INV-02", "sw-closed");
        assertEquals("PASS", seen.get("status").asText(), seen::toString);
        String evidence = seen.get("evidence").asText();
        assertTrue(evidence.contains("it describes itself as '" + DESCR + "' (name sw-closed, location Comms room A)"), evidence);
        assertTrue(evidence.matches("(?s).*it reports \\d+ installed packages: .*\\[installed-software].*"), evidence);

        JsonNode net02 = Reports.result(report, "NET-02", "sw-closed");
        assertTrue(net02.get("evidence").asText().contains("the scan reached it with SNMP v3 authPriv"), net02::toString);
        assertEquals("NOT_ASSESSED", Reports.result(report, "FW-04", "sw-closed").get("status").asText());
        assertFalse(output.toString().contains("e2e-auth-pass-91") || output.toString().contains("e2e-priv-pass-37"),
                "secrets must never be printed");
        assertFalse(Files.readString(dir.resolve("out/report.json")).contains("e2e-priv-pass-37"));
    }

    @Test
    void commandTimeoutBoundsEachSnmpWalkAndTheReasonIsReported() throws Exception {
        Path dir = tmp.resolve("slow-walks");
        Path inv = inventory(dir);
        StringBuilder output = new StringBuilder();
        // 1 ms is less than one GETBULK round trip, so every walk stops at its first check.
        int exit = auditor(SECRETS, output, "scan", "--inventory", inv.toString(), "--out", dir.resolve("out").toString(),
                "--format", "json", "--no-history", "--command-timeout", "1ms");
        assertEquals(1, exit, output::toString);
        assertTrue(output.toString().contains("sw-open … ok, incomplete: installed-software"), output::toString);
        JsonNode report = new ObjectMapper().readTree(dir.resolve("out/report.json").toFile());
        JsonNode inv02 = Reports.result(report, "INV-02", "sw-open");
        assertEquals("NOT_ASSESSED", Reports.result(report, "PATCH-03", "sw-open").get("status").asText(), report::toString);
        assertTrue(report.toString().contains("did not finish within 1 ms"), report::toString);
        assertEquals("PASS", inv02.get("status").asText(), "the device answered, so it was seen: " + inv02);
    }

    @Test
    void captureOverSnmpThenAuditTheCapturesOffline() throws Exception {
        Path dir = tmp.resolve("capture");
        Path inv = inventory(dir);
        StringBuilder output = new StringBuilder();
        int exit = auditor(SECRETS, output, "capture", "--inventory", inv.toString(), "--out", dir.resolve("captures").toString());
        // net-snmp has no ENTITY-MIB or LLDP-MIB, so those probes are incomplete, and capture says so.
        assertEquals(1, exit, output::toString);
        assertTrue(output.toString().contains("sw-open … ok, incomplete: neighbours, software-release"), output::toString);
        String system = Files.readString(dir.resolve("captures/sw-open/system.txt"));
        assertTrue(system.startsWith(".1.3.6.1.2.1.1.1.0 = STRING: \"" + DESCR + "\"\n"), system);
        assertTrue(Files.readString(dir.resolve("captures/sw-open/default-communities.txt"))
                .contains("public: answered: .1.3.6.1.2.1.1.1.0"));
        Run offline = Run.of("scan", "--inventory", inv.toString(), "--captures", dir.resolve("captures").toString(),
                "--out", dir.resolve("out").toString(), "--format", "json", "--no-history");
        assertTrue(Files.exists(dir.resolve("out/report.json")), offline::toString);
        JsonNode report = new ObjectMapper().readTree(dir.resolve("out/report.json").toFile());
        assertEquals("GAP", Reports.result(report, "PWD-02", "sw-open").get("status").asText(), offline::toString);
        assertEquals("PASS", Reports.result(report, "PWD-02", "sw-closed").get("status").asText(), offline::toString);
        assertEquals("PASS", Reports.result(report, "INV-02", "sw-closed").get("status").asText(), offline::toString);
    }

    @Test
    void withoutTheEnvironmentVariablesTheDevicesAreNotAssessedWithTheReason() throws Exception {
        Path dir = tmp.resolve("no-env");
        StringBuilder output = new StringBuilder();
        int exit = scan(inventory(dir), dir.resolve("out"), Map.of(), output);
        assertEquals(1, exit, output::toString);
        JsonNode report = new ObjectMapper().readTree(dir.resolve("out/report.json").toFile());
        JsonNode r = Reports.result(report, "PWD-02", "sw-open");
        assertEquals("NOT_ASSESSED", r.get("status").asText());
        assertTrue(r.get("evidence").asText().contains("environment variable AUDITOR_T_AUTH (authPasswordEnv of "
                + "credential 'snmp-v3') is not set"), r::toString);
    }

    @Test
    void inv01ReportsTheUnrecordedDeviceInTheSwitchArpTableAndPassesOnceItIsRecorded() throws Exception {
        Path estate = Path.of("..", "samples", "estate").toAbsolutePath().normalize();
        Path out = tmp.resolve("inv01");
        Run before = Run.of("scan", "--inventory", estate.resolve("inventory.yaml").toString(), "--captures",
                estate.resolve("captures").toString(), "--out", out.resolve("before").toString(), "--format", "json",
                "--no-history");
        assertTrue(Files.exists(out.resolve("before/report.json")), before::toString);
        JsonNode report = new ObjectMapper().readTree(out.resolve("before/report.json").toFile());
        JsonNode gap = Reports.result(report, "INV-01", "sw-core");
        assertEquals("GAP", gap.get("status").asText(), before::toString);
        assertTrue(gap.get("evidence").asText().contains("10.20.10.57 (MAC 3c:22:fb:7a:01:99, vendor prefix 3C:22:FB) "
                + "is in the ARP table of sw-core on Vlan20"), gap::toString);
        assertFalse(gap.get("evidence").asText().contains("10.20.201.17"), "the BYOD range is approved");

        // Record the machine: a copy of the estate whose inventory lists it.
        Path copy = out.resolve("estate");
        Reports.copyTree(estate, copy);
        Path inv = copy.resolve("inventory.yaml");
        Files.writeString(inv, Files.readString(inv) + "  - { id: ws-art-07, roles: [workstation], platform: windows, "
                + "address: 10.20.10.57, credentials: win-audit }\n");
        Run after = Run.of("scan", "--inventory", inv.toString(), "--captures", copy.resolve("captures").toString(),
                "--out", out.resolve("after").toString(), "--format", "json", "--no-history");
        JsonNode report2 = new ObjectMapper().readTree(out.resolve("after/report.json").toFile());
        JsonNode pass = Reports.result(report2, "INV-01", "sw-core");
        assertEquals("PASS", pass.get("status").asText(), after + "\n" + pass);
        // The newly recorded workstation has no captures, but the switch saw it: INV-02 knows it is there.
        JsonNode seen = Reports.result(report2, "INV-02", "ws-art-07");
        assertEquals("PASS", seen.get("status").asText(), seen::toString);
        assertTrue(seen.get("evidence").asText().contains("arp table of sw-core"), seen::toString);
    }
}
