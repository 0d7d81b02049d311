package io.auditor.rules;

import io.auditor.model.InputProblem;
import io.auditor.model.InvalidInputException;
import io.auditor.model.Waiver;
import io.auditor.rules.yaml.YamlNode;
import io.auditor.rules.yaml.YamlReader;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Loads waivers YAML; a waiver naming an unknown control or matching no device is an input error. */
public final class WaiverLoader {
    static final List<String> KEYS = List.of("control", "devices", "reason", "riskAccepted", "approvedBy",
            "effective", "expires");

    private WaiverLoader() {}

    public static List<Waiver> load(Path file, Set<String> controlIds, Set<String> deviceIds)
            throws InvalidInputException {
        YamlNode root = YamlReader.read(file);
        if (!(root instanceof YamlNode.Mapping map)) {
            throw new InvalidInputException(root.problem(
                    "a waivers file is a mapping with one key, waivers:, found " + root.kind(),
                    "start the file with  waivers:"));
        }
        List<InputProblem> problems = new ArrayList<>();
        for (YamlNode.Scalar key : map.entries().keySet()) {
            if (!key.text().equals("waivers")) {
                problems.add(key.problem("unknown key '" + key.text() + "'",
                        "a waivers file has only the key waivers: (a list)"));
            }
        }
        if (!problems.isEmpty()) throw new InvalidInputException(problems);
        YamlNode list = map.get("waivers");
        if (list == null || list instanceof YamlNode.Scalar s && s.isNull()) return List.of();
        return fromYaml(list, controlIds, deviceIds);
    }

    /**
     * Reads a {@code waivers:} list (of a waivers file or a fixture), checking every entry; all problems are
     * reported together.
     */
    public static List<Waiver> fromYaml(YamlNode list, Set<String> controlIds, Set<String> deviceIds)
            throws InvalidInputException {
        List<InputProblem> problems = new ArrayList<>();
        if (!(list instanceof YamlNode.Sequence seq)) {
            throw new InvalidInputException(list.problem("waivers must be a list, found " + list.kind(),
                    "write one '- control: …' entry per waiver"));
        }
        List<Waiver> out = new ArrayList<>();
        for (YamlNode item : seq.items()) {
            int before = problems.size();
            if (!(item instanceof YamlNode.Mapping m)) {
                problems.add(item.problem("a waiver is a mapping, found " + item.kind(),
                        "keys: " + String.join(", ", KEYS)));
                continue;
            }
            for (YamlNode.Scalar key : m.entries().keySet()) {
                if (!KEYS.contains(key.text())) {
                    problems.add(key.problem("unknown waiver key '" + key.text() + "'",
                            "a waiver has exactly the keys " + String.join(", ", KEYS)));
                }
            }
            for (String key : KEYS) {
                if (m.get(key) == null) {
                    problems.add(m.problem("waiver has no '" + key + "'",
                            "a waiver has exactly the keys " + String.join(", ", KEYS)));
                }
            }
            if (problems.size() > before) continue;

            String control = text(m, "control", problems);
            String reason = text(m, "reason", problems);
            String risk = text(m, "riskAccepted", problems);
            String approvedBy = text(m, "approvedBy", problems);
            LocalDate effective = date(m, "effective", problems);
            LocalDate expires = date(m, "expires", problems);
            List<YamlNode.Scalar> patterns = patterns(m.get("devices"), problems);
            if (control != null && !controlIds.contains(control)) {
                problems.add(m.get("control").problem("unknown control '" + control + "'",
                        "known controls are " + String.join(", ", new TreeSet<>(controlIds))));
            }
            if (effective != null && expires != null && expires.isBefore(effective)) {
                problems.add(m.get("expires").problem("waiver expires (" + expires
                        + ") before it takes effect (" + effective + ")", "expires must be on or after effective"));
            }
            for (YamlNode.Scalar p : patterns) {
                if (deviceIds.stream().noneMatch(id -> Waiver.globMatches(p.text(), id))) {
                    problems.add(p.problem("devices pattern '" + p.text() + "' matches no device in the inventory",
                            "write a device id from the inventory, or a glob such as ws-* (* any characters, ? one)"));
                }
            }
            if (problems.size() > before) continue;
            String source = m.file() + ":" + m.line();
            for (YamlNode.Scalar p : patterns) {
                out.add(new Waiver(control, p.text(), reason, risk, approvedBy, effective, expires, source));
            }
        }
        if (!problems.isEmpty()) throw new InvalidInputException(problems);
        return List.copyOf(out);
    }

    private static String text(YamlNode.Mapping m, String key, List<InputProblem> problems) {
        YamlNode n = m.get(key);
        if (n instanceof YamlNode.Scalar s && s.hasText()) return s.text().trim();
        problems.add(n.problem("'" + key + "' must be a non-empty text, found " + n.kind(), ""));
        return null;
    }

    private static LocalDate date(YamlNode.Mapping m, String key, List<InputProblem> problems) {
        String t = text(m, key, problems);
        if (t == null) return null;
        try {
            if (!t.matches("\\d{4}-\\d{2}-\\d{2}")) throw new DateTimeParseException("shape", t, 0);
            return LocalDate.parse(t);
        } catch (DateTimeParseException e) {
            problems.add(m.get(key).problem("'" + key + "' must be a date YYYY-MM-DD, found '" + t + "'",
                    "for example 2026-08-31"));
            return null;
        }
    }

    /** {@code devices:} is one id or glob, or a list of them. */
    private static List<YamlNode.Scalar> patterns(YamlNode n, List<InputProblem> problems) {
        List<YamlNode.Scalar> out = new ArrayList<>();
        List<YamlNode> items = n instanceof YamlNode.Sequence seq ? seq.items() : List.of(n);
        for (YamlNode item : items) {
            if (item instanceof YamlNode.Scalar s && s.hasText()) out.add(s);
            else problems.add(item.problem("'devices' must be a device id or glob (or a list of them), found "
                    + item.kind(), ""));
        }
        if (items.isEmpty()) problems.add(n.problem("'devices' is an empty list", "name at least one device"));
        return out;
    }

}
