package io.auditor.report;

import io.auditor.model.ControlResult;
import io.auditor.model.RunReport;
import io.auditor.model.Severity;
import io.auditor.model.Status;
import io.auditor.model.Waiver;

import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The report a technician reads in a terminal: what needs fixing first, then what could not be checked.
 * Every line fits in {@value #WIDTH} columns; every piece of text is passed through
 * {@link UntrustedText#sanitise} because evidence is device output.
 */
public final class ConsoleReport {
    public static final int WIDTH = 100;

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final String RESET = "\u001b[0m";
    private static final String BOLD = "\u001b[1m";
    private static final String RED_BOLD = "\u001b[1;31m";
    private static final String RED = "\u001b[31m";
    private static final String YELLOW = "\u001b[33m";
    private static final String CYAN = "\u001b[36m";
    private static final String GREEN = "\u001b[32m";
    private static final String DIM = "\u001b[2m";

    private static final String ITEM = "  ";
    private static final String DETAIL = "      ";

    private final boolean colour;

    /** @param colour add ANSI colours (only for a terminal that understands them) */
    public ConsoleReport(boolean colour) {
        this.colour = colour;
    }

    public void render(RunReport report, PrintWriter out) {
        List<String> lines = new ArrayList<>();
        header(report, lines);
        gaps(report, lines);
        notAssessed(report, lines);
        waived(report, lines);
        expiredWaivers(report, lines);
        for (String l : lines) out.println(l);
        out.flush();
    }

    private void header(RunReport r, List<String> lines) {
        addWrapped(lines, "Compliance audit — " + clean(r.school()), "", "  ", BOLD);
        String when = r.startedAt() == null ? "unknown time" : WHEN.format(r.startedAt());
        // The hash's first 12 digits tell two runs' profiles apart; report.json carries it whole.
        String hash = r.profileSha256() == null || r.profileSha256().isEmpty() ? ""
                : " (sha256 " + clean(r.profileSha256().substring(0, Math.min(12, r.profileSha256().length()))) + "…)";
        addWrapped(lines, "run " + clean(r.runId()) + " · " + when + " · profile: " + clean(r.profileName()) + hash,
                "", "  ", DIM);
        long gap = r.count(Status.GAP);
        long notAssessed = r.count(Status.NOT_ASSESSED);
        String summary = r.devices().size() + " devices · " + r.count(Status.PASS) + " pass · " + gap + " gap · "
                + notAssessed + " not assessed · " + r.count(Status.WAIVED) + " waived · "
                + r.count(Status.NOT_APPLICABLE) + " n/a";
        String tone = gap > 0 ? RED_BOLD : notAssessed > 0 ? YELLOW : GREEN;
        addWrapped(lines, summary, "", "  ", tone);
    }

    private void gaps(RunReport r, List<String> lines) {
        List<ControlResult> gaps = withStatus(r, Status.GAP);
        lines.add("");
        if (gaps.isEmpty()) {
            addWrapped(lines, "No gaps.", "", "", GREEN);
            return;
        }
        addWrapped(lines, "GAPS (" + gaps.size() + ")", "", "", BOLD);
        for (Severity sev : Severity.values()) {
            List<ControlResult> group = gaps.stream().filter(g -> g.control().severity() == sev)
                    .sorted(Comparator.comparing((ControlResult g) -> g.control().id())
                            .thenComparing(ControlResult::deviceId))
                    .toList();
            if (group.isEmpty()) continue;
            lines.add("");
            addWrapped(lines, sev.name() + " (" + group.size() + ")", "", "", severityColour(sev));
            for (ControlResult g : group) {
                addWrapped(lines, clean(g.deviceId()) + " · " + clean(g.control().id()) + " "
                        + clean(g.control().title()), ITEM, ITEM + "  ", BOLD);
                evidence(g, lines);
                addWrapped(lines, "fix: " + clean(g.control().remediation()), DETAIL, DETAIL + "     ", null);
                Waiver w = g.expiredWaiver();
                // The rules may already say so in the evidence; say it once.
                if (w != null && g.evidence().stream().noneMatch(e -> e.contains(String.valueOf(w.source())))) {
                    addWrapped(lines, "waiver expired " + w.expires() + " (" + clean(w.source()) + ")",
                            DETAIL, DETAIL + "  ", YELLOW);
                }
            }
        }
    }

    private void evidence(ControlResult g, List<String> lines) {
        if (g.evidence().isEmpty()) {
            addWrapped(lines, "evidence: none recorded", DETAIL, DETAIL, null);
            return;
        }
        for (String e : g.evidence()) addWrapped(lines, "- " + clean(e), DETAIL, DETAIL + "  ", null);
    }

    /** Grouped by device, then by reason, because one unreachable device fails all its controls alike. */
    private void notAssessed(RunReport r, List<String> lines) {
        List<ControlResult> items = withStatus(r, Status.NOT_ASSESSED);
        if (items.isEmpty()) return;
        lines.add("");
        addWrapped(lines, "NOT ASSESSED (" + items.size() + ") — missing data is never a pass", "", "  ", YELLOW);
        Map<String, Map<String, Set<String>>> byDevice = new LinkedHashMap<>();
        for (RunReport.DeviceSummary d : r.devices()) byDevice.put(d.id(), new LinkedHashMap<>());
        for (ControlResult c : items.stream().sorted(Comparator.comparing((ControlResult c) -> c.control().id()))
                .toList()) {
            String reason = c.evidence().isEmpty() ? "no reason recorded" : c.evidenceText();
            byDevice.computeIfAbsent(c.deviceId(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(reason, k -> new LinkedHashSet<>()).add(c.control().id());
        }
        for (Map.Entry<String, Map<String, Set<String>>> d : byDevice.entrySet()) {
            if (d.getValue().isEmpty()) continue;
            int count = d.getValue().values().stream().mapToInt(Set::size).sum();
            addWrapped(lines, clean(d.getKey()) + " (" + count + (count == 1 ? " control)" : " controls)"),
                    ITEM, ITEM + "  ", BOLD);
            for (Map.Entry<String, Set<String>> reason : d.getValue().entrySet()) {
                addWrapped(lines, clean(String.join(", ", reason.getValue())) + ": " + clean(reason.getKey()),
                        DETAIL, DETAIL + "  ", null);
            }
        }
    }

    private void waived(RunReport r, List<String> lines) {
        List<ControlResult> items = withStatus(r, Status.WAIVED);
        if (items.isEmpty()) return;
        lines.add("");
        addWrapped(lines, "WAIVED (" + items.size() + ")", "", "", CYAN);
        for (ControlResult c : items) {
            addWrapped(lines, clean(c.deviceId()) + " · " + clean(c.control().id()) + " "
                    + clean(c.control().title()), ITEM, ITEM + "  ", null);
            Waiver w = c.waiver();
            if (w == null) {
                addWrapped(lines, "no waiver recorded", DETAIL, DETAIL, null);
                continue;
            }
            addWrapped(lines, "approved by " + clean(w.approvedBy()) + ", expires " + w.expires() + " ("
                    + clean(w.source()) + ")", DETAIL, DETAIL + "  ", null);
            addWrapped(lines, "reason: " + clean(w.reason()), DETAIL, DETAIL + "  ", null);
            addWrapped(lines, "risk accepted: " + clean(w.riskAccepted()), DETAIL, DETAIL + "  ", null);
        }
    }

    private void expiredWaivers(RunReport r, List<String> lines) {
        if (r.expiredWaivers().isEmpty()) return;
        lines.add("");
        addWrapped(lines, "EXPIRED WAIVERS (" + r.expiredWaivers().size() + ") — renew or remove them", "", "  ",
                YELLOW);
        for (Waiver w : r.expiredWaivers()) {
            addWrapped(lines, clean(w.source()) + ": " + clean(w.control()) + " on " + clean(w.devicePattern())
                    + " expired " + w.expires() + " (approved by " + clean(w.approvedBy()) + ")",
                    ITEM, ITEM + "  ", null);
        }
    }

    private static List<ControlResult> withStatus(RunReport r, Status s) {
        return r.results().stream().filter(c -> c.status() == s).toList();
    }

    private static String clean(String s) {
        return UntrustedText.sanitise(s).replace("\t", "    ");
    }

    private String severityColour(Severity s) {
        return switch (s) {
            case CRITICAL -> RED_BOLD;
            case HIGH -> RED;
            case MEDIUM -> YELLOW;
            case LOW -> CYAN;
        };
    }

    private void addWrapped(List<String> lines, String text, String first, String next, String tone) {
        for (String l : wrap(text, WIDTH, first, next)) {
            lines.add(colour && tone != null && !l.isBlank() ? tone + l + RESET : l);
        }
    }

    /**
     * Wraps at spaces so that no line is longer than {@code width} characters (code points), splitting a
     * word only when it alone is wider than a line. Newlines in the text start new lines.
     */
    static List<String> wrap(String text, int width, String firstPrefix, String nextPrefix) {
        List<String> out = new ArrayList<>();
        String prefix = firstPrefix;
        for (String paragraph : text.split("\n", -1)) {
            StringBuilder line = new StringBuilder(prefix);
            int lineLen = length(prefix);
            boolean empty = true;
            for (String word : paragraph.split(" +")) {
                if (word.isEmpty()) continue;
                int wordLen = length(word);
                if (!empty && lineLen + 1 + wordLen <= width) {
                    line.append(' ').append(word);
                    lineLen += 1 + wordLen;
                    continue;
                }
                if (!empty) {
                    out.add(line.toString());
                    prefix = nextPrefix;
                    line = new StringBuilder(prefix);
                    lineLen = length(prefix);
                }
                int room = Math.max(1, width - lineLen);
                while (wordLen > room) {
                    int cut = word.offsetByCodePoints(0, room);
                    out.add(line.append(word, 0, cut).toString());
                    word = word.substring(cut);
                    wordLen -= room;
                    prefix = nextPrefix;
                    line = new StringBuilder(prefix);
                    lineLen = length(prefix);
                    room = Math.max(1, width - lineLen);
                }
                line.append(word);
                lineLen += wordLen;
                empty = false;
            }
            out.add(empty ? line.toString().stripTrailing() : line.toString());
            prefix = nextPrefix;
        }
        return out;
    }

    private static int length(String s) {
        return s.codePointCount(0, s.length());
    }
}
