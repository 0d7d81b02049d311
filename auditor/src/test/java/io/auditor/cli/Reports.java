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
import java.util.stream.Stream;

/** Reads the parts of report.json the end-to-end tests compare, and copies an estate to change it. */
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

    /** The result of {@code control} on {@code device}; fails the test when there is none. */
    static JsonNode result(JsonNode report, String control, String device) {
        for (JsonNode r : report.get("results")) {
            if (r.get("control").asText().equals(control) && r.get("device").asText().equals(device)) return r;
        }
        throw new AssertionError("no " + control + " result for " + device);
    }

    /** Copies the folder {@code from} (an estate, its captures) to {@code to}, to change the copy. */
    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) Files.createDirectories(target);
                else Files.copy(f, target);
            }
        }
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
