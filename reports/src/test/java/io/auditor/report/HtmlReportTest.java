package io.auditor.report;

import io.auditor.model.Severity;
import io.auditor.report.history.ResultKey;
import io.auditor.report.history.RunContext;
import io.auditor.report.history.RunDiff;
import io.auditor.report.history.TrendPoint;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The page's text; {@code HtmlReportInChromiumTest} in the auditor module checks what a browser makes of it. */
class HtmlReportTest {
    private static final HtmlReport HTML = new HtmlReport();

    private static String countOf(String html, String key) {
        Matcher m = Pattern.compile("id=\"count-" + key + "\" data-count=\"(\\d+)\"").matcher(html);
        assertTrue(m.find(), key);
        return m.group(1);
    }

    private static String areaStatus(String html, String key) {
        Matcher m = Pattern.compile("<tr id=\"area-" + key + "\" data-status=\"([A-Z_]+)\">").matcher(html);
        assertTrue(m.find(), key);
        return m.group(1);
    }

    @Test
    void firstScreenCarriesTheCountsAreasAndFirstRunNotice() {
        String html = HTML.renderText(SampleRuns.mixed(), RunContext.none());
        assertEquals("3", countOf(html, "devices"));
        assertEquals("2", countOf(html, "gap"));
        assertEquals("2", countOf(html, "not-assessed"));
        assertEquals("1", countOf(html, "pass"));
        assertEquals("1", countOf(html, "waived"));
        assertEquals("1", countOf(html, "not-applicable"));
        // AV-01 critical gap on ws-101: red. VC-01 is a low gap: amber. No patching control in this pack.
        assertEquals("RED", areaStatus(html, "anti-malware"));
        assertEquals("AMBER", areaStatus(html, "video-conferencing"));
        assertEquals("NOT_COVERED", areaStatus(html, "patching"));
        assertTrue(html.contains("id=\"overall\" class=\"banner red\" data-status=\"RED\""), html);
        assertTrue(html.contains("First recorded run"), html);
        assertTrue(html.contains("id=\"no-trend\""), html);
        assertTrue(html.contains(Rag.RULE), "the footer explains the red/amber/green rule");
    }

    @Test
    void theDiffAndTrendShowWhenHistoryIsGiven() {
        List<TrendPoint> trend = new ArrayList<>();
        for (int i = 0; i < 35; i++) {
            trend.add(new TrendPoint("run-" + i, Instant.parse("2026-09-01T02:00:00Z").plusSeconds(86400L * i),
                    40 - i, 20 - i / 2, 3, 1, 2));
        }
        RunDiff diff = new RunDiff("run-33", "run-34",
                List.of(new ResultKey("VC-01", "vc-01", Severity.LOW, "Video conferencing not set to auto answer")),
                List.of(new ResultKey("AV-02", "ws-101", Severity.HIGH, "Anti-malware definitions current"),
                        new ResultKey("AV-01", "ws-102", Severity.CRITICAL, "Anti-malware installed and running")),
                List.of(new ResultKey("AV-01", "ws-101", Severity.CRITICAL, "Anti-malware installed and running")),
                List.of());
        String html = HTML.renderText(SampleRuns.mixed(), new RunContext(trend, diff));
        assertFalse(html.contains("First recorded run"), html);
        assertTrue(html.contains("id=\"delta-new-gaps\" data-count=\"1\""), html);
        assertTrue(html.contains("id=\"delta-fixed-gaps\" data-count=\"2\""), html);
        assertTrue(html.contains("id=\"delta-still-open\" data-count=\"1\""), html);
        // Fixed gaps listed most severe first.
        int critical = html.indexOf("AV-01 Anti-malware installed and running — <span class=\"dev\">ws-102");
        int high = html.indexOf("AV-02 Anti-malware definitions current — <span class=\"dev\">ws-101");
        assertTrue(critical > 0 && high > critical, html);
        // Only the last 30 runs are drawn: run-5 … run-34.
        assertEquals(30, count(html, "<g class=\"run\">"));
        assertFalse(html.contains("(run run-4)"), html);
        assertTrue(html.contains("(run run-5)") && html.contains("(run run-34)"), html);
    }

    @Test
    void gapsTheNewRunCouldNotAssessAreListedApartAndNotCountedAsFixed() {
        RunDiff diff = new RunDiff("run-1", "run-2", List.of(), List.of(), List.of(),
                List.of(new ResultKey("BAK-01", "srv-mis", Severity.CRITICAL, "Backups succeeding")));
        String html = HTML.renderText(SampleRuns.mixed(), new RunContext(List.of(), diff));
        assertTrue(html.contains("id=\"delta-fixed-gaps\" data-count=\"0\""), html);
        int list = html.indexOf("id=\"changes-unknown\"");
        assertTrue(list > 0, html);
        assertTrue(html.indexOf("BAK-01 Backups succeeding — <span class=\"dev\">srv-mis", list) > list, html);
    }

    @Test
    void everyTextFromDevicesAndFilesIsEscaped() {
        String html = HTML.renderText(HostileRuns.run(), RunContext.none());
        assertFalse(html.contains("<script"), "no script element of any kind");
        assertFalse(html.contains("<img"), "no image element");
        assertFalse(html.contains("onerror=\""), "no live event handler attribute");
        assertFalse(html.contains("\" onmouseover"), "no attribute break-out");
        assertTrue(html.contains("&lt;script&gt;document.title=&#39;pwned-script&#39;&lt;/script&gt;"), html);
        assertTrue(html.contains("&lt;img src=x onerror=&quot;document.title=&#39;pwned-img&#39;&quot;&gt;"), html);
        for (char c : html.toCharArray()) {
            assertFalse(c == 0x1b || c == 0x07 || c == 0 || c == 0x9b, "control character U+" + Integer.toHexString(c));
        }
        // A device ID that is not a plain name gets a numbered anchor, so no device text reaches an href.
        assertTrue(html.contains("href=\"#dn1\""), html);
        assertTrue(html.contains("href=\"#d-ws-1\""), html);
    }

    @Test
    void theStylesAreAllowedByHashAndNothingElse() {
        String html = HTML.renderText(SampleRuns.mixed(), RunContext.none());
        Matcher csp = Pattern.compile("<meta http-equiv=\"Content-Security-Policy\" content=\"([^\"]+)\">").matcher(html);
        assertTrue(csp.find(), html);
        Matcher style = Pattern.compile("<style>(.*?)</style>", Pattern.DOTALL).matcher(html);
        assertTrue(style.find());
        assertTrue(csp.group(1).startsWith("default-src 'none'; style-src '" + HtmlReport.sha256(style.group(1)) + "'"),
                csp.group(1));
        assertFalse(html.contains(" style=\""), "inline style attributes would be blocked by the policy");
        assertFalse(Pattern.compile("(src|href)=\"(https?:)?//").matcher(html).find(), "nothing is fetched");
    }

    @Test
    void everyLinkLeadsToAnAnchorAndNoIdIsUsedTwice() {
        for (var run : List.of(SampleRuns.mixed(), HostileRuns.run())) {
            String html = HTML.renderText(run, RunContext.none());
            List<String> ids = new ArrayList<>();
            Matcher id = Pattern.compile(" id=\"([^\"]+)\"").matcher(html);
            while (id.find()) ids.add(id.group(1));
            assertEquals(ids.size(), new java.util.HashSet<>(ids).size(), "duplicate ids in " + ids);
            Matcher href = Pattern.compile("href=\"#([^\"]+)\"").matcher(html);
            int links = 0;
            while (href.find()) {
                links++;
                assertTrue(ids.contains(href.group(1)), "link to missing #" + href.group(1));
            }
            assertTrue(links > 10, "links found: " + links);
        }
    }

    @Test
    void floodedEvidenceIsShortenedOnThePage() {
        String flood = "x".repeat(100_000);
        var base = SampleRuns.mixed();
        var results = new ArrayList<>(base.results());
        results.set(0, results.get(0).withStatus(results.get(0).status(), null, null));
        var big = new io.auditor.model.ControlResult(SampleRuns.AV01, "ws-101", io.auditor.model.Status.GAP,
                java.util.Collections.nCopies(200, flood), null, null);
        results.set(0, big);
        String html = HTML.renderText(SampleRuns.run(results, List.of()), RunContext.none());
        assertTrue(html.length() < 200_000, "page of " + html.length() + " characters");
        assertTrue(html.contains("more characters)"), "says it was shortened");
        assertTrue(html.contains((200 - HtmlReport.EVIDENCE_LINES) + " more lines in report.json"), "says lines were left out");
    }

    private static int count(String s, String needle) {
        int n = 0;
        for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + 1)) n++;
        return n;
    }
}
