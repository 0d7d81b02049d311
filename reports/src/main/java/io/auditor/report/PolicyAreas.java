package io.auditor.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.auditor.model.Control;
import io.auditor.model.ControlResult;
import io.auditor.model.RunReport;
import io.auditor.model.Status;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The policy areas the senior leadership team reads the report by (patching, anti-malware, …), and the
 * plain-English line for each. Which control belongs to which area, and the words for a control's gaps,
 * are data ({@code policy-areas.json} beside this class), so a new control needs no code here.
 */
public final class PolicyAreas {
    /** One area of the policy and the control-ID prefixes that belong to it. */
    public record Area(String key, String name, List<String> prefixes) {
        public Area {
            prefixes = List.copyOf(prefixes);
        }

        boolean covers(String controlId) {
            return prefixes.stream().anyMatch(controlId::startsWith);
        }
    }

    /**
     * An area's standing in one run.
     *
     * @param controls the rule pack's controls in this area
     * @param devices  devices in scope of at least one of them (a result other than NOT_APPLICABLE)
     */
    public record AreaStatus(Area area, Rag rag, String sentence, List<Control> controls, int devices) {
        public AreaStatus {
            controls = List.copyOf(controls);
        }
    }

    static final Area OTHER = new Area("other", "Other checks", List.of());
    /** Gap clauses spelt out per area; the rest are counted. */
    static final int GAP_CLAUSES = 2;
    /** Only a number and a unit, so device text that happens to contain "(limit …)" cannot inject words. */
    private static final Pattern LIMIT = Pattern.compile("\\(limit (\\d{1,6} (?:days?|hours?|minutes?))\\)");

    private final List<Area> areas;
    private final Map<String, String> gapPhrases;

    PolicyAreas(List<Area> areas, Map<String, String> gapPhrases) {
        this.areas = List.copyOf(areas);
        this.gapPhrases = Map.copyOf(gapPhrases);
    }

    /** The areas shipped with the auditor: read once, as every {@link HtmlReport} (and format lookup) needs them. */
    public static PolicyAreas builtIn() {
        return BuiltIn.AREAS;
    }

    /** Loaded on first use, not when the class is. */
    private static final class BuiltIn {
        static final PolicyAreas AREAS = load();
    }

    private static PolicyAreas load() {
        try (InputStream in = PolicyAreas.class.getResourceAsStream("policy-areas.json")) {
            if (in == null) throw new IllegalStateException("policy-areas.json is missing from the reports jar");
            JsonNode root = new ObjectMapper().readTree(in);
            List<Area> areas = new ArrayList<>();
            for (JsonNode a : root.get("areas")) {
                List<String> prefixes = new ArrayList<>();
                a.get("prefixes").forEach(p -> prefixes.add(p.asText()));
                areas.add(new Area(a.get("key").asText(), a.get("name").asText(), prefixes));
            }
            Map<String, String> phrases = new LinkedHashMap<>();
            root.get("gapPhrases").fields().forEachRemaining(e -> phrases.put(e.getKey(), e.getValue().asText()));
            return new PolicyAreas(areas, phrases);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read policy-areas.json", e);
        }
    }

    public List<Area> areas() { return areas; }

    /** The area a control belongs to; {@code Other checks} when no prefix matches. */
    public Area areaOf(String controlId) {
        return areas.stream().filter(a -> a.covers(controlId)).findFirst().orElse(OTHER);
    }

    /**
     * One status per area, in the catalogue's order, followed by "Other checks" when the rule pack has
     * controls outside every area (a school's own rules, say).
     */
    public List<AreaStatus> statuses(RunReport report) {
        Map<Area, List<Control>> controls = new LinkedHashMap<>();
        for (Area a : areas) controls.put(a, new ArrayList<>());
        for (Control c : report.controls()) controls.computeIfAbsent(areaOf(c.id()), k -> new ArrayList<>()).add(c);
        Map<String, List<ControlResult>> byControl = new LinkedHashMap<>();
        for (ControlResult r : report.results()) {
            byControl.computeIfAbsent(r.control().id(), k -> new ArrayList<>()).add(r);
        }
        List<AreaStatus> out = new ArrayList<>();
        for (Map.Entry<Area, List<Control>> e : controls.entrySet()) out.add(status(e.getKey(), e.getValue(), byControl));
        return out;
    }

    /** @param byControl the run's results by control ID */
    private AreaStatus status(Area area, List<Control> controls, Map<String, List<ControlResult>> byControl) {
        List<ControlResult> results = new ArrayList<>();
        for (Control c : controls) results.addAll(byControl.getOrDefault(c.id(), List.of()));
        Set<String> inScope = new TreeSet<>();
        Set<String> notAssessedDevices = new TreeSet<>();
        long waived = 0;
        for (ControlResult r : results) {
            if (Rag.inScope(r.status())) inScope.add(r.deviceId());
            if (r.status() == Status.NOT_ASSESSED) notAssessedDevices.add(r.deviceId());
            if (r.status() == Status.WAIVED) waived++;
        }
        Rag rag = Rag.of(results);
        String sentence;
        if (controls.isEmpty()) {
            sentence = "The rule pack has no check for this area yet.";
        } else if (inScope.isEmpty()) {
            sentence = "No device in the inventory is in scope of this area's "
                    + plural(controls.size(), "check", "checks") + ".";
        } else {
            sentence = sentence(controls, byControl, inScope.size(), notAssessedDevices.size(), waived);
        }
        return new AreaStatus(area, rag, sentence, controls, inScope.size());
    }

    private String sentence(List<Control> controls, Map<String, List<ControlResult>> byControl, int devices,
                            int notAssessedDevices, long waived) {
        record GapClause(Control control, int devices, String text) {}
        List<GapClause> gapClauses = new ArrayList<>();
        for (Control c : controls) {
            List<ControlResult> mine = byControl.getOrDefault(c.id(), List.of());
            Set<String> gapDevices = new LinkedHashSet<>();
            for (ControlResult r : mine) if (r.status() == Status.GAP) gapDevices.add(r.deviceId());
            if (gapDevices.isEmpty()) continue;
            long scope = mine.stream().filter(r -> Rag.inScope(r.status())).map(ControlResult::deviceId).distinct()
                    .count();
            gapClauses.add(new GapClause(c, gapDevices.size(),
                    gapDevices.size() + " of " + plural(scope, "device", "devices") + " " + phrase(c, mine)));
        }
        // A line for a meeting, not a list: the most severe and widest gaps, then how many more checks have gaps.
        gapClauses.sort(Comparator.comparing((GapClause g) -> g.control().severity())
                .thenComparing(Comparator.comparingInt(GapClause::devices).reversed())
                .thenComparing(g -> g.control().id()));
        List<String> clauses = new ArrayList<>();
        for (GapClause g : gapClauses.subList(0, Math.min(GAP_CLAUSES, gapClauses.size()))) clauses.add(g.text());
        if (gapClauses.size() > GAP_CLAUSES) {
            clauses.add("gaps in " + plural(gapClauses.size() - GAP_CLAUSES, "more check", "more checks"));
        }
        if (notAssessedDevices > 0) {
            clauses.add(plural(notAssessedDevices, "device", "devices") + " could not be fully checked");
        }
        if (waived > 0) {
            clauses.add(plural(waived, "gap is", "gaps are") + " covered by an approved waiver");
        }
        if (clauses.size() == (waived > 0 ? 1 : 0)) {
            clauses.add(0, devices == 1 ? "The 1 device checked meets the policy"
                    : "All " + devices + " devices checked meet the policy");
        }
        String s = String.join("; ", clauses) + ".";
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** The control's gap phrase with its limit filled in, or "failing <title>". */
    String phrase(Control c, List<ControlResult> results) {
        String template = gapPhrases.get(c.id());
        if (template == null) return "failing “" + UntrustedText.oneLine(c.title()) + "”";
        if (!template.contains("{limit}")) return template;
        Set<String> limits = new TreeSet<>();
        for (ControlResult r : results) {
            if (r.status() != Status.GAP) continue;
            boolean found = false;
            for (String e : r.evidence()) {
                Matcher m = LIMIT.matcher(e);
                while (m.find()) {
                    limits.add(m.group(1));
                    found = true;
                }
            }
            if (!found) limits.add("");
        }
        String limit = limits.size() == 1 && !limits.iterator().next().isEmpty() ? limits.iterator().next()
                : "the limit";
        return template.replace("{limit}", limit);
    }

    static String plural(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
