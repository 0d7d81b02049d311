package io.auditor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads the parts of report.json the live-scan tests compare. */
final class Reports {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Reports() {}

    static JsonNode read(Path out) throws IOException {
        return JSON.readTree(Files.readString(out.resolve("report.json")));
    }

    /** {@code control device} to status, sorted. */
    static Map<String, String> statuses(JsonNode report) {
        Map<String, String> m = new TreeMap<>();
        for (JsonNode r : report.get("results")) {
            m.put(r.get("control").asText() + " " + r.get("device").asText(), r.get("status").asText());
        }
        return m;
    }

    /** The results of one device: each as {@code CONTROL STATUS evidence}. */
    static List<String> resultsOf(JsonNode report, String device) {
        List<String> out = new ArrayList<>();
        for (JsonNode r : report.get("results")) {
            if (!r.get("device").asText().equals(device)) continue;
            out.add(r.get("control").asText() + " " + r.get("status").asText() + " " + r.path("evidence").asText());
        }
        return out;
    }
}
