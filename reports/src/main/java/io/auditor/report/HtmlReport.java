package io.auditor.report;

import io.auditor.model.Control;
import io.auditor.model.ControlResult;
import io.auditor.model.RunReport;
import io.auditor.model.Severity;
import io.auditor.model.Status;
import io.auditor.model.Waiver;
import io.auditor.report.history.ResultKey;
import io.auditor.report.history.RunContext;
import io.auditor.report.history.RunDiff;
import io.auditor.report.history.TrendPoint;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code report.html}: one self-contained page. The first screen is for the senior leadership team (overall
 * status, one red/amber/green line per policy area, what changed since the last run, the trend, the most
 * severe gaps); below it the technician's detail (per control and per device: evidence, remediation,
 * waivers, why something could not be checked).
 *
 * <p>The page loads nothing and runs no script: styles are inline and allowed by hash in a
 * Content-Security-Policy that forbids everything else, so even a mistake in escaping could not run a
 * device's script. Filtering by status uses radio buttons and CSS only. Every piece of text goes through
 * {@link #escape}, the one escaping function, because device output, inventory names and waiver text are
 * all untrusted.
 */
public final class HtmlReport implements FileReport {
    public static final String FILE_NAME = "report.html";
    /** Runs shown on the trend chart. */
    public static final int TREND_RUNS = 30;
    /** Gaps listed on the first screen; all of them are in the detail. */
    static final int TOP_GAPS = 5;
    /** Changes listed per kind on the first screen. */
    static final int CHANGES_SHOWN = 8;
    /** A flooded device must not make the page unusable: evidence is cut here, the JSON report keeps it all. */
    static final int EVIDENCE_CHARS = 1500;
    static final int EVIDENCE_LINES = 40;

    private static final DateTimeFormatter LONG_DATE =
            DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm 'UTC'", Locale.UK).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SHORT_DATE =
            DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SHORT_TIME =
            DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'", Locale.UK).withZone(ZoneOffset.UTC);
    /** Rules end evidence with the probe in brackets: {@code … (limit 3 days) [defender-status]}. */
    private static final Pattern PROBE = Pattern.compile("\\s*\\[([A-Za-z0-9._:/-]{1,80})\\]\\s*$");
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9_.-]{1,80}");
    private static final List<Status> STATUS_ORDER =
            List.of(Status.GAP, Status.NOT_ASSESSED, Status.WAIVED, Status.PASS, Status.NOT_APPLICABLE);

    private static final String CSS = loadCss();
    private static final String CSP = "default-src 'none'; style-src '" + sha256(CSS) + "'; img-src 'none'; "
            + "base-uri 'none'; form-action 'none'";

    private final PolicyAreas areas;

    public HtmlReport() {
        this(PolicyAreas.builtIn());
    }

    HtmlReport(PolicyAreas areas) {
        this.areas = areas;
    }

    @Override
    public String format() { return "html"; }

    @Override
    public String fileName() { return FILE_NAME; }

    @Override
    public byte[] render(RunReport report, RunContext context) {
        return renderText(report, context).getBytes(StandardCharsets.UTF_8);
    }

    public String renderText(RunReport r, RunContext context) {
        RunContext ctx = context == null ? RunContext.none() : context;
        Page p = new Page(r);
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(CSP).append("\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"generator\" content=\"auditor\">\n")
                .append("<title>Compliance audit — ").append(escape(r.school())).append(" — ")
                .append(r.startedAt() == null ? "unknown date" : SHORT_DATE.format(r.startedAt()))
                .append("</title>\n<style>").append(CSS).append("</style>\n</head>\n<body>\n<main>\n");
        header(h, r);
        h.append("<section id=\"summary\" aria-label=\"Summary for the senior leadership team\">\n");
        overall(h, r, p);
        h.append("<div class=\"grid\">\n");
        areaTable(h, p);
        h.append("<div class=\"side\">\n");
        changes(h, ctx.sinceLast(), ctx.trend(), p);
        trend(h, ctx.trend());
        topGaps(h, r, p);
        h.append("</div>\n</div>\n</section>\n");
        detail(h, r, p);
        footer(h, r);
        h.append("</main>\n</body>\n</html>\n");
        return h.toString();
    }

    /** Anchors and lookups shared by the sections of one page. */
    private final class Page {
        final List<PolicyAreas.AreaStatus> areaStatuses;
        final Map<String, String> deviceAnchors = new HashMap<>();
        final Map<String, String> controlAnchors = new HashMap<>();
        final List<Control> controls;

        Page(RunReport r) {
            areaStatuses = areas.statuses(r);
            controls = r.allControls().stream()
                    .sorted(Comparator.comparing(Control::severity).thenComparing(Control::id)).toList();
            int i = 0;
            for (Control c : controls) controlAnchors.put(c.id(), anchor("c", c.id(), i++));
            i = 0;
            for (RunReport.DeviceSummary d : r.devices()) deviceAnchors.put(d.id(), anchor("d", d.id(), i++));
            for (ControlResult c : r.results()) deviceAnchors.computeIfAbsent(c.deviceId(),
                    k -> anchor("d", k, deviceAnchors.size()));
        }

        private final Map<String, String> resultAnchors = new HashMap<>();
        private final Set<String> usedResultAnchors = new java.util.HashSet<>();

        /** {@code r-c-AV-01-d-ws-101}: readable in a link a technician passes on, and unique in the page. */
        String resultAnchor(ControlResult c) {
            String key = c.control().id() + "\u0000" + c.deviceId();
            return resultAnchors.computeIfAbsent(key, k -> {
                String a = "r-" + controlAnchors.get(c.control().id()) + "-" + deviceAnchors.get(c.deviceId());
                if (!usedResultAnchors.add(a)) {
                    a = "rn" + resultAnchors.size(); // two IDs that read alike; "rn" never starts a readable one
                    usedResultAnchors.add(a);
                }
                return a;
            });
        }
    }

    /**
     * Readable anchors for ordinary IDs ({@code d-ws-101}); a numbered one ({@code dn3}) for anything else, so no
     * device text reaches a URL. The two forms cannot collide: the second character differs.
     */
    private static String anchor(String prefix, String id, int index) {
        return SAFE_ID.matcher(id).matches() ? prefix + "-" + id : prefix + "n" + index;
    }

    // ---------------------------------------------------------------- first screen

    private static void header(StringBuilder h, RunReport r) {
        h.append("<header class=\"top\">\n<div>\n<p class=\"kicker\">Compliance audit of the school's IT estate</p>\n")
                .append("<h1 id=\"school\">").append(escape(r.school())).append("</h1>\n</div>\n")
                .append("<p class=\"meta\"><span id=\"run-date\">")
                .append(r.startedAt() == null ? "unknown date" : LONG_DATE.format(r.startedAt()))
                .append("</span><br>Profile: ").append(escape(r.profileName()))
                .append("<br>Run <span id=\"run-id\">").append(escape(r.runId())).append("</span></p>\n")
                .append("</header>\n");
    }

    private static void overall(StringBuilder h, RunReport r, Page p) {
        List<ControlResult> gaps = r.results().stream().filter(c -> c.status() == Status.GAP).toList();
        Rag rag = Rag.worst(p.areaStatuses.stream().map(PolicyAreas.AreaStatus::rag).toList());
        Map<Severity, Long> bySeverity = new EnumMap<>(Severity.class);
        for (ControlResult g : gaps) bySeverity.merge(g.control().severity(), 1L, Long::sum);
        long gapDevices = gaps.stream().map(ControlResult::deviceId).distinct().count();
        long notAssessed = r.count(Status.NOT_ASSESSED);

        StringBuilder says = new StringBuilder();
        if (gaps.isEmpty()) {
            says.append("No open gaps");
        } else {
            List<String> parts = new ArrayList<>();
            bySeverity.forEach((s, n) -> parts.add(n + " " + s.label()));
            says.append(PolicyAreas.plural(gaps.size(), "open gap", "open gaps")).append(" (")
                    .append(String.join(", ", parts)).append(") on ")
                    .append(PolicyAreas.plural(gapDevices, "device", "devices"));
        }
        if (notAssessed > 0) {
            says.append("; ").append(PolicyAreas.plural(notAssessed, "check", "checks"))
                    .append(" could not be made");
        }
        says.append('.');
        h.append("<div id=\"overall\" class=\"banner ").append(rag.css()).append("\" data-status=\"")
                .append(rag.name()).append("\">\n<span class=\"pill ").append(rag.css()).append("\">")
                .append(rag.label()).append("</span> <strong>")
                .append(rag == Rag.NOT_COVERED ? "Nothing in scope was checked" : capitalise(rag.meaning()))
                .append("</strong> — ").append(escape(says.toString())).append("\n</div>\n");

        h.append("<div class=\"counts\" id=\"counts\">\n");
        count(h, "devices", "Devices", r.devices().size(), "audited");
        count(h, "gap", "Gaps", r.count(Status.GAP), "to fix");
        count(h, "not-assessed", "Not assessed", notAssessed, "could not be checked");
        count(h, "pass", "Passed", r.count(Status.PASS), "checks met");
        count(h, "waived", "Waived", r.count(Status.WAIVED), "approved exceptions");
        count(h, "not-applicable", "Not applicable", r.count(Status.NOT_APPLICABLE), "did not apply");
        h.append("</div>\n");
    }

    private static void count(StringBuilder h, String key, String label, long n, String note) {
        h.append("<div class=\"count c-").append(key).append("\" id=\"count-").append(key).append("\" data-count=\"")
                .append(n).append("\"><span class=\"label\">").append(label).append("</span><b>").append(n)
                .append("</b><span class=\"note\">").append(note).append("</span></div>\n");
    }

    private static void areaTable(StringBuilder h, Page p) {
        h.append("<div class=\"card\" id=\"areas\">\n<h2>Policy areas</h2>\n")
                .append("<table class=\"areas\">\n<thead><tr><th scope=\"col\">Area</th><th scope=\"col\">Status</th>")
                .append("<th scope=\"col\">What the audit found</th></tr></thead>\n<tbody>\n");
        for (PolicyAreas.AreaStatus a : p.areaStatuses) {
            h.append("<tr id=\"area-").append(a.area().key()).append("\" data-status=\"").append(a.rag().name())
                    .append("\"><th scope=\"row\">");
            if (a.controls().isEmpty()) {
                h.append(escape(a.area().name()));
            } else {
                h.append("<a href=\"#").append(p.controlAnchors.get(a.controls().get(0).id())).append("\">")
                        .append(escape(a.area().name())).append("</a>");
            }
            h.append("</th><td><span class=\"pill ").append(a.rag().css()).append("\">").append(a.rag().label())
                    .append("</span></td><td class=\"sentence\">").append(escape(a.sentence())).append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n</div>\n");
    }

    private static void changes(StringBuilder h, RunDiff diff, List<TrendPoint> trend, Page p) {
        h.append("<div class=\"card\" id=\"changes\">\n<h2>Since the last run</h2>\n");
        if (diff == null) {
            h.append("<p id=\"first-run\">First recorded run: there is nothing to compare with yet. From the next "
                    + "recorded run, new and fixed gaps appear here.</p>\n</div>\n");
            return;
        }
        String when = trend.stream().filter(t -> t.runId().equals(diff.fromRunId()) && t.startedAt() != null)
                .map(t -> SHORT_TIME.format(t.startedAt())).findFirst().map(d -> " of " + d).orElse("");
        h.append("<p class=\"meta\">Compared with the run").append(when).append(" (")
                .append(escape(diff.fromRunId())).append(")</p>\n")
                .append("<div class=\"deltas\">")
                .append(delta("new-gaps", "new gaps", diff.newGaps().size()))
                .append(delta("fixed-gaps", "fixed", diff.fixedGaps().size()))
                .append(delta("still-open", "still open", diff.stillOpen().size()))
                .append("</div>\n");
        changeList(h, "new", "New gaps", diff.newGaps(), p);
        changeList(h, "fixed", "Fixed", diff.fixedGaps(), p);
        // Not counted as fixed: the newer run could not look, so the gap may still be there.
        changeList(h, "unknown", "No longer checked (could not be assessed this time)", diff.noLongerAssessed(), p);
        h.append("</div>\n");
    }

    private static String delta(String id, String label, int n) {
        return "<span class=\"delta d-" + id + "\" id=\"delta-" + id + "\" data-count=\"" + n + "\"><b>" + n
                + "</b> " + label + "</span>";
    }

    private static void changeList(StringBuilder h, String id, String title, List<ResultKey> keys, Page p) {
        if (keys.isEmpty()) return;
        List<ResultKey> sorted = keys.stream().sorted(RunDiff.ORDER).toList();
        h.append("<h3>").append(title).append("</h3>\n<ul class=\"changes\" id=\"changes-").append(id).append("\">\n");
        for (ResultKey k : sorted.subList(0, Math.min(CHANGES_SHOWN, sorted.size()))) {
            h.append("<li>").append(severityTag(k.severity())).append(' ').append(escape(k.control())).append(' ')
                    .append(escape(k.title())).append(" — <span class=\"dev\">").append(escape(k.deviceId()))
                    .append("</span></li>\n");
        }
        if (sorted.size() > CHANGES_SHOWN) {
            h.append("<li class=\"more\">and ").append(sorted.size() - CHANGES_SHOWN).append(" more</li>\n");
        }
        h.append("</ul>\n");
    }

    /** Stacked bars per run: gaps, not assessed, waived, passed (not-applicable results are left out). */
    private static void trend(StringBuilder h, List<TrendPoint> all) {
        h.append("<div class=\"card\" id=\"trend\">\n<h2>Trend</h2>\n");
        List<TrendPoint> points = all.subList(Math.max(0, all.size() - TREND_RUNS), all.size());
        if (points.size() < 2) {
            h.append("<p id=\"no-trend\">The trend chart appears once two runs have been recorded with "
                    + "<code>--history</code>.</p>\n</div>\n");
            return;
        }
        int width = 460;
        int height = 170;
        int left = 34;
        int bottom = 20;
        int top = 8;
        double plotW = width - left - 6;
        double plotH = height - bottom - top;
        long max = 1;
        for (TrendPoint t : points) max = Math.max(max, t.gap() + t.notAssessed() + t.waived() + t.pass());
        // At least a dozen slots, so two or three runs do not make a few wide slabs.
        double slot = plotW / Math.max(12, points.size());
        double bar = Math.max(2, slot * 0.7);
        TrendPoint last = points.get(points.size() - 1);
        TrendPoint first = points.get(0);
        h.append("<svg id=\"trend-chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(width)
                .append(' ').append(height).append("\" role=\"img\" aria-labelledby=\"trend-title\">\n")
                .append("<title id=\"trend-title\">Results of the last ").append(points.size())
                .append(" runs: gaps went from ").append(first.gap()).append(" to ").append(last.gap())
                .append("</title>\n")
                .append("<line class=\"axis\" x1=\"").append(left).append("\" y1=\"").append(top + plotH)
                .append("\" x2=\"").append(width - 4).append("\" y2=\"").append(top + plotH).append("\"/>\n")
                .append("<text class=\"tick\" x=\"").append(left - 4).append("\" y=\"").append(top + 8)
                .append("\" text-anchor=\"end\">").append(max).append("</text>\n")
                .append("<text class=\"tick\" x=\"").append(left - 4).append("\" y=\"").append(top + plotH)
                .append("\" text-anchor=\"end\">0</text>\n");
        for (int i = 0; i < points.size(); i++) {
            TrendPoint t = points.get(i);
            double x = left + i * slot + (slot - bar) / 2;
            double y = top + plotH;
            h.append("<g class=\"run\"><title>").append(escape(pointLabel(t))).append("</title>");
            long[] values = {t.gap(), t.notAssessed(), t.waived(), t.pass()};
            String[] classes = {"t-gap", "t-not-assessed", "t-waived", "t-pass"};
            for (int k = 0; k < values.length; k++) {
                if (values[k] == 0) continue;
                double hgt = plotH * values[k] / max;
                y -= hgt;
                h.append("<rect class=\"").append(classes[k]).append("\" x=\"").append(num(x)).append("\" y=\"")
                        .append(num(y)).append("\" width=\"").append(num(bar)).append("\" height=\"").append(num(hgt))
                        .append("\"/>");
            }
            h.append("</g>\n");
        }
        h.append("<text class=\"tick\" x=\"").append(left).append("\" y=\"").append(height - 4).append("\">")
                .append(date(first.startedAt())).append("</text>\n")
                .append(date(first.startedAt()).equals(date(last.startedAt())) ? ""
                        : "<text class=\"tick\" x=\"" + num(Math.max(left + 150, left + points.size() * slot))
                        + "\" y=\"" + (height - 4) + "\" text-anchor=\"end\">" + date(last.startedAt()) + "</text>\n")
                .append("</svg>\n")
                .append("<p class=\"legend\"><span class=\"key t-gap\"></span>Gaps <span class=\"key t-not-assessed\">"
                        + "</span>Not assessed <span class=\"key t-waived\"></span>Waived "
                        + "<span class=\"key t-pass\"></span>Passed</p>\n");
        h.append("<details class=\"trend-data\"><summary>Trend as a table</summary>\n<table id=\"trend-table\">\n")
                .append("<thead><tr><th>Run</th><th>Date</th><th>Gaps</th><th>Not assessed</th><th>Waived</th>"
                        + "<th>Passed</th><th>N/A</th></tr></thead>\n<tbody>\n");
        for (TrendPoint t : points) {
            h.append("<tr><td>").append(escape(t.runId())).append("</td><td>").append(date(t.startedAt()))
                    .append("</td><td>").append(t.gap()).append("</td><td>").append(t.notAssessed()).append("</td><td>")
                    .append(t.waived()).append("</td><td>").append(t.pass()).append("</td><td>")
                    .append(t.notApplicable()).append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n</details>\n</div>\n");
    }

    private static String pointLabel(TrendPoint t) {
        return date(t.startedAt()) + " (run " + t.runId() + "): " + t.gap() + " gaps, " + t.notAssessed()
                + " not assessed, " + t.waived() + " waived, " + t.pass() + " passed";
    }

    /** A compact list for the side column: severity, check, device, the first line of evidence. */
    private static void topGaps(StringBuilder h, RunReport r, Page p) {
        List<ControlResult> gaps = r.results().stream().filter(c -> c.status() == Status.GAP)
                .sorted(Comparator.comparing((ControlResult c) -> c.control().severity())
                        .thenComparing(c -> c.control().id()).thenComparing(ControlResult::deviceId))
                .toList();
        h.append("<div class=\"card\" id=\"top-gaps\">\n<h2>Most severe open gaps</h2>\n");
        if (gaps.isEmpty()) {
            h.append("<p>No open gaps.</p>\n</div>\n");
            return;
        }
        h.append("<ol class=\"gaps\">\n");
        for (ControlResult g : gaps.subList(0, Math.min(TOP_GAPS, gaps.size()))) {
            String first = g.evidence().isEmpty() ? "no evidence recorded" : g.evidence().get(0);
            h.append("<li>").append(severityTag(g.control().severity())).append(" <a href=\"#")
                    .append(p.resultAnchor(g)).append("\">").append(escape(g.control().title())).append("</a> on <span class=\"dev\">")
                    .append(escape(g.deviceId())).append("</span><br><span class=\"found\">")
                    .append(escape(excerpt(withoutProbe(first), 140))).append("</span></li>\n");
        }
        h.append("</ol>\n");
        if (gaps.size() > TOP_GAPS) {
            h.append("<p class=\"meta\">").append(TOP_GAPS).append(" of ").append(gaps.size())
                    .append(" gaps shown; all are in the <a href=\"#detail\">technician detail</a>.</p>\n");
        }
        h.append("</div>\n");
    }

    // ---------------------------------------------------------------- technician detail

    private void detail(StringBuilder h, RunReport r, Page p) {
        h.append("<section id=\"detail\">\n<h2 class=\"part\">Technician detail</h2>\n")
                .append("<nav class=\"toc\"><a href=\"#controls\">By check</a> · <a href=\"#devices\">By device</a>")
                .append(" · <a href=\"#not-assessed\">Could not be checked</a> · <a href=\"#waivers\">Waivers</a>")
                .append(" · <a href=\"#summary\">Back to the summary</a></nav>\n");
        filtersAndControls(h, r, p);
        devices(h, r, p);
        notAssessed(h, r, p);
        waivers(h, r, p);
        h.append("</section>\n");
    }

    /** Radio buttons before the tables select which rows CSS shows; without CSS every row shows. */
    private static void filtersAndControls(StringBuilder h, RunReport r, Page p) {
        h.append("<div class=\"filtered\">\n<h3 id=\"controls\">By check</h3>\n")
                .append("<p class=\"filters\">Show: ")
                .append("<input type=\"radio\" name=\"show\" id=\"show-all\" checked><label for=\"show-all\">all</label>");
        for (Status s : STATUS_ORDER) {
            h.append(" <input type=\"radio\" name=\"show\" id=\"show-").append(statusCss(s)).append("\"><label for=\"show-")
                    .append(statusCss(s)).append("\">").append(statusLabel(s).toLowerCase(Locale.ROOT)).append(" (")
                    .append(r.count(s)).append(")</label>");
        }
        h.append("</p>\n<div id=\"control-list\">\n");
        Map<String, List<ControlResult>> byControl = new LinkedHashMap<>();
        for (ControlResult c : r.results()) byControl.computeIfAbsent(c.control().id(), k -> new ArrayList<>()).add(c);
        for (Control c : p.controls) {
            List<ControlResult> results = byControl.getOrDefault(c.id(), List.of()).stream()
                    .sorted(Comparator.comparing((ControlResult x) -> STATUS_ORDER.indexOf(x.status()))
                            .thenComparing(ControlResult::deviceId)).toList();
            control(h, c, results, p);
        }
        h.append("</div>\n</div>\n");
    }

    private static void control(StringBuilder h, Control c, List<ControlResult> results, Page p) {
        h.append("<section class=\"control\" id=\"").append(p.controlAnchors.get(c.id())).append("\">\n<h4>")
                .append(severityTag(c.severity())).append(' ').append(escape(c.id())).append(" ")
                .append(escape(c.title())).append("</h4>\n<dl class=\"about\">");
        if (!c.policyRefs().isEmpty()) {
            h.append("<dt>Policy</dt><dd>").append(escape(String.join("; ", c.policyRefs()))).append("</dd>");
        }
        h.append("<dt>Why</dt><dd>").append(escape(c.rationale())).append("</dd>")
                .append("<dt>Check</dt><dd>").append(escape(c.check())).append("</dd>")
                .append("<dt>Fix</dt><dd class=\"fix\">").append(escape(c.remediation())).append("</dd></dl>\n");
        if (results.isEmpty()) {
            h.append("<p class=\"meta\">No device in scope.</p>\n</section>\n");
            return;
        }
        h.append("<table class=\"results\">\n<thead><tr><th scope=\"col\">Device</th><th scope=\"col\">Status</th>")
                .append("<th scope=\"col\">Evidence</th></tr></thead>\n<tbody>\n");
        for (ControlResult res : results) {
            h.append("<tr class=\"r s-").append(statusCss(res.status())).append("\" id=\"").append(p.resultAnchor(res))
                    .append("\"><td class=\"dev\"><a href=\"#").append(p.deviceAnchors.get(res.deviceId())).append("\">")
                    .append(escape(res.deviceId())).append("</a></td><td>").append(statusTag(res.status()))
                    .append("</td><td>");
            evidence(h, res);
            h.append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n</section>\n");
    }

    private static void evidence(StringBuilder h, ControlResult res) {
        List<String> lines = res.evidence();
        if (lines.isEmpty()) {
            h.append(res.status() == Status.NOT_APPLICABLE ? "<span class=\"meta\">does not apply</span>"
                    : "<span class=\"meta\">no evidence recorded</span>");
        } else {
            if (res.status() == Status.NOT_ASSESSED) h.append("<span class=\"why\">Why not checked:</span>");
            h.append("<ul class=\"ev\">");
            for (String line : lines.subList(0, Math.min(EVIDENCE_LINES, lines.size()))) {
                Matcher m = PROBE.matcher(line);
                String text = line;
                String probe = null;
                if (m.find()) {
                    probe = m.group(1);
                    text = line.substring(0, m.start());
                }
                h.append("<li>").append(escape(shorten(text, EVIDENCE_CHARS)));
                if (probe != null) h.append(" <span class=\"probe\">probe ").append(escape(probe)).append("</span>");
                h.append("</li>");
            }
            if (lines.size() > EVIDENCE_LINES) {
                h.append("<li class=\"more\">").append(lines.size() - EVIDENCE_LINES)
                        .append(" more lines in report.json</li>");
            }
            h.append("</ul>");
        }
        Waiver w = res.waiver();
        if (w != null) {
            h.append("<p class=\"waiver\">Waived: approved by ").append(escape(w.approvedBy())).append(", expires ")
                    .append(escape(String.valueOf(w.expires()))).append(" (").append(escape(w.source()))
                    .append("). Reason: ").append(escape(w.reason())).append(" Risk accepted: ")
                    .append(escape(w.riskAccepted())).append("</p>");
        }
        Waiver x = res.expiredWaiver();
        if (x != null) {
            h.append("<p class=\"expired\">A waiver for this expired on ").append(escape(String.valueOf(x.expires())))
                    .append(" (").append(escape(x.source())).append(", approved by ").append(escape(x.approvedBy()))
                    .append("): renew it or fix the gap.</p>");
        }
    }

    private static void devices(StringBuilder h, RunReport r, Page p) {
        h.append("<h3 id=\"devices\">By device</h3>\n<table class=\"devices\">\n<thead><tr><th scope=\"col\">Device</th>")
                .append("<th scope=\"col\">Platform</th><th scope=\"col\">Roles</th><th scope=\"col\">Collection</th>")
                .append("<th scope=\"col\">Needs attention</th><th scope=\"col\">Passed</th></tr></thead>\n<tbody>\n");
        Map<String, List<ControlResult>> byDevice = new LinkedHashMap<>();
        for (ControlResult c : r.results()) byDevice.computeIfAbsent(c.deviceId(), k -> new ArrayList<>()).add(c);
        Set<String> listed = new LinkedHashSet<>();
        List<RunReport.DeviceSummary> devices = new ArrayList<>(r.devices());
        for (RunReport.DeviceSummary d : r.devices()) listed.add(d.id());
        for (String id : byDevice.keySet()) {
            if (!listed.contains(id)) devices.add(new RunReport.DeviceSummary(id, List.of(), "", true, List.of()));
        }
        for (RunReport.DeviceSummary d : devices) {
            List<ControlResult> results = byDevice.getOrDefault(d.id(), List.of());
            h.append("<tr id=\"").append(p.deviceAnchors.get(d.id())).append("\"><th scope=\"row\" class=\"dev\">")
                    .append(escape(d.id())).append("</th><td>").append(escape(d.platform())).append("</td><td>")
                    .append(escape(String.join(", ", d.roles()))).append("</td><td>");
            if (d.reachable()) {
                h.append("collected");
            } else {
                h.append("<span class=\"st s-not-assessed\">not reached</span>");
            }
            for (String e : d.errors()) h.append("<br><span class=\"err\">").append(escape(shorten(e, 400))).append("</span>");
            h.append("</td><td>");
            List<ControlResult> attention = results.stream().filter(c -> c.status().needsAttention())
                    .sorted(Comparator.comparing((ControlResult c) -> STATUS_ORDER.indexOf(c.status()))
                            .thenComparing(c -> c.control().id())).toList();
            if (attention.isEmpty()) h.append("<span class=\"meta\">nothing</span>");
            for (ControlResult c : attention) {
                h.append("<a class=\"st s-").append(statusCss(c.status())).append("\" href=\"#").append(p.resultAnchor(c))
                        .append("\">").append(escape(c.control().id())).append(' ')
                        .append(statusLabel(c.status()).toLowerCase(Locale.ROOT)).append("</a> ");
            }
            long passed = results.stream().filter(c -> c.status() == Status.PASS).count();
            h.append("</td><td>").append(passed).append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n");
    }

    /** Grouped by device and reason: one unreachable device fails all its checks alike. */
    private static void notAssessed(StringBuilder h, RunReport r, Page p) {
        h.append("<h3 id=\"not-assessed\">Could not be checked</h3>\n");
        List<ControlResult> items = r.results().stream().filter(c -> c.status() == Status.NOT_ASSESSED).toList();
        if (items.isEmpty()) {
            h.append("<p>Every check in scope could be made.</p>\n");
            return;
        }
        h.append("<p class=\"meta\">Missing data is never a pass: each of these needs the reason fixed before the "
                + "check can be made.</p>\n<table class=\"na\">\n<thead><tr><th scope=\"col\">Device</th>"
                + "<th scope=\"col\">Checks</th><th scope=\"col\">Reason</th></tr></thead>\n<tbody>\n");
        Map<String, Map<String, Set<String>>> grouped = new LinkedHashMap<>();
        for (ControlResult c : items) {
            String reason = c.evidence().isEmpty() ? "no reason recorded" : c.evidenceText();
            grouped.computeIfAbsent(c.deviceId(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(reason, k -> new TreeSet<>()).add(c.control().id());
        }
        grouped.forEach((device, reasons) -> reasons.forEach((reason, controls) -> h.append("<tr><td class=\"dev\">")
                .append("<a href=\"#").append(p.deviceAnchors.get(device)).append("\">").append(escape(device))
                .append("</a></td><td>").append(escape(String.join(", ", controls))).append("</td><td>")
                .append(escape(shorten(reason, EVIDENCE_CHARS))).append("</td></tr>\n")));
        h.append("</tbody>\n</table>\n");
    }

    private static void waivers(StringBuilder h, RunReport r, Page p) {
        h.append("<h3 id=\"waivers\">Waivers</h3>\n");
        List<ControlResult> waived = r.results().stream().filter(c -> c.status() == Status.WAIVED).toList();
        if (waived.isEmpty() && r.expiredWaivers().isEmpty()) {
            h.append("<p>No waiver applies to this run.</p>\n");
            return;
        }
        if (!waived.isEmpty()) {
            h.append("<table class=\"waivers\">\n<thead><tr><th scope=\"col\">Check</th><th scope=\"col\">Device</th>")
                    .append("<th scope=\"col\">Approved by</th><th scope=\"col\">Expires</th><th scope=\"col\">Reason and risk accepted</th>")
                    .append("</tr></thead>\n<tbody>\n");
            for (ControlResult c : waived) {
                Waiver w = c.waiver();
                h.append("<tr><td><a href=\"#").append(p.resultAnchor(c)).append("\">").append(escape(c.control().id()))
                        .append("</a></td><td class=\"dev\">").append(escape(c.deviceId())).append("</td>");
                if (w == null) {
                    h.append("<td colspan=\"3\">no waiver recorded</td></tr>\n");
                    continue;
                }
                h.append("<td>").append(escape(w.approvedBy())).append("</td><td>").append(escape(String.valueOf(w.expires())))
                        .append("</td><td>").append(escape(w.reason())).append("<br><span class=\"meta\">Risk accepted: ")
                        .append(escape(w.riskAccepted())).append(" (").append(escape(w.source())).append(")</span></td></tr>\n");
            }
            h.append("</tbody>\n</table>\n");
        }
        if (!r.expiredWaivers().isEmpty()) {
            h.append("<h4 id=\"expired-waivers\">Expired waivers — renew or remove them</h4>\n<ul class=\"expired-list\">\n");
            for (Waiver w : r.expiredWaivers()) {
                h.append("<li>").append(escape(w.control())).append(" on ").append(escape(w.devicePattern()))
                        .append(" expired ").append(escape(String.valueOf(w.expires()))).append(" — approved by ")
                        .append(escape(w.approvedBy())).append(" (").append(escape(w.source())).append(")</li>\n");
            }
            h.append("</ul>\n");
        }
    }

    private static void footer(StringBuilder h, RunReport r) {
        h.append("<footer>\n<p><strong>How the area status is worked out.</strong> ").append(escape(Rag.RULE))
                .append("</p>\n<p>Every check on every device in its scope ends as exactly one of: passed, gap, not "
                        + "assessed (with the reason), waived (an approved, unexpired exception) or not applicable. "
                        + "Policy references such as 000 §12 point at the school's policy documents.</p>\n")
                .append("<p>This page is self-contained: it loads nothing from the network and runs no script. "
                        + "Text that came from devices and input files is shown as text. Long evidence is shortened "
                        + "here; report.json keeps it whole.</p>\n<p class=\"meta\">Generated by auditor · run ")
                .append(escape(r.runId()));
        if (r.finishedAt() != null) h.append(" · finished ").append(LONG_DATE.format(r.finishedAt()));
        h.append("</p>\n</footer>\n");
    }

    // ---------------------------------------------------------------- small pieces

    /**
     * The one escaping function of the page: removes terminal control sequences, other control characters and
     * bidirectional overrides ({@link UntrustedText#sanitise}), then escapes the five HTML-significant
     * characters, so the result is safe in element content and in quoted attribute values.
     */
    public static String escape(String text) {
        String clean = UntrustedText.sanitise(text);
        StringBuilder out = new StringBuilder(clean.length() + 16);
        for (int i = 0; i < clean.length(); i++) {
            char c = clean.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String severityTag(Severity s) {
        return s == null ? "" : "<span class=\"sev v-" + s.label() + "\">" + s.label() + "</span>";
    }

    private static String statusTag(Status s) {
        return "<span class=\"st s-" + statusCss(s) + "\">" + statusLabel(s) + "</span>";
    }

    static String statusCss(Status s) {
        return s.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static String statusLabel(Status s) {
        return switch (s) {
            case PASS -> "Passed";
            case GAP -> "Gap";
            case NOT_ASSESSED -> "Not assessed";
            case WAIVED -> "Waived";
            case NOT_APPLICABLE -> "Not applicable";
        };
    }

    private static String withoutProbe(String evidence) {
        Matcher m = PROBE.matcher(evidence);
        return m.find() ? evidence.substring(0, m.start()) : evidence;
    }

    /** Cuts at a code point boundary and says how much was left out. */
    static String shorten(String s, int max) {
        if (s == null) return "";
        if (s.length() <= max) return s;
        int cut = Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
        return s.substring(0, cut) + "… (" + (s.length() - cut) + " more characters)";
    }

    /** For the summary: cut at a word boundary with an ellipsis; the detail has the whole text. */
    static String excerpt(String s, int max) {
        if (s == null) return "";
        if (s.length() <= max) return s;
        int cut = s.lastIndexOf(' ', max - 1);
        if (cut < max / 2) cut = Character.isHighSurrogate(s.charAt(max - 2)) ? max - 2 : max - 1;
        return s.substring(0, cut).stripTrailing() + "…";
    }

    private static String date(Instant i) {
        return i == null ? "?" : SHORT_DATE.format(i);
    }

    private static String num(double d) {
        return String.format(Locale.ROOT, "%.1f", d);
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String loadCss() {
        try (InputStream in = HtmlReport.class.getResourceAsStream("report.css")) {
            if (in == null) throw new IllegalStateException("report.css is missing from the reports jar");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read report.css", e);
        }
    }

    /** A CSP source expression allowing exactly this inline content. */
    static String sha256(String content) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
