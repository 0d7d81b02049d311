package io.auditor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Whole scans through the real command line, rule pack and collectors, on the bundled sample estate
 * (samples/estate, described in its README).
 */
class ScanEndToEndTest {
    private static final Path ESTATE = Path.of("../samples/estate");
    private static final List<String> HEADLINE = List.of("PATCH-01", "AV-01", "AV-02", "ADM-01", "BAK-01", "VC-01");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Run scanSample(Path out, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("scan",
                "--inventory", ESTATE.resolve("inventory.yaml").toString(),
                "--captures", ESTATE.resolve("captures").toString(),
                "--out", out.toString(), "--as-of", "2026-11-20"));
        args.addAll(List.of(extra));
        return Run.of(args.toArray(new String[0]));
    }

    @Test
    void sampleEstateScanWritesTheReportAndExits1(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        Run r = scanSample(out);
        assertEquals(1, r.exit(), r.toString());

        JsonNode report = JSON.readTree(Files.readString(out.resolve("report.json")));
        assertEquals(1, report.get("schemaVersion").asInt());
        assertEquals("Riverside Academy (sample)", report.get("run").get("school").asText());
        assertEquals(16, report.get("summary").get("devices").asInt());
        assertEquals(16, report.get("devices").size());

        Map<String, Set<String>> statusesByControl = new HashMap<>();
        for (JsonNode result : report.get("results")) {
            statusesByControl.computeIfAbsent(result.get("control").asText(), k -> new TreeSet<>())
                    .add(result.get("status").asText());
        }
        for (String control : HEADLINE) {
            Set<String> seen = statusesByControl.getOrDefault(control, Set.of());
            assertTrue(seen.contains("PASS") && seen.contains("GAP"), control + " has " + seen);
        }

        // lt-201 has no captures: unreachable, and every control in its scope NOT_ASSESSED.
        JsonNode laptop = null;
        for (JsonNode d : report.get("devices")) if (d.get("id").asText().equals("lt-201")) laptop = d;
        assertNotNull(laptop, "lt-201 is in the report's devices");
        assertFalse(laptop.get("reachable").asBoolean(), laptop.toString());
        int laptopResults = 0;
        for (JsonNode result : report.get("results")) {
            if (!result.get("device").asText().equals("lt-201")) continue;
            laptopResults++;
            assertEquals("NOT_ASSESSED", result.get("status").asText(), result.toString());
            assertFalse(result.get("evidence").asText().isBlank(), "a NOT_ASSESSED result says why");
        }
        assertTrue(laptopResults > 0);

        // The console report and progress.
        assertTrue(r.out().startsWith("Compliance audit — Riverside Academy (sample)\n"), r.toString());
        assertTrue(r.out().contains("GAPS ("), r.toString());
        assertTrue(r.out().contains("NOT ASSESSED ("), r.toString());
        for (String line : r.out().lines().toList()) assertTrue(line.length() <= 100, line);
        // Devices are collected in parallel: the count says how many had finished, not the inventory position.
        assertTrue(r.err().matches("(?s).*\\[\\d+/\\d+\\] dc-01 … ok.*"), r.toString());
        assertTrue(r.err().matches("(?s).*\\[\\d+/16\\] lt-201 … unreachable: .*"), r.toString());
        assertTrue(r.err().contains("report: " + out.resolve("report.json")), r.toString());
    }

    @Test
    void waiversApplyAsOfTheGivenDayAndExpiredOnesAreReported(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        Run r = scanSample(out, "--format", "json");
        assertEquals(1, r.exit(), r.toString());
        assertEquals("", r.out(), "json only: nothing on standard output");
        JsonNode report = JSON.readTree(Files.readString(out.resolve("report.json")));
        JsonNode srvWebPatch = Reports.result(report, "PATCH-01", "srv-web");
        assertEquals("WAIVED", srvWebPatch.get("status").asText(), srvWebPatch.toString());
        assertEquals("2027-01-31", srvWebPatch.get("waiver").get("expires").asText());
        assertTrue(report.get("expiredWaivers").size() >= 1, report.get("expiredWaivers").toString());
        assertEquals("ADM-01", report.get("expiredWaivers").get(0).get("control").asText());
    }

    @Test
    void consoleOnlyWritesNoReportFileAndDebugTimesEachPhase(@TempDir Path dir) {
        Path out = dir.resolve("out");
        Run r = scanSample(out, "--format", "console", "--debug");
        assertEquals(1, r.exit(), r.toString());
        assertFalse(Files.exists(out.resolve("report.json")));
        assertTrue(r.out().contains("GAPS ("), r.toString());
        assertTrue(r.err().matches("(?s).*timing: inputs \\d+\\.\\d\\d s \\(rule pack .*"), "--debug times phases\n" + r);
    }

    @Test
    void aBrokenInventoryExits2NamingFileLineAndColumnBeforeAnyDeviceIsTouched(@TempDir Path dir) throws Exception {
        Path inventory = dir.resolve("inventory.yaml");
        Files.writeString(inventory, """
                school: Test School
                devices:
                  - { id: ws-1, roles: [workstaton], platform: windows }
                  - { id: ws-2, roles: [workstation], platform: windoze }
                """);
        Path out = dir.resolve("out");
        Run r = Run.of("scan", "--inventory", inventory.toString(), "--captures", dir.toString(),
                "--out", out.toString());
        assertEquals(2, r.exit(), r.toString());
        // Columns: where 'workstaton' and 'windoze' start on their lines.
        assertTrue(r.err().contains(inventory + ":3:25: unknown role 'workstaton' — did you mean 'workstation'?"),
                r.toString());
        assertTrue(r.err().contains(inventory + ":4:49: unknown platform 'windoze' — did you mean 'windows'?"),
                r.toString());
        assertTrue(r.err().contains("nothing was scanned; 2 problems in the input"), r.toString());
        assertFalse(r.err().contains("[1/"), "no device may be collected\n" + r);
        assertFalse(Files.exists(out), "a broken input leaves no output folder behind");
    }

    @Test
    void aBrokenRuleFileExits2NamingFileAndLineBeforeAnyDeviceIsTouched(@TempDir Path dir) throws Exception {
        Path rules = Files.createDirectories(dir.resolve("school-rules"));
        Path drl = Files.writeString(rules.resolve("broken.drl"), """
                package school.rules;

                rule "never compiles"
                when
                    this is not a pattern
                then
                end
                """);
        Path out = dir.resolve("out");
        Run r = scanSample(out, "--rules", rules.toString());
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.err().contains(drl.getFileName() + ":"), "names the .drl file\n" + r);
        assertTrue(r.err().lines().anyMatch(l -> l.matches(".*broken\\.drl:\\d+.*")), "and a line\n" + r);
        assertFalse(r.err().contains("[1/"), "no device may be collected\n" + r);
        assertFalse(Files.exists(out), "a broken input leaves no output folder behind");
    }
}
