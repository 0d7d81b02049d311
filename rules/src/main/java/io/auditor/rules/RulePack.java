package io.auditor.rules;

import io.auditor.model.ClasspathFolder;
import io.auditor.model.Control;
import io.auditor.model.Device;
import io.auditor.model.InputProblem;
import io.auditor.model.InvalidInputException;
import io.auditor.model.Role;
import io.auditor.rules.RuleMetadata.Origin;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieContainer;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.ConsequenceException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The compiled rule pack: the built-in controls plus a school's own rule folders. */
public final class RulePack {
    /** Classpath folder holding one sub-folder per built-in control: {@code <ID>/<ID>.drl}, {@code <ID>/fixtures/}. */
    public static final String BUILT_IN_FOLDER = "io/auditor/rules/controls";

    private static final Pattern PACKAGE_LINE = Pattern.compile("(?m)^\\s*package\\s+([A-Za-z_$][\\w$.]*)\\s*;?");
    private static final Pattern RULE_LINE = Pattern.compile("^\\s*rule\\s+(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"']+))");
    private static final Pattern NEAR = Pattern.compile("\\[Near : \\{\\.\\.\\.(.*?)\\.\\.\\.\\.\\}\\]");
    private static final AtomicInteger PACKS = new AtomicInteger();

    private final KieBase kieBase;
    private final List<Control> controls;
    private final Map<String, Origin> origins;
    private final List<Fixture> fixtures;

    private RulePack(KieBase kieBase, List<Control> controls, Map<String, Origin> origins, List<Fixture> fixtures) {
        this.kieBase = kieBase;
        this.controls = List.copyOf(controls);
        this.origins = Map.copyOf(origins);
        this.fixtures = List.copyOf(fixtures);
    }

    /**
     * A rule file: where the user finds it, the folder its fixtures sit in, and its text; its package and the line
     * of each of its rules are read once here, since every compiled rule is traced back to its file.
     */
    private record DrlSource(String displayPath, String home, String text, boolean builtIn, Optional<String> pkg,
                             Map<String, Integer> ruleLines) {
        DrlSource(String displayPath, String home, String text, boolean builtIn) {
            this(displayPath, home, text, builtIn, packageOf(text), RulePack.ruleLines(text));
        }
    }

    /** A rule as compiled, with where it was written. */
    private record CompiledRule(Rule rule, Origin origin, String home) {}

    /**
     * Compiles the built-in rules and every {@code .drl} under each extra folder, validates metadata and
     * fires the rule base once on an empty session (type errors show only then).
     *
     * @throws InvalidInputException naming the user's real file and line for every problem
     */
    public static RulePack load(List<Path> extraRuleDirs) throws InvalidInputException {
        List<InputProblem> problems = new ArrayList<>();
        List<DrlSource> sources = new ArrayList<>();
        Map<String, List<Fixture>> fixturesByHome = new LinkedHashMap<>();
        readBuiltIn(sources, fixturesByHome);
        for (Path dir : extraRuleDirs) readFolder(dir, sources, fixturesByHome, problems);
        if (!problems.isEmpty()) throw new InvalidInputException(problems);

        KieServices ks = KieServices.Factory.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        // A release id per pack: the KieRepository is JVM-wide, and two packs must not replace each other.
        ReleaseId releaseId = ks.newReleaseId("io.auditor.rulepack", "pack-" + PACKS.incrementAndGet(), "1.0.0");
        kfs.generateAndWritePomXML(releaseId);
        Map<String, DrlSource> byKiePath = new LinkedHashMap<>();
        for (DrlSource s : sources) {
            String pkgFolder = s.pkg().map(p -> p.replace('.', '/') + "/").orElse("");
            String fileName = s.displayPath().substring(s.displayPath().replace('\\', '/').lastIndexOf('/') + 1);
            String kiePath = "src/main/resources/" + pkgFolder + fileName;
            for (int n = 2; byKiePath.containsKey(kiePath); n++) {
                kiePath = "src/main/resources/" + pkgFolder + n + "-" + fileName;
            }
            byKiePath.put(kiePath, s);
            kfs.write(kiePath, s.text().getBytes(StandardCharsets.UTF_8));
        }
        KieBuilder builder = ks.newKieBuilder(kfs).buildAll();
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        for (Message m : errors) {
            // After a syntax error Drools adds a content-free "null Package" line for the same file; skip it.
            if (m.getText() != null && m.getText().contains("Parser returned a null Package")
                    && errors.stream().anyMatch(o -> o != m && Objects.equals(o.getPath(), m.getPath()))) continue;
            // Messages name the file relative to src/main/resources; map it back to the user's real file.
            DrlSource s = m.getPath() == null ? null : byKiePath.getOrDefault(m.getPath(),
                    byKiePath.get("src/main/resources/" + m.getPath()));
            String file = s != null ? s.displayPath() : (m.getPath() == null ? "rules" : m.getPath());
            problems.add(new InputProblem(file, Math.max(m.getLine(), 0), 0, oneLine(m.getText()),
                    "fix the rule text; DRL syntax is described in the Drools rule language reference"));
        }
        if (!problems.isEmpty()) throw new InvalidInputException(problems);

        KieContainer container = ks.newKieContainer(releaseId);
        ks.getRepository().removeKieModule(releaseId);
        KieBase kieBase = container.getKieBase();

        Map<String, List<CompiledRule>> byId = new TreeMap<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                if (rule instanceof RuleImpl impl && impl.isQuery()) continue;
                CompiledRule cr = locate(rule, sources);
                Map<String, Object> meta = rule.getMetaData();
                for (String key : new TreeSet<>(meta.keySet())) {
                    if (!RuleMetadata.KNOWN_KEYS.contains(key)) {
                        problems.add(RuleMetadata.problem(cr.origin(), "rule '" + rule.getName()
                                + "' has unknown metadata @" + key, "known metadata keys are @"
                                + String.join(", @", RuleMetadata.KNOWN_KEYS)));
                    }
                }
                String id = RuleMetadata.text(meta, RuleMetadata.ID);
                if (id == null) {
                    problems.add(RuleMetadata.problem(cr.origin(), "rule '" + rule.getName() + "' has no @id",
                            "add @id(\"AREA-NN\") naming the control the rule checks"));
                } else if (!RuleMetadata.ID_FORMAT.matcher(id).matches()) {
                    problems.add(RuleMetadata.problem(cr.origin(), "rule '" + rule.getName() + "' has @id(\"" + id
                            + "\"), which is not a control id", "control ids are capital letters, a dash and two digits, e.g. PATCH-01"));
                } else {
                    byId.computeIfAbsent(id, k -> new ArrayList<>()).add(cr);
                }
            }
        }

        List<Control> controls = new ArrayList<>();
        Map<String, Origin> origins = new LinkedHashMap<>();
        Map<String, Set<String>> controlsByHome = new LinkedHashMap<>();
        for (Map.Entry<String, List<CompiledRule>> e : byId.entrySet()) {
            String id = e.getKey();
            List<CompiledRule> rules = new ArrayList<>(e.getValue());
            rules.sort(Comparator.comparing((CompiledRule r) -> r.origin().file()).thenComparing(r -> r.origin().line()));
            boolean builtIn = rules.stream().anyMatch(r -> r.origin().builtIn());
            for (CompiledRule r : rules) {
                if (builtIn && !r.origin().builtIn()) {
                    problems.add(RuleMetadata.problem(r.origin(), "rule '" + r.rule().getName()
                            + "' redefines built-in control " + id, "give the school's control its own id, "
                            + "or tune the built-in one through the policy profile"));
                }
                controlsByHome.computeIfAbsent(r.home(), k -> new TreeSet<>()).add(id);
            }
            List<CompiledRule> describing = rules.stream()
                    .filter(r -> RuleMetadata.DESCRIBING.stream().anyMatch(k -> r.rule().getMetaData().containsKey(k)))
                    .toList();
            if (describing.isEmpty()) {
                problems.add(RuleMetadata.problem(rules.get(0).origin(), "control " + id
                        + " has no rule carrying its metadata", "put @title, @severity, @policyRefs, @scope, @needs, "
                        + "@rationale, @check and @remediation on exactly one of its rules"));
                continue;
            }
            CompiledRule first = describing.get(0);
            for (CompiledRule other : describing.subList(1, describing.size())) {
                boolean same = RuleMetadata.DESCRIBING.stream().allMatch(k -> Objects.equals(
                        RuleMetadata.text(first.rule().getMetaData(), k), RuleMetadata.text(other.rule().getMetaData(), k)));
                problems.add(RuleMetadata.problem(other.origin(), "control " + id + " has "
                        + (same ? "duplicate" : "conflicting") + " metadata on rule '" + other.rule().getName()
                        + "' (already described at " + first.origin().where() + ")",
                        "keep the metadata on one rule; the control's other rules carry only @id"));
            }
            Control control = RuleMetadata.toControl(id, first.rule().getMetaData(), first.origin(), problems);
            if (control != null) {
                controls.add(control);
                origins.put(id, first.origin());
            }
        }
        if (!problems.isEmpty()) {
            // Drools lists packages and rules in no fixed order; report in file and line order.
            problems.sort(Comparator.comparing(InputProblem::file).thenComparingInt(InputProblem::line));
            throw new InvalidInputException(problems);
        }

        tryFiring(kieBase, sources);

        List<Fixture> fixtures = new ArrayList<>();
        for (Map.Entry<String, List<Fixture>> e : fixturesByHome.entrySet()) {
            Set<String> own = controlsByHome.getOrDefault(e.getKey(), Set.of());
            for (Fixture f : e.getValue()) fixtures.add(new Fixture(f.name(), f.source(), f.text(), own));
        }
        return new RulePack(kieBase, controls, origins, fixtures);
    }

    /** Controls sorted by id. */
    public List<Control> controls() {
        return controls;
    }

    public Optional<Control> control(String id) {
        return controls.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** Ids of all controls, sorted. */
    public Set<String> controlIds() {
        Set<String> ids = new TreeSet<>();
        for (Control c : controls) ids.add(c.id());
        return ids;
    }

    /** Where the control's metadata is written: {@code file:line} (a classpath path for built-in controls). */
    public String definedAt(String controlId) {
        Origin o = origins.get(controlId);
        if (o == null) throw new IllegalArgumentException("no control " + controlId);
        return o.where();
    }

    /** True for controls shipped with the auditor, false for a school's own. */
    public boolean isBuiltIn(String controlId) {
        Origin o = origins.get(controlId);
        return o != null && o.builtIn();
    }

    /** Every fixture of the pack, built-in first, in file order. */
    public List<Fixture> fixtures() {
        return fixtures;
    }

    KieBase kieBase() {
        return kieBase;
    }

    private static void readBuiltIn(List<DrlSource> sources, Map<String, List<Fixture>> fixtures) {
        List<ClasspathFolder.Entry> entries = ClasspathFolder.read(RulePack.class.getClassLoader(), BUILT_IN_FOLDER,
                rel -> rel.endsWith(".drl") || (rel.endsWith(".yaml") && rel.contains("fixtures/")));
        for (ClasspathFolder.Entry e : entries) {
            String rel = e.relativePath();
            String display = BUILT_IN_FOLDER + "/" + rel;
            String dir = rel.contains("/") ? rel.substring(0, rel.lastIndexOf('/')) : "";
            if (rel.endsWith(".drl")) {
                sources.add(new DrlSource(display, "classpath:" + dir, e.text(), true));
            } else if (dir.endsWith("fixtures")) {
                String home = "classpath:" + (dir.contains("/") ? dir.substring(0, dir.lastIndexOf('/')) : "");
                fixtures.computeIfAbsent(home, k -> new ArrayList<>()).add(fixture(rel, display, e.text()));
            }
        }
    }

    private static void readFolder(Path dir, List<DrlSource> sources, Map<String, List<Fixture>> fixtures,
                                   List<InputProblem> problems) {
        Path root = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            problems.add(new InputProblem(root.toString(), 0, 0, "rules folder does not exist or is not a folder",
                    "pass a folder holding the school's .drl files"));
            return;
        }
        List<Path> drls;
        try (Stream<Path> walk = Files.walk(root)) {
            drls = walk.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".drl"))
                    .sorted().toList();
        } catch (IOException e) {
            problems.add(new InputProblem(root.toString(), 0, 0, "cannot list rules folder: " + e.getMessage(), ""));
            return;
        }
        if (drls.isEmpty()) {
            problems.add(new InputProblem(root.toString(), 0, 0, "no .drl files found in the rules folder",
                    "check the path, or leave the option out to use the built-in rules only"));
            return;
        }
        Set<Path> homes = new HashSet<>();
        for (Path drl : drls) {
            try {
                String text = Files.readString(drl, StandardCharsets.UTF_8);
                sources.add(new DrlSource(drl.toString(), drl.getParent().toString(), text, false));
            } catch (IOException e) {
                problems.add(new InputProblem(drl.toString(), 0, 0, "cannot read rule file: " + e.getMessage(), ""));
                continue;
            }
            Path home = drl.getParent();
            if (!homes.add(home)) continue;
            Path fixtureDir = home.resolve("fixtures");
            if (!Files.isDirectory(fixtureDir)) continue;
            try (Stream<Path> list = Files.list(fixtureDir)) {
                for (Path f : list.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList()) {
                    fixtures.computeIfAbsent(home.toString(), k -> new ArrayList<>())
                            .add(fixture(f.getFileName().toString(), f.toString(), Files.readString(f, StandardCharsets.UTF_8)));
                }
            } catch (IOException e) {
                problems.add(new InputProblem(fixtureDir.toString(), 0, 0, "cannot read fixtures: " + e.getMessage(), ""));
            }
        }
    }

    private static Fixture fixture(String rel, String display, String text) {
        String file = rel.substring(rel.lastIndexOf('/') + 1);
        return new Fixture(file.substring(0, file.length() - ".yaml".length()), display, text, Set.of());
    }

    static Optional<String> packageOf(String drl) {
        Matcher m = PACKAGE_LINE.matcher(drl);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** Finds the file and line a compiled rule came from by its package and name. */
    private static CompiledRule locate(Rule rule, List<DrlSource> sources) {
        for (DrlSource s : sources) {
            if (!s.pkg().orElse("defaultpkg").equals(rule.getPackageName())) continue;
            Integer line = s.ruleLines().get(rule.getName());
            if (line != null) return new CompiledRule(rule, new Origin(s.displayPath(), line, s.builtIn()), s.home());
        }
        return new CompiledRule(rule, new Origin("rules (package " + rule.getPackageName() + ")", 0, false), "");
    }

    /** The line of each rule's {@code rule} keyword, by rule name (the first, should a name repeat). */
    static Map<String, Integer> ruleLines(String text) {
        Map<String, Integer> out = new HashMap<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = RULE_LINE.matcher(lines[i]);
            if (!m.find()) continue;
            String name = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
            out.putIfAbsent(name, i + 1);
        }
        return out;
    }

    /**
     * Some type errors compile and fail only when a rule first runs, so run the rule base once — on an empty
     * session and on one device of every role without facts — before any device is contacted.
     */
    private static void tryFiring(KieBase kieBase, List<DrlSource> sources) throws InvalidInputException {
        List<Device> sample = new ArrayList<>();
        for (Role r : Role.values()) {
            sample.add(new Device("rule-check-" + r.yamlName(), Set.of(r), "rule-check", null, null, null, false));
        }
        for (List<Device> devices : List.of(List.<Device>of(), sample)) {
            KieSession session = kieBase.newKieSession();
            try {
                session.setGlobal("findings", new Findings());
                session.setGlobal("profile", ProfileLoader.defaults());
                devices.forEach(session::insert);
                session.fireAllRules();
            } catch (RuntimeException e) {
                throw new InvalidInputException(runtimeProblem(e, kieBase, sources));
            } finally {
                session.dispose();
            }
        }
    }

    private static InputProblem runtimeProblem(RuntimeException e, KieBase kieBase, List<DrlSource> sources) {
        Rule rule = e instanceof ConsequenceException ce ? ce.getRule() : null;
        String text = String.valueOf(e.getMessage());
        if (rule == null) {
            // Constraint failures name the rule only in their message; find the rule whose name appears there.
            outer:
            for (KiePackage pkg : kieBase.getKiePackages()) {
                for (Rule r : pkg.getRules()) {
                    for (Throwable t = e; t != null; t = t.getCause()) {
                        if (t.getMessage() != null && t.getMessage().contains(r.getName())) {
                            rule = r;
                            break outer;
                        }
                    }
                }
            }
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String cause = root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + oneLine(root.getMessage()));
        if (rule == null) {
            // MVEL quotes the failing condition ("[Near : {... port == "abc" ....}]"); find it in the sources.
            Matcher near = NEAR.matcher(text);
            String condition = near.find() ? near.group(1).trim() : null;
            String file = "rules";
            int line = 0;
            for (DrlSource s : condition == null || condition.isEmpty() ? List.<DrlSource>of() : sources) {
                String[] lines = s.text().split("\n", -1);
                for (int i = 0; i < lines.length && line == 0; i++) {
                    if (lines[i].contains(condition)) {
                        file = s.displayPath();
                        line = i + 1;
                    }
                }
                if (line > 0) break;
            }
            String what = condition == null ? "the rules fail when run" : "the condition '" + condition + "' fails when run";
            return new InputProblem(file, line, 0, what + ": " + cause,
                    "check the types compared in the condition (for example a number compared with a text)");
        }
        Origin o = locate(rule, sources).origin();
        return new InputProblem(o.file(), o.line(), 0, "rule '" + rule.getName() + "' fails when run: " + cause,
                "check the types compared in the rule's conditions and the code in its then block");
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
