package io.auditor.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.auditor.model.ControlResult;
import io.auditor.model.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonReportTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode written(Path dir) throws Exception {
        Path file = new JsonReport().write(SampleRuns.mixed(), dir.resolve("out/nested"));
        assertEquals(dir.resolve("out/nested/report.json"), file);
        return JSON.readTree(Files.readString(file));
    }

    @Test
    void runAndSummaryFollowTheContract(@TempDir Path dir) throws Exception {
        JsonNode root = written(dir);
        assertEquals(1, root.get("schemaVersion").asInt());
        JsonNode run = root.get("run");
        assertEquals("20250110T093000Z-ab12cd", run.get("id").asText());
        assertEquals("2025-01-10T09:30:00Z", run.get("startedAt").asText());
        assertEquals("2025-01-10T09:30:04.250Z", run.get("finishedAt").asText());
        assertEquals("Example Academy", run.get("school").asText());
        assertEquals("built-in defaults", run.get("profile").asText());
        assertEquals("", run.get("profileSha256").asText());
        JsonNode s = root.get("summary");
        assertEquals(List.of(3, 1, 2, 2, 1, 1), List.of(s.get("devices").asInt(), s.get("pass").asInt(),
                s.get("gap").asInt(), s.get("notAssessed").asInt(), s.get("waived").asInt(),
                s.get("notApplicable").asInt()));
    }

    @Test
    void devicesCarryReachabilityAndErrors(@TempDir Path dir) throws Exception {
        JsonNode devices = written(dir).get("devices");
        assertEquals(3, devices.size());
        JsonNode ws105 = devices.get(1);
        assertEquals("ws-105", ws105.get("id").asText());
        assertEquals("workstation", ws105.get("roles").get(0).asText());
        assertEquals("windows", ws105.get("platform").asText());
        assertFalse(ws105.get("reachable").asBoolean());
        assertEquals("no captures for ws-105", ws105.get("errors").get(0).asText());
    }

    @Test
    void resultsCarryControlMetadataEvidenceAndWaivers(@TempDir Path dir) throws Exception {
        JsonNode results = written(dir).get("results");
        assertEquals(7, results.size());
        JsonNode gap = results.get(0);
        assertEquals("AV-01", gap.get("control").asText());
        assertEquals("ws-101", gap.get("device").asText());
        assertEquals("GAP", gap.get("status").asText());
        assertEquals("critical", gap.get("severity").asText());
        assertEquals("Anti-malware installed and running", gap.get("title").asText());
        assertEquals("000 §12", gap.get("policyRefs").get(0).asText());
        assertTrue(gap.get("evidence").isTextual());
        assertEquals("WinDefend service: Stopped (defender-status)", gap.get("evidence").asText());
        assertEquals("Fix AV-01 by doing the documented thing.", gap.get("remediation").asText());
        assertFalse(gap.has("waiver"));
        assertEquals("waivers.yaml:12", gap.get("expiredWaiver").get("source").asText());

        JsonNode waived = results.get(1);
        assertEquals("WAIVED", waived.get("status").asText());
        JsonNode w = waived.get("waiver");
        assertEquals("AV-02", w.get("control").asText());
        assertEquals("ws-1*", w.get("device").asText(), "the report names the device pattern 'device'");
        assertFalse(w.has("devicePattern"), "the history's stored key does not leak into the report");
        assertEquals("lab machines are offline", w.get("reason").asText());
        assertEquals("stale definitions", w.get("riskAccepted").asText());
        assertEquals("J Smith (Head)", w.get("approvedBy").asText());
        assertEquals("2025-01-01", w.get("effective").asText());
        assertEquals("2025-03-31", w.get("expires").asText());
        assertEquals("waivers.yaml:4", w.get("source").asText());
        assertFalse(waived.has("expiredWaiver"));

        assertEquals("NOT_APPLICABLE", results.get(5).get("status").asText());
        assertEquals("", results.get(5).get("evidence").asText());
    }

    @Test
    void expiredWaiversAreListed(@TempDir Path dir) throws Exception {
        JsonNode expired = written(dir).get("expiredWaivers");
        assertEquals(1, expired.size());
        assertEquals("AV-01", expired.get(0).get("control").asText());
        assertEquals("2024-12-31", expired.get(0).get("expires").asText());
    }

    @Test
    void controlCharactersInEvidenceStayValidJson() throws Exception {
        var r = SampleRuns.run(List.of(new ControlResult(SampleRuns.AV01, "ws-101",
                Status.GAP, List.of("a\u001b[2J\"b\nc"), null, null)), List.of());
        String text = new JsonReport().render(r);
        assertFalse(text.contains("\u001b"), "escaped as \\u001B, not raw");
        assertEquals("a\u001b[2J\"b\nc", JSON.readTree(text).get("results").get(0).get("evidence").asText());
    }

    /** C1 controls (8-bit CSI, NEL), DEL and bidi overrides are escaped too, in the file and in render(). */
    @Test
    void invisibleAndBidiCharactersAreEscapedAndReadBackExactly(@TempDir Path dir) throws Exception {
        String hostile = "x\u009b31m\u0085\u007f\u202egnp.exe\u2066i\u2069\u2028\u2029\u061c\u200e\u200f\u202a"
                + " — é → ok";
        var r = SampleRuns.run(List.of(new ControlResult(SampleRuns.AV01, "ws-101",
                Status.GAP, List.of(hostile), null, null)), List.of());
        for (String text : List.of(new JsonReport().render(r),
                Files.readString(new JsonReport().write(r, dir)))) {
            for (char c : new char[]{0x9B, 0x85, 0x7F, 0x202E, 0x2066, 0x2069, 0x2028, 0x2029, 0x061C, 0x200E,
                    0x200F, 0x202A}) {
                assertFalse(text.indexOf(c) >= 0, "raw U+" + Integer.toHexString(c));
            }
            assertTrue(text.contains("x\\u009B31m\\u0085\\u007F\\u202Egnp.exe"), text);
            assertTrue(text.contains(" — é → ok"), "ordinary non-ASCII text stays readable");
            assertEquals(hostile, JSON.readTree(text).get("results").get(0).get("evidence").asText());
        }
    }
}
