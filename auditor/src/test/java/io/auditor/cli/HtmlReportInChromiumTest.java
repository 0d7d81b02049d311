package io.auditor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.auditor.model.Control;
import io.auditor.model.ControlResult;
import io.auditor.model.Role;
import io.auditor.model.RunReport;
import io.auditor.model.Severity;
import io.auditor.model.Status;
import io.auditor.model.Waiver;
import io.auditor.report.HtmlReport;
import io.auditor.report.history.RunContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The HTML report as a person sees it: opened from a file in headless Chromium, with the DOM read back after
 * the page loaded. Run with {@code -Dauditor.regenerate=true} to refresh {@code docs/report-slt.png}, the
 * README's picture of the first screen:
 * <pre>mvn -B -pl auditor test -Dtest=HtmlReportInChromiumTest -Dauditor.regenerate=true</pre>
 */
class HtmlReportInChromiumTest {
    private static final Path ESTATE = Path.of("../samples/estate");
    private static final Path SCREENSHOT = Path.of("../docs/report-slt.png");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static HeadlessChromium chromium;

    @BeforeAll
    static void browser() {
        chromium = HeadlessChromium.find();
    }

    private static Run scanSample(Path out, String asOf, String formats) {
        return Run.of("scan", "--inventory", ESTATE.resolve("inventory.yaml").toString(),
                "--captures", ESTATE.resolve("captures").toString(), "--out", out.toString(),
                "--as-of", asOf, "--format", formats);
    }

    /**
     * The sample estate twice: first as of 20 August 2026, when the summer waiver for ws-103's extra admin still
     * held and srv-web's patching waiver had not started; then as of 20 November, when the first has expired and
     * the second applies. So the second report has a real new gap and a real fixed one.
     */
    private static Path sampleWithHistory(Path dir) throws Exception {
        Path out = dir.resolve("out");
        Run first = scanSample(out, "2026-08-20", "json");
        assertEquals(1, first.exit(), first.toString());
        Files.copy(out.resolve("report.json"), dir.resolve("first.json"), StandardCopyOption.REPLACE_EXISTING);
        Run second = scanSample(out, "2026-11-20", "html,json");
        assertEquals(1, second.exit(), second.toString());
        return out;
    }

    @Test
    void theSampleEstateFirstScreenShowsTheCountsAreasAndChanges(@TempDir Path dir) throws Exception {
        Path out = sampleWithHistory(dir);
        JsonNode report = JSON.readTree(out.resolve("report.json").toFile());
        JsonNode before = JSON.readTree(dir.resolve("first.json").toFile());
        String dom = chromium.dumpDom(out.resolve("report.html"));

        assertEquals("Riverside Academy (sample)", text(dom, "<h1 id=\"school\">(.*?)</h1>"));
        JsonNode s = report.get("summary");
        assertEquals(s.get("devices").asInt(), dataCount(dom, "count-devices"));
        assertEquals(s.get("gap").asInt(), dataCount(dom, "count-gap"));
        assertEquals(s.get("notAssessed").asInt(), dataCount(dom, "count-not-assessed"));
        assertEquals(s.get("pass").asInt(), dataCount(dom, "count-pass"));
        assertEquals(s.get("waived").asInt(), dataCount(dom, "count-waived"));
        assertEquals(s.get("notApplicable").asInt(), dataCount(dom, "count-not-applicable"));

        // Every area's status, worked out here from report.json by the rule the footer states.
        Map<String, List<String>> prefixes = areaPrefixes();
        assertEquals(10, prefixes.size());
        for (Map.Entry<String, List<String>> area : prefixes.entrySet()) {
            assertEquals(expectedRag(report, area.getValue()), areaStatus(dom, area.getKey()), area.getKey());
        }
        assertEquals("RED", areaStatus(dom, "anti-malware"), "the sample has critical anti-malware gaps");
        String vc = text(dom, "<tr id=\"area-video-conferencing\".*?<td class=\"sentence\">(.*?)</td>");
        assertTrue(vc.contains("1 of 2 devices set to answer calls automatically"), vc);

        // Since the last run: worked out from the two JSON reports.
        Set<String> gapsBefore = keys(before, Set.of("GAP"));
        Set<String> gapsNow = keys(report, Set.of("GAP"));
        Set<String> newGaps = new TreeSet<>(gapsNow);
        newGaps.removeAll(gapsBefore);
        Set<String> fixed = new TreeSet<>(gapsBefore);
        fixed.retainAll(keys(report, Set.of("PASS", "WAIVED", "NOT_APPLICABLE")));
        // At least the two waiver changes; other controls may differ between the two days too.
        assertTrue(newGaps.contains("ADM-01 ws-103"), newGaps.toString());
        assertTrue(fixed.contains("PATCH-01 srv-web"), fixed.toString());
        assertEquals(newGaps.size(), dataCount(dom, "delta-new-gaps"));
        assertEquals(fixed.size(), dataCount(dom, "delta-fixed-gaps"));
        assertFalse(dom.contains("First recorded run"), "there is a previous run");
        String newList = text(dom, "<ul class=\"changes\" id=\"changes-new\">(.*?)</ul>");
        assertTrue(newList.contains("ADM-01") && newList.contains("ws-103"), newList);
        String fixedList = text(dom, "<ul class=\"changes\" id=\"changes-fixed\">(.*?)</ul>");
        assertTrue(fixedList.contains("PATCH-01") && fixedList.contains("srv-web"), fixedList);

        // Two recorded runs: the chart has a bar group for each.
        assertEquals(2, occurrences(dom, "<g class=\"run\">"));
        // The detail: a row per result, each with its status class.
        assertEquals(report.get("results").size(), occurrences(dom, "<tr class=\"r s-"));
        assertEquals(s.get("gap").asInt(), occurrences(dom, "<tr class=\"r s-gap\""));

        if (Boolean.getBoolean("auditor.regenerate")) {
            chromium.screenshot(out.resolve("report.html"), SCREENSHOT, 1280, 900);
        }
    }

    @Test
    void aFirstRunSaysSoAndTheScreenshotIsAPicture(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        Run r = scanSample(out, "2026-11-20", "html");
        assertEquals(1, r.exit(), r.toString());
        String dom = chromium.dumpDom(out.resolve("report.html"));
        assertTrue(dom.contains("id=\"first-run\""), "first recorded run notice");
        assertTrue(dom.contains("id=\"no-trend\""), "no chart from one run");

        Path png = dir.resolve("slt.png");
        chromium.screenshot(out.resolve("report.html"), png, 1280, 900);
        byte[] head = new byte[24];
        try (InputStream in = Files.newInputStream(png)) {
            assertEquals(24, in.read(head));
        }
        assertEquals("\u0089PNG", new String(head, 0, 4, StandardCharsets.ISO_8859_1));
        int width = ((head[16] & 0xff) << 24) | ((head[17] & 0xff) << 16) | ((head[18] & 0xff) << 8) | (head[19] & 0xff);
        assertEquals(1280, width);
    }

    // ---- untrusted text ----

    private static final String SCRIPT = "<script>document.title='pwned-script';"
            + "document.body.appendChild(document.createElement('blink'))</script>";
    private static final String IMG = "<img src=x onerror=\"document.title='pwned-img'\">";
    private static final String SVG = "<svg onload=\"document.title='pwned-svg'\"></svg>";

    private static RunReport hostile() {
        Control av = new Control("AV-01", "Anti-malware installed and running", Severity.CRITICAL, List.of("000 §12"),
                Set.of(Role.WORKSTATION), Set.of("anti-malware"), "why " + SCRIPT, "how", "fix " + IMG);
        Waiver w = new Waiver("AV-01", "ws-*", "reason " + SCRIPT, "risk " + SVG, "approver " + IMG,
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), "waivers.yaml:1");
        return new RunReport("run-x", Instant.parse("2026-11-20T02:00:00Z"), Instant.parse("2026-11-20T02:00:03Z"),
                "School " + SCRIPT, "profile " + IMG, "", List.of(
                new RunReport.DeviceSummary("ws-1" + IMG, List.of("workstation"), "windows", false,
                        List.of("banner " + SCRIPT + IMG + SVG)),
                new RunReport.DeviceSummary("ws-2", List.of("workstation"), "windows", true, List.of())),
                List.of(new ControlResult(av, "ws-1" + IMG, Status.NOT_ASSESSED, List.of("banner " + SCRIPT), null, null),
                        new ControlResult(av, "ws-2", Status.GAP,
                                List.of("product " + SCRIPT + " stopped [defender-status]", IMG, SVG), null, w),
                        new ControlResult(av, "ws-3", Status.WAIVED, List.of(IMG), w, null)),
                List.of(av), List.of(w));
    }

    @Test
    void markupFromDevicesShowsAsTextAndNeverRuns(@TempDir Path dir) throws Exception {
        Path page = dir.resolve("report.html");
        Files.writeString(page, new HtmlReport().renderText(hostile(), RunContext.none()));
        String dom = chromium.dumpDom(page);

        assertEquals("Compliance audit — School " + escaped(SCRIPT) + " — 20 Nov 2026",
                text(dom, "<title>(.*?)</title>"), "the title is the report's, unchanged by any payload");
        assertEquals(0, occurrences(dom, "<script"), "no script element");
        assertEquals(0, occurrences(dom, "<img"), "no image element");
        assertEquals(0, occurrences(dom, "<blink"), "the payload did not add an element");
        assertEquals(0, occurrences(dom, "<svg"), "no svg element: a first run draws no chart, the payload's is text");
        // The text is there for the technician to read, exactly as the device printed it.
        assertTrue(dom.contains("product " + escaped(SCRIPT) + " stopped"), dom);
        assertTrue(dom.contains(escaped(IMG)), dom);
        assertTrue(dom.contains("approver " + escaped(IMG)), dom);
    }

    /**
     * The same through the whole pipeline: a server's group file names a member whose name is markup, as a
     * compromised or mischievous device could. The real capture transport, parser and rule carry it into the
     * evidence, and the browser shows it as text.
     */
    @Test
    void markupInACapturedDeviceOutputShowsAsTextInTheScannedReport(@TempDir Path dir) throws Exception {
        Path estate = dir.resolve("estate");
        Reports.copyTree(ESTATE, estate);
        String member = "<img/src=x/onerror=document.title='pwned-img'><script>document.title='pwned-script'</script>";
        Files.writeString(estate.resolve("captures/srv-web/admin-groups.txt"),
                "sudo:x:27:itadmin," + member + "\nuid0:x:0:root\n");
        Path out = dir.resolve("out");
        Run r = Run.of("scan", "--inventory", estate.resolve("inventory.yaml").toString(),
                "--captures", estate.resolve("captures").toString(), "--out", out.toString(),
                "--as-of", "2026-11-20", "--format", "html,json", "--no-history");
        assertEquals(1, r.exit(), r.toString());
        JsonNode report = JSON.readTree(out.resolve("report.json").toFile());
        boolean inEvidence = false;
        for (JsonNode res : report.get("results")) {
            inEvidence |= res.get("device").asText().equals("srv-web") && res.get("evidence").asText().contains(member);
        }
        assertTrue(inEvidence, "the member's name reached the evidence unchanged (report.json)");

        String dom = chromium.dumpDom(out.resolve("report.html"));
        assertTrue(text(dom, "<title>(.*?)</title>").startsWith("Compliance audit — Riverside Academy (sample)"), dom);
        assertEquals(0, occurrences(dom, "<script"), "no script element");
        assertEquals(0, occurrences(dom, "<img"), "no image element");
        assertTrue(dom.contains(escaped(member)), "the name shows as text");
    }

    /**
     * The check above is only worth something if this browser, run this way, does run such a payload: a page
     * with the same text unescaped must have its title changed and the element added.
     */
    @Test
    void theSamePayloadUnescapedDoesRunInThisBrowser(@TempDir Path dir) throws Exception {
        Path page = dir.resolve("raw.html");
        Files.writeString(page, "<!DOCTYPE html><html><head><title>raw</title></head><body><p>banner " + SCRIPT
                + "</p></body></html>");
        String dom = chromium.dumpDom(page);
        assertEquals("pwned-script", text(dom, "<title>(.*?)</title>"));
        assertEquals(1, occurrences(dom, "<blink"));
    }

    // ---- helpers ----

    /** How Chromium serialises text content: &amp; &lt; &gt; escaped, quotes left as they are. */
    private static String escaped(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static String text(String dom, String regex) {
        Matcher m = Pattern.compile(regex, Pattern.DOTALL).matcher(dom);
        assertTrue(m.find(), regex + " not in the page");
        return m.group(1);
    }

    static int dataCount(String dom, String id) {
        return Integer.parseInt(text(dom, "id=\"" + id + "\" data-count=\"(\\d+)\""));
    }

    private static String areaStatus(String dom, String key) {
        return text(dom, "<tr id=\"area-" + Pattern.quote(key) + "\" data-status=\"([A-Z_]+)\"");
    }

    static int occurrences(String s, String needle) {
        int n = 0;
        for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + 1)) n++;
        return n;
    }

    private static Set<String> keys(JsonNode report, Set<String> statuses) {
        Set<String> out = new TreeSet<>();
        for (JsonNode r : report.get("results")) {
            if (statuses.contains(r.get("status").asText())) {
                out.add(r.get("control").asText() + " " + r.get("device").asText());
            }
        }
        return out;
    }

    private static Map<String, List<String>> areaPrefixes() throws Exception {
        Map<String, List<String>> out = new LinkedHashMap<>();
        try (InputStream in = HtmlReport.class.getResourceAsStream("policy-areas.json")) {
            for (JsonNode a : JSON.readTree(in).get("areas")) {
                List<String> p = new ArrayList<>();
                a.get("prefixes").forEach(x -> p.add(x.asText()));
                out.put(a.get("key").asText(), p);
            }
        }
        return out;
    }

    /** The documented rule, applied to report.json. */
    private static String expectedRag(JsonNode report, List<String> prefixes) {
        boolean red = false;
        boolean amber = false;
        boolean green = false;
        for (JsonNode r : report.get("results")) {
            String control = r.get("control").asText();
            if (prefixes.stream().noneMatch(control::startsWith)) continue;
            String status = r.get("status").asText();
            String severity = r.get("severity").asText();
            switch (status) {
                case "GAP" -> {
                    if (severity.equals("critical") || severity.equals("high")) red = true;
                    else amber = true;
                }
                case "NOT_ASSESSED" -> amber = true;
                case "PASS", "WAIVED" -> green = true;
                default -> { }
            }
        }
        return red ? "RED" : amber ? "AMBER" : green ? "GREEN" : "NOT_COVERED";
    }
}
