package io.auditor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sample estate's boundary story through the real command line: the firewall and web filter fw-01 and the two
 * video-conference units, with the gaps the estate's README names (and that a demo must show).
 */
class BoundaryScanTest {
    private static final Path ESTATE = Path.of("../samples/estate");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void firewallWebFilterAndVideoUnits(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        Run r = Run.of("scan", "--inventory", ESTATE.resolve("inventory.yaml").toString(),
                "--captures", ESTATE.resolve("captures").toString(), "--out", out.toString(), "--as-of", "2026-11-20");
        assertEquals(1, r.exit(), r.toString());
        Map<String, JsonNode> results = new HashMap<>();
        for (JsonNode n : JSON.readTree(Files.readString(out.resolve("report.json"))).get("results")) {
            results.put(n.get("control").asText() + " " + n.get("device").asText(), n);
        }

        expect(results, "FLT-01 fw-01", "GAP", "network opt5 (GUEST_WIFI) (guest/BYOD) 10.20.40.1/24 is not filtered");
        expect(results, "FW-02 fw-01", "GAP", "rule #3 on WAN: pass tcp from any to 10.20.1.20 port 8443 (no description)");
        expect(results, "VC-02 vc-staff", "GAP", "standby is off");
        for (String pass : new String[] {"FW-01 fw-01", "FW-03 fw-01", "FLT-02 fw-01", "FLT-03 fw-01", "FLT-04 fw-01",
                "FLT-05 fw-01", "FLT-06 fw-01", "ADM-01 fw-01", "VC-02 vc-hall", "VC-03 vc-hall", "VC-03 vc-staff"}) {
            expect(results, pass, "PASS", "[");
        }
        expect(results, "FW-03 fw-01", "PASS", "(restricted to 203.0.113.0/24)");
        // The report carries what the auditor read, never the firewall's secrets: the probe removed them on the device.
        String report = Files.readString(out.resolve("report.json"));
        assertFalse(report.contains("bcrypt") || report.contains("$2y$"), "no password hash in the report");
    }

    private static void expect(Map<String, JsonNode> results, String key, String status, String evidence) {
        JsonNode n = results.get(key);
        assertTrue(n != null, "no result for " + key);
        String text = n.get("evidence").asText();
        assertEquals(status, n.get("status").asText(), key + ": " + text);
        assertTrue(text.contains(evidence), key + ": '" + evidence + "' not in " + text);
    }
}
