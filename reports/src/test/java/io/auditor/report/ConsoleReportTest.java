package io.auditor.report;

import io.auditor.model.ControlResult;
import io.auditor.model.RunReport;
import io.auditor.model.Status;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import static io.auditor.report.SampleRuns.AV01;
import static io.auditor.report.SampleRuns.AV02;
import static io.auditor.report.SampleRuns.VC01;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConsoleReportTest {
    private static String render(RunReport r, boolean colour) {
        StringWriter s = new StringWriter();
        new ConsoleReport(colour).render(r, new PrintWriter(s));
        return s.toString();
    }

    @Test
    void headerNamesSchoolRunDateProfileAndCounts() {
        String out = render(SampleRuns.mixed(), false);
        List<String> lines = out.lines().toList();
        assertEquals("Compliance audit — Example Academy", lines.get(0));
        assertEquals("run 20250110T093000Z-ab12cd · 2025-01-10 09:30 UTC · profile: built-in defaults", lines.get(1));
        assertEquals("3 devices · 1 pass · 2 gap · 2 not assessed · 1 waived · 1 n/a", lines.get(2));
    }

    @Test
    void headerShowsTheStartOfTheProfilesHashWhenItCameFromAFile() {
        RunReport m = SampleRuns.mixed();
        RunReport r = new RunReport(m.runId(), m.startedAt(), m.finishedAt(), m.school(), "Riverside 2026/27",
                "0123456789abcdef".repeat(4), m.devices(), m.results(), m.controls(), m.expiredWaivers());
        String flat = render(r, false).replaceAll("\\s+", " ");
        assertTrue(flat.contains("· profile: Riverside 2026/27 (sha256 0123456789ab…) "), flat);
    }

    @Test
    void gapsAreGroupedBySeverityCriticalFirstWithEvidenceAndRemediation() {
        String out = render(SampleRuns.mixed(), false);
        int critical = out.indexOf("CRITICAL (1)");
        int low = out.indexOf("LOW (1)");
        assertTrue(critical > 0 && low > critical, out);
        int av01 = out.indexOf("ws-101 · AV-01 Anti-malware installed and running");
        int vc01 = out.indexOf("vc-01 · VC-01 Video conferencing not set to auto answer");
        assertTrue(critical < av01 && av01 < low && low < vc01, out);
        assertTrue(out.contains("- WinDefend service: Stopped (defender-status)"), out);
        assertTrue(out.contains("fix: Fix AV-01 by doing the documented thing."), out);
        assertFalse(out.contains("HIGH ("), "no empty severity group:\n" + out);
    }

    @Test
    void notAssessedIsGroupedByDeviceWithTheReasonOnce() {
        String out = render(SampleRuns.mixed(), false);
        assertTrue(out.contains("NOT ASSESSED (2)"), out);
        assertTrue(out.contains("  ws-105 (2 controls)\n      AV-01, AV-02: no captures for ws-105\n"), out);
    }

    @Test
    void waivedShowsApproverAndExpiryAndExpiredWaiversNameTheirSource() {
        String out = render(SampleRuns.mixed(), false);
        assertTrue(out.contains("WAIVED (1)"), out);
        assertTrue(out.contains("approved by J Smith (Head), expires 2025-03-31 (waivers.yaml:4)"), out);
        assertTrue(out.contains("EXPIRED WAIVERS (1)"), out);
        assertTrue(out.contains("waivers.yaml:12: AV-01 on ws-101 expired 2024-12-31 (approved by A Jones)"), out);
        assertTrue(out.contains("waiver expired 2024-12-31 (waivers.yaml:12)"), "on the GAP it no longer covers");
    }

    @Test
    void saysNoGapsWhenThereAreNone() {
        String out = render(SampleRuns.run(List.of(
                new ControlResult(AV01, "ws-101", Status.PASS, List.of("running"), null, null)), List.of()), false);
        assertTrue(out.contains("\nNo gaps.\n"), out);
        assertFalse(out.contains("NOT ASSESSED"), out);
    }

    @Test
    void longEvidenceIsWrappedWithinOneHundredColumnsWithoutLosingWords() {
        StringBuilder evidence = new StringBuilder();
        for (int i = 0; i < 60; i++) evidence.append("package-").append(i).append(" 1.2.3-").append(i).append(' ');
        String longWord = "x".repeat(250);
        String out = render(SampleRuns.run(List.of(new ControlResult(AV02, "ws-101", Status.GAP,
                List.of(evidence.toString().strip(), longWord), null, null)), List.of()), false);
        for (String line : out.lines().toList()) {
            assertTrue(line.length() <= ConsoleReport.WIDTH, "too long (" + line.length() + "): " + line);
        }
        String joined = out.replaceAll("\\s+", " ");
        for (int i = 0; i < 60; i++) assertTrue(joined.contains("package-" + i + " 1.2.3-" + i), "lost " + i);
        String rejoined = out.lines().filter(l -> l.strip().matches("(- )?x+"))
                .map(l -> l.strip().replace("- ", "")).reduce("", String::concat);
        assertEquals(longWord, rejoined, "the long word is split across lines, not cut");
    }

    @Test
    void hostileEvidenceCannotReachTheTerminal() {
        String hostile = "version 1.0\u001b[2J\u001b[1;1H\u001b[32mPASS\u001b]0;owned\u0007\r\u0000\u009b2J"
                + "\u202Eyrtne";
        RunReport r = SampleRuns.run(List.of(
                new ControlResult(AV02, "ws-101\u001b[8m", Status.GAP, List.of(hostile), null, null),
                new ControlResult(AV01, "ws-105", Status.NOT_ASSESSED, List.of("ssh: \u001b]52;c;ZXZpbA==\u0007x"),
                        null, null)), List.of());
        for (boolean colour : new boolean[]{false, true}) {
            String out = render(r, colour);
            // Our own colours are SGR sequences "ESC [ digits ; m"; nothing else may remain.
            String withoutOurColours = colour ? out.replaceAll("\u001b\\[[0-9;]*m", "") : out;
            for (char c : withoutOurColours.toCharArray()) {
                assertTrue(c == '\n' || c == '\t' || (c >= 0x20 && c != 0x7F && !(c >= 0x80 && c <= 0x9F)
                        && c != '\u202E'), "control character U+" + Integer.toHexString(c) + " in:\n" + out);
            }
            assertTrue(withoutOurColours.contains("- version 1.0PASSyrtne"), withoutOurColours);
            assertTrue(withoutOurColours.contains("AV-01: ssh: x"), withoutOurColours);
            assertFalse(out.contains("\u001b[8m") || out.contains("\u001b]"), "hostile sequences must go");
        }
    }

    @Test
    void colourOnlyWhenAskedAndVisibleWidthStillFits() {
        assertFalse(render(SampleRuns.mixed(), false).contains("\u001b"));
        String coloured = render(SampleRuns.mixed(), true);
        assertTrue(coloured.contains("\u001b[1;31mCRITICAL (1)\u001b[0m"), coloured);
        for (String line : coloured.lines().toList()) {
            assertTrue(line.replaceAll("\u001b\\[[0-9;]*m", "").length() <= ConsoleReport.WIDTH, line);
        }
    }

    @Test
    void wrapKeepsPrefixesAndSplitsOnlyOverlongWords() {
        List<String> lines = ConsoleReport.wrap("aaa bbb ccc dddddddddd", 10, "> ", "  ");
        assertEquals(List.of("> aaa bbb", "  ccc", "  dddddddd", "  dd"), lines);
        assertEquals(List.of("- one", "  two"), ConsoleReport.wrap("one\ntwo", 10, "- ", "  "));
    }

    @Test
    void anExpiredWaiverAlreadyInTheEvidenceIsNotRepeated() {
        String out = render(SampleRuns.run(List.of(new ControlResult(AV01, "ws-101", Status.GAP,
                List.of("service stopped", "waiver at waivers.yaml:12 expired on 2024-12-31"), null,
                SampleRuns.EXPIRED)), List.of()), false);
        assertEquals(1, out.split("waivers.yaml:12", -1).length - 1, out);
    }
}
