package io.auditor.rules;

import io.auditor.model.Control;
import io.auditor.model.Role;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Writes the documents that are generated from the rule pack rather than kept by hand: the control catalogue
 * ({@code docs/controls.md}) and the default profile ({@code samples/profiles/default.yaml}). Tests compare the
 * checked-in files with this output, so metadata is written once, on the rule.
 */
public final class GeneratedDocs {
    private GeneratedDocs() {}

    /** Markdown catalogue of every control: what, why, which policy clause, how it is checked, how to fix. */
    public static String controlsMarkdown(List<Control> controls, Map<String, List<String>> fixturesByControl) {
        StringBuilder md = new StringBuilder();
        md.append("# Controls\n\n")
          .append("Generated from the rule pack's metadata by `GeneratedDocs` — do not edit by hand; change the\n")
          .append("rule and run `mvn -pl rules test -Dauditor.regenerate=true` (a test fails while this file is stale).\n\n")
          .append("Policy references: `000 §N` and `002 §N` are sections of the two seed policies; `DfE-CS` the DfE cyber\n")
          .append("security standards for schools; `DfE-FM` the DfE filtering and monitoring standards; `CE` Cyber Essentials.\n\n")
          .append("| ID | Control | Severity | Scope | Policy |\n|---|---|---|---|---|\n");
        for (Control c : controls) {
            md.append("| [").append(c.id()).append("](#").append(anchor(c)).append(") | ").append(cell(c.title()))
              .append(" | ").append(c.severity().label()).append(" | ").append(scope(c)).append(" | ")
              .append(cell(String.join("; ", c.policyRefs()))).append(" |\n");
        }
        for (Control c : controls) {
            md.append("\n## ").append(c.id()).append(" — ").append(c.title()).append("\n\n")
              .append("- **Severity:** ").append(c.severity().label()).append('\n')
              .append("- **Applies to:** ").append(scope(c)).append('\n')
              .append("- **Policy:** ").append(String.join("; ", c.policyRefs())).append('\n')
              .append("- **Needs:** ").append(String.join(", ", new java.util.TreeSet<>(c.needs()))).append('\n')
              .append("\n**Why it matters.** ").append(c.rationale()).append("\n\n")
              .append("**How it is checked.** ").append(c.check()).append("\n\n")
              .append("**How to fix a gap.** ").append(c.remediation()).append('\n');
            List<String> fixtures = fixturesByControl.getOrDefault(c.id(), List.of());
            if (!fixtures.isEmpty()) {
                md.append("\n**Test cases:** ").append(fixtures.stream().map(f -> "`" + f + "`")
                        .collect(Collectors.joining(", "))).append('\n');
            }
        }
        return md.toString();
    }

    /** The default profile: every declared parameter with its meaning and default, as a school would copy it. */
    public static String defaultProfileYaml(List<Parameter> parameters) {
        StringBuilder y = new StringBuilder();
        y.append("# Every policy-profile parameter with its built-in default. Generated from the rule pack's\n")
         .append("# parameters.yaml by GeneratedDocs - copy it, keep what your school changes, delete the rest.\n")
         .append("name: built-in defaults\n");
        Map<String, List<Parameter>> bySection = new TreeMap<>();
        for (Parameter p : parameters) {
            int dot = p.key().indexOf('.');
            bySection.computeIfAbsent(p.key().substring(0, dot), k -> new java.util.ArrayList<>()).add(p);
        }
        for (Map.Entry<String, List<Parameter>> section : bySection.entrySet()) {
            y.append('\n').append(section.getKey()).append(":\n");
            for (Parameter p : section.getValue()) {
                for (String line : wrap(p.description() + (p.unit() == null ? "" : " (" + p.unit() + ")"), 96)) {
                    y.append("  # ").append(line).append('\n');
                }
                y.append("  ").append(p.key().substring(section.getKey().length() + 1)).append(": ")
                 .append(yamlValue(p.defaultValue())).append('\n');
            }
        }
        return y.toString();
    }

    private static String yamlValue(Object v) {
        if (v instanceof List<?> list) {
            return list.stream().map(o -> "'" + String.valueOf(o).replace("'", "''") + "'")
                    .collect(Collectors.joining(", ", "[", "]"));
        }
        return String.valueOf(v);
    }

    /** Words of {@code text} on lines of at most {@code width} characters (a longer word gets a line of its own). */
    public static List<String> wrap(String text, int width) {
        List<String> lines = new java.util.ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.trim().split("\\s+")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) line.append(' ');
            line.append(word);
        }
        if (line.length() > 0) lines.add(line.toString());
        return lines;
    }

    private static String scope(Control c) {
        return c.scope().stream().sorted().map(Role::yamlName).collect(Collectors.joining(", "));
    }

    private static String anchor(Control c) {
        return (c.id() + "--" + c.title()).toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9 -]", "")
                .replace(' ', '-');
    }

    private static String cell(String s) { return s.replace("|", "\\|"); }
}
