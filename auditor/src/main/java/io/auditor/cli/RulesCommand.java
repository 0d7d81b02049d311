package io.auditor.cli;

import io.auditor.model.Control;
import io.auditor.model.InputProblem;
import io.auditor.model.InvalidInputException;
import io.auditor.model.Role;
import io.auditor.rules.GeneratedDocs;
import io.auditor.rules.Fixture;
import io.auditor.rules.FixtureOutcome;
import io.auditor.rules.FixtureRunner;
import io.auditor.rules.RulePack;
import io.auditor.rules.yaml.Spelling;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * {@code auditor rules}: what the rule pack checks ({@code list}, {@code explain ID}) and whether its rules give the
 * results their fixtures promise ({@code test [DIR]}). Works on the built-in pack plus any school rule folders.
 */
@Command(name = "rules",
        mixinStandardHelpOptions = true,
        versionProvider = AuditorCommand.Version.class,
        usageHelpAutoWidth = true,
        header = "List, explain and test the policy rules.",
        description = {
                "The rule pack turns the school's online-safety policy into checks: one control per policy promise, "
                        + "each with its severity, the devices it applies to, the policy clauses it comes from, why "
                        + "it matters, how it is checked and how to fix a gap.",
                "",
                "A school's own rules live in a folder of .drl files (each control's fixtures in a fixtures/ "
                        + "folder beside its .drl); pass it with --rules (list, explain) or as the folder to test."},
        subcommands = {RulesCommand.ListRules.class, RulesCommand.Explain.class, RulesCommand.TestRules.class},
        synopsisSubcommandLabel = "COMMAND",
        commandListHeading = "%nCommands:%n",
        footerHeading = "%nExamples:%n",
        footer = {"  auditor rules list", "  auditor rules explain ADM-05", "  auditor rules test",
                "  auditor rules test school-rules/"})
public final class RulesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("auditor rules: say what to do: list, explain ID or test [DIR]");
        spec.commandLine().usage(spec.commandLine().getErr());
        return AuditorCommand.EXIT_INPUT;
    }

    /** Loads the pack, printing every problem (file:line) on failure; null when it did not load. */
    static RulePack load(List<Path> dirs, PrintWriter err, String command) {
        List<InputProblem> problems = new ArrayList<>();
        for (Path d : dirs) {
            if (!Files.isDirectory(d)) {
                problems.add(new InputProblem(d.toString(), 0, 0, "no such folder",
                        "give a folder that contains the school's .drl files"));
            }
        }
        if (problems.isEmpty()) {
            try {
                return RulePack.load(dirs);
            } catch (InvalidInputException e) {
                problems.addAll(e.problems());
            }
        }
        for (InputProblem p : problems) err.println(p.format());
        err.println("auditor rules " + command + ": the rules are invalid; " + problems.size()
                + (problems.size() == 1 ? " problem" : " problems"));
        err.flush();
        return null;
    }

    static String scope(Control c) {
        return c.scope().stream().sorted().map(Role::yamlName).collect(Collectors.joining(", "));
    }

    @Command(name = "list",
            mixinStandardHelpOptions = true,
            versionProvider = AuditorCommand.Version.class,
            usageHelpAutoWidth = true,
            header = "List every control: id, severity, the devices it applies to, its policy sources and title.",
            exitCodeListHeading = ExitStatus.HEADING,
            exitCodeList = {"0:listed", "2:the rules are invalid (each problem is printed with file and line)"})
    static final class ListRules implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--rules", paramLabel = "DIR",
                description = "Also list the controls of a school's rule folder. Repeat for several folders.")
        List<Path> rules = new ArrayList<>();

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            RulePack pack = load(rules, spec.commandLine().getErr(), "list");
            if (pack == null) return AuditorCommand.EXIT_INPUT;
            List<String[]> rows = new ArrayList<>();
            // Scope last: it is the one column that can be long, and it should not push the others apart.
            rows.add(new String[]{"ID", "SEVERITY", "TITLE", "SOURCES", "SCOPE"});
            for (Control c : pack.controls()) {
                String scope = c.scope().size() == Role.values().length ? "every device" : scope(c);
                if (!pack.isBuiltIn(c.id())) scope += "  (school rule: " + pack.definedAt(c.id()) + ")";
                rows.add(new String[]{c.id(), c.severity().label(), c.title(), String.join("; ", c.policyRefs()), scope});
            }
            int[] width = new int[4];
            for (String[] row : rows) for (int i = 0; i < 4; i++) width[i] = Math.max(width[i], row[i].length());
            for (String[] row : rows) {
                StringBuilder line = new StringBuilder();
                for (int i = 0; i < 4; i++) line.append(String.format(Locale.ROOT, "%-" + width[i] + "s  ", row[i]));
                out.println(line.append(row[4]));
            }
            long school = pack.controls().stream().filter(c -> !pack.isBuiltIn(c.id())).count();
            out.println();
            out.println(pack.controls().size() + " controls" + (school == 0 ? "" : " (" + school + " from school rules)")
                    + ". 'auditor rules explain ID' tells what a control checks, why, and how to fix a gap.");
            out.flush();
            return 0;
        }
    }

    @Command(name = "explain",
            mixinStandardHelpOptions = true,
            versionProvider = AuditorCommand.Version.class,
            usageHelpAutoWidth = true,
            header = "Explain one control: what, why, which policy clause, how it is checked, how to fix a gap.",
            exitCodeListHeading = ExitStatus.HEADING,
            exitCodeList = {"0:explained", "2:no such control, or the rules are invalid"})
    static final class Explain implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "ID", description = "The control id, for example ADM-05 (any case).")
        String id;

        @Option(names = "--rules", paramLabel = "DIR",
                description = "Also load a school's rule folder, to explain its controls. Repeat for several folders.")
        List<Path> rules = new ArrayList<>();

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            RulePack pack = load(rules, err, "explain");
            if (pack == null) return AuditorCommand.EXIT_INPUT;
            String wanted = id.strip().toUpperCase(Locale.ROOT);
            Control c = pack.control(wanted).orElse(null);
            if (c == null) {
                err.println("auditor rules explain: no control '" + id + "'"
                        + Spelling.nearest(wanted, pack.controlIds()).map(s -> "; did you mean " + s + "?").orElse("")
                        + " 'auditor rules list' shows every control.");
                err.flush();
                return AuditorCommand.EXIT_INPUT;
            }
            out.println(c.id() + " — " + c.title());
            out.println();
            out.println("Severity:    " + c.severity().label());
            out.println("Applies to:  " + scope(c));
            out.println("Policy:      " + String.join("; ", c.policyRefs()));
            out.println("Needs:       " + String.join(", ", new java.util.TreeSet<>(c.needs())) + " (fact topics the collectors supply)");
            out.println("Defined at:  " + pack.definedAt(c.id()) + (pack.isBuiltIn(c.id()) ? " (built in)" : ""));
            section(out, "Why it matters", c.rationale());
            section(out, "How it is checked", c.check());
            section(out, "How to fix a gap", c.remediation());
            List<String> cases = pack.fixtures().stream().filter(f -> f.ownControls().contains(c.id()))
                    .map(Fixture::name).toList();
            if (!cases.isEmpty()) section(out, "Test cases (auditor rules test)", String.join(", ", cases));
            out.flush();
            return 0;
        }

        private static void section(PrintWriter out, String heading, String text) {
            out.println();
            out.println(heading + ":");
            for (String line : GeneratedDocs.wrap(text, 96)) out.println("  " + line);
        }
    }

    @Command(name = "test",
            mixinStandardHelpOptions = true,
            versionProvider = AuditorCommand.Version.class,
            usageHelpAutoWidth = true,
            header = "Run the rules' fixtures: every built-in control's, or those of a school's rule folder.",
            description = {
                    "Each fixture (a YAML file in a fixtures/ folder beside a .drl) describes a tiny estate and the "
                            + "results the rules must give it. Without DIR every built-in fixture runs; with DIR the "
                            + "folder's rules are compiled with the built-in pack and the folder's fixtures run.",
                    "",
                    "A control should show at least a pass-, a gap- and a not-assessed- case; controls that do not "
                            + "are named at the end."},
            exitCodeListHeading = ExitStatus.HEADING,
            exitCodeList = {"0:every fixture gave the results it expects",
                    "1:a fixture gave a different result (or the folder has no fixtures)",
                    "2:a rule or fixture is invalid (each problem is printed with file and line)"})
    static final class TestRules implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "DIR", arity = "0..*",
                description = "A school's rule folder to test (its .drl files and their fixtures/).")
        List<Path> dirs = new ArrayList<>();

        @Option(names = "--verbose", description = "Also list every passing fixture with its description.")
        boolean verbose;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            RulePack pack = load(dirs, err, "test");
            if (pack == null) return AuditorCommand.EXIT_INPUT;
            boolean school = !dirs.isEmpty();
            // With a folder, only its own controls' fixtures: the built-in ones are the product's tests.
            List<Control> controls = pack.controls().stream().filter(c -> pack.isBuiltIn(c.id()) != school).toList();
            List<Fixture> fixtures = pack.fixtures().stream()
                    .filter(f -> school != f.source().startsWith(RulePack.BUILT_IN_FOLDER)).toList();
            FixtureRunner runner = new FixtureRunner(pack);
            Map<String, List<FixtureOutcome>> byControl = new LinkedHashMap<>();
            for (Control c : controls) byControl.put(c.id(), new ArrayList<>());
            List<FixtureOutcome> orphans = new ArrayList<>();
            int failed = 0, invalid = 0;
            for (Fixture f : fixtures) {
                FixtureOutcome o = runner.run(f);
                if (o.invalid()) invalid++;
                else if (!o.passed()) failed++;
                List<String> own = f.ownControls().stream().sorted().toList();
                if (own.isEmpty() || !byControl.containsKey(own.get(0))) orphans.add(o);
                else byControl.get(own.get(0)).add(o);
            }

            List<String> incomplete = new ArrayList<>();
            for (Control c : controls) {
                List<FixtureOutcome> outcomes = byControl.get(c.id());
                long ok = outcomes.stream().filter(FixtureOutcome::passed).count();
                List<String> missing = new ArrayList<>();
                for (String kind : List.of("pass", "gap", "not-assessed")) {
                    if (outcomes.stream().noneMatch(o -> o.fixture().name().startsWith(kind + "-"))) missing.add(kind + "-");
                }
                if (!missing.isEmpty() || outcomes.size() < 3) {
                    incomplete.add(c.id() + (missing.isEmpty() ? " (" + outcomes.size() + " cases)" : " (no " + String.join(", ", missing) + " case)"));
                }
                out.printf(Locale.ROOT, "%-9s %3d cases  %s  %s%n", c.id(), outcomes.size(),
                        ok == outcomes.size() ? "ok    " : "FAILED", c.title());
                for (FixtureOutcome o : outcomes) print(out, o);
            }
            for (FixtureOutcome o : orphans) {
                out.println("(fixture without a control beside it)");
                print(out, o);
            }
            int total = fixtures.size();
            out.println();
            out.println(controls.size() + " controls, " + total + " fixture cases: " + (total - failed - invalid)
                    + " passed, " + failed + " failed" + (invalid == 0 ? "" : ", " + invalid + " invalid") + ".");
            if (!incomplete.isEmpty()) {
                out.println("Controls with fewer than three cases or without a pass-, gap- or not-assessed- case: "
                        + String.join(", ", incomplete));
            }
            out.flush();
            if (invalid > 0) return AuditorCommand.EXIT_INPUT;
            if (failed > 0) return 1;
            if (total == 0) {
                err.println("auditor rules test: no fixtures found; put each control's cases in a fixtures/ folder "
                        + "beside its .drl (see docs/writing-rules.md)");
                err.flush();
                return 1;
            }
            return 0;
        }

        private void print(PrintWriter out, FixtureOutcome o) {
            if (o.passed() && !verbose) return;
            String mark = o.passed() ? "ok     " : o.invalid() ? "INVALID" : "FAILED ";
            out.println("  " + mark + " " + o.fixture().name() + (o.description().isBlank() ? "" : " — " + oneLine(o.description())));
            for (String f : o.failures()) out.println("          " + f);
        }
    }

    static String oneLine(String s) {
        String t = s.strip().replaceAll("\\s+", " ");
        return t.length() > 120 ? t.substring(0, 119) + "…" : t;
    }
}
