package io.auditor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code --format} in every useful combination, through the real command on the sample estate. */
class ReportFormatsEndToEndTest {
    private static final Path ESTATE = Path.of("../samples/estate");

    private static Run scan(Path out, String... formats) {
        List<String> args = new ArrayList<>(List.of("scan", "--inventory", ESTATE.resolve("inventory.yaml").toString(),
                "--captures", ESTATE.resolve("captures").toString(), "--out", out.toString(), "--as-of", "2026-11-20",
                "--no-history"));
        for (String f : formats) args.addAll(List.of("--format", f));
        return Run.of(args.toArray(new String[0]));
    }

    private static List<String> files(Path dir) throws Exception {
        if (!Files.exists(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void allFourFileReportsAreWrittenAndAgreeOnTheCounts(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        Run r = scan(out, "html,json,csv,junit");
        assertEquals(1, r.exit(), r.toString());
        assertEquals(List.of("junit.xml", "report.html", "report.json", "results.csv"), files(out));
        assertEquals("", r.out(), "console was not asked for");
        for (String f : List.of("report.html", "report.json", "results.csv", "junit.xml")) {
            assertTrue(r.err().contains("report: " + out.resolve(f)), r.toString());
        }

        JsonNode json = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        JsonNode s = json.get("summary");
        int results = json.get("results").size();
        Map<String, Integer> expected = Map.of("PASS", s.get("pass").asInt(), "GAP", s.get("gap").asInt(),
                "NOT_ASSESSED", s.get("notAssessed").asInt(), "WAIVED", s.get("waived").asInt(),
                "NOT_APPLICABLE", s.get("notApplicable").asInt());
        assertEquals(results, expected.values().stream().mapToInt(Integer::intValue).sum());
        assertTrue(s.get("gap").asInt() > 0 && s.get("waived").asInt() > 0 && s.get("notAssessed").asInt() > 0);

        // CSV: a spreadsheet's reading of it.
        byte[] csv = Files.readAllBytes(out.resolve("results.csv"));
        assertEquals((byte) 0xEF, csv[0], "UTF-8 byte-order mark for Excel");
        List<Map<String, String>> rows;
        try (MappingIterator<Map<String, String>> it = new CsvMapper().readerFor(Map.class)
                .with(CsvSchema.emptySchema().withHeader())
                .readValues(new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8))) {
            rows = it.readAll();
        }
        assertEquals(results, rows.size());
        Map<String, Integer> csvCounts = new HashMap<>();
        for (Map<String, String> row : rows) csvCounts.merge(row.get("status"), 1, Integer::sum);
        for (Map.Entry<String, Integer> e : expected.entrySet()) {
            assertEquals(e.getValue(), csvCounts.getOrDefault(e.getKey(), 0), "CSV " + e.getKey());
        }

        // JUnit XML: the JDK's parser.
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document junit = f.newDocumentBuilder().parse(out.resolve("junit.xml").toFile());
        Element root = junit.getDocumentElement();
        NodeList cases = root.getElementsByTagName("testcase");
        assertEquals(results, cases.getLength());
        assertEquals(String.valueOf(results), root.getAttribute("tests"));
        assertEquals(String.valueOf(expected.get("GAP")), root.getAttribute("failures"));
        assertEquals(String.valueOf(expected.get("NOT_ASSESSED")), root.getAttribute("errors"));
        assertEquals(String.valueOf(expected.get("WAIVED") + expected.get("NOT_APPLICABLE")), root.getAttribute("skipped"));
        assertEquals(expected.get("GAP").intValue(), root.getElementsByTagName("failure").getLength());
        assertEquals(expected.get("NOT_ASSESSED").intValue(), root.getElementsByTagName("error").getLength());
        assertEquals(expected.get("WAIVED") + expected.get("NOT_APPLICABLE"), root.getElementsByTagName("skipped").getLength());

        // HTML: the numbers on the first screen.
        String html = Files.readString(out.resolve("report.html"));
        assertEquals(s.get("devices").asInt(), HtmlReportInChromiumTest.dataCount(html, "count-devices"));
        assertEquals(expected.get("GAP"), HtmlReportInChromiumTest.dataCount(html, "count-gap"));
        assertEquals(expected.get("NOT_ASSESSED"), HtmlReportInChromiumTest.dataCount(html, "count-not-assessed"));
        assertEquals(expected.get("PASS"), HtmlReportInChromiumTest.dataCount(html, "count-pass"));
        assertEquals(expected.get("WAIVED"), HtmlReportInChromiumTest.dataCount(html, "count-waived"));
        assertEquals(expected.get("NOT_APPLICABLE"), HtmlReportInChromiumTest.dataCount(html, "count-not-applicable"));
    }

    @Test
    void onlyTheChosenReportsAreProduced(@TempDir Path dir) throws Exception {
        Path csvOnly = dir.resolve("csv");
        Run r = scan(csvOnly, "csv");
        assertEquals(1, r.exit(), r.toString());
        assertEquals(List.of("results.csv"), files(csvOnly));
        assertEquals("", r.out());

        Path consoleOnly = dir.resolve("console");
        Run c = scan(consoleOnly, "console");
        assertEquals(1, c.exit(), c.toString());
        assertFalse(Files.exists(consoleOnly), "no report file, so no output folder");
        assertTrue(c.out().startsWith("Compliance audit — Riverside Academy (sample)"), c.toString());

        Path repeated = dir.resolve("repeated");
        Run x = scan(repeated, "JUnit", "junit, html");
        assertEquals(1, x.exit(), x.toString());
        assertEquals(List.of("junit.xml", "report.html"), files(repeated));
    }

    @Test
    void theDefaultIsConsoleHtmlAndJson(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        Run r = scan(out);
        assertEquals(1, r.exit(), r.toString());
        assertEquals(List.of("report.html", "report.json"), files(out));
        assertTrue(r.out().startsWith("Compliance audit — "), r.toString());
    }

    @Test
    void aRunStoppedByBadInputLeavesThePreviousReportsAlone(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        Run good = scan(out, "html,csv");
        assertEquals(1, good.exit(), good.toString());
        byte[] html = Files.readAllBytes(out.resolve("report.html"));
        byte[] csv = Files.readAllBytes(out.resolve("results.csv"));
        Run bad = scan(out, "html,csv,pdf");
        assertEquals(2, bad.exit(), bad.toString());
        assertTrue(bad.err().contains("--format: unknown format 'pdf'"), bad.toString());
        assertTrue(java.util.Arrays.equals(html, Files.readAllBytes(out.resolve("report.html"))));
        assertTrue(java.util.Arrays.equals(csv, Files.readAllBytes(out.resolve("results.csv"))));
        assertEquals(List.of("report.html", "results.csv"), files(out), "no temporary file left behind");
    }
}
