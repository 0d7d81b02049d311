package io.auditor.rules;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.auditor.model.ControlResult;
import io.auditor.model.Device;
import io.auditor.model.DeviceOutcome;
import io.auditor.model.InputProblem;
import io.auditor.model.InvalidInputException;
import io.auditor.model.PolicyProfile;
import io.auditor.model.Role;
import io.auditor.model.Status;
import io.auditor.model.Waiver;
import io.auditor.model.facts.Fact;
import io.auditor.rules.yaml.YamlNode;
import io.auditor.rules.yaml.YamlReader;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Runs the fixtures kept beside the rules: each fixture describes a tiny estate and the results it must give.
 * The whole pack is evaluated; a fixture fails on a missing or different expected result, and on any result of
 * its own control(s) it did not expect.
 */
public final class FixtureRunner {
    static final List<String> KEYS = List.of("description", "asOf", "profile", "waivers", "devices", "facts",
            "outcomes", "expect");
    private static final List<String> DEVICE_KEYS = List.of("id", "roles", "platform", "backup", "address");
    private static final List<String> EXPECTATION_KEYS = List.of("control", "device", "status", "evidenceContains");
    static final String FACT_PACKAGE = "io.auditor.model.facts.";
    /** File-name prefixes (each followed by a dash) and the status each announces, in the order messages list them. */
    static final Map<String, Status> NAME_PREFIXES = prefixes();

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    private final RulePack pack;
    private final RuleEngine engine;

    public FixtureRunner(RulePack pack) {
        this.pack = pack;
        this.engine = new RuleEngine(pack);
    }

    public List<FixtureOutcome> runAll() {
        List<FixtureOutcome> out = new ArrayList<>();
        for (Fixture f : pack.fixtures()) out.add(run(f));
        return out;
    }

    /** An expected result, as written in the fixture. */
    private record Expectation(String control, String device, Status status, String evidenceContains, int line) {}

    public FixtureOutcome run(Fixture fixture) {
        List<String> failures = new ArrayList<>();
        String description = "";
        boolean invalid = false;
        try {
            YamlNode root = YamlReader.read(fixture.source(), fixture.text());
            if (!(root instanceof YamlNode.Mapping m)) {
                throw new InvalidInputException(root.problem("a fixture is a mapping, found " + root.kind(),
                        "keys: " + String.join(", ", KEYS)));
            }
            description = readFixture(fixture, m, failures);
        } catch (InvalidInputException e) {
            invalid = true;
            for (InputProblem p : e.problems()) failures.add(p.format());
        }
        return new FixtureOutcome(fixture, description, failures, invalid);
    }

    private String readFixture(Fixture fixture, YamlNode.Mapping m, List<String> failures) throws InvalidInputException {
        List<InputProblem> problems = new ArrayList<>();
        unknownKeys(m, "fixture", KEYS, problems);
        for (String key : List.of("description", "asOf", "devices", "expect")) {
            if (m.get(key) == null) problems.add(m.problem("fixture has no '" + key + "'", ""));
        }
        if (!problems.isEmpty()) throw new InvalidInputException(problems);

        String description = scalar(m.get("description"), "description", problems);
        LocalDate asOf = null;
        String asOfText = scalar(m.get("asOf"), "asOf", problems);
        try {
            if (asOfText != null) asOf = LocalDate.parse(asOfText);
        } catch (DateTimeParseException e) {
            problems.add(m.get("asOf").problem("asOf must be a date YYYY-MM-DD, found '" + asOfText + "'", ""));
        }
        List<Device> devices = devices(m.get("devices"), problems);
        Set<String> deviceIds = new LinkedHashSet<>();
        for (Device d : devices) deviceIds.add(d.id());
        List<Fact> facts = m.get("facts") == null ? List.of() : facts(m.get("facts"), deviceIds, problems);
        Map<String, DeviceOutcome> outcomes = m.get("outcomes") == null ? Map.of()
                : outcomes(m.get("outcomes"), deviceIds, problems);
        List<Expectation> expected = expectations(m.get("expect"), problems);
        if (!problems.isEmpty()) throw new InvalidInputException(problems);

        PolicyProfile profile = m.get("profile") == null ? ProfileLoader.defaults()
                : ProfileLoader.fromYaml(m.get("profile"), "fixture " + fixture.name(), "");
        List<Waiver> waivers = m.get("waivers") == null ? List.of()
                : WaiverLoader.fromYaml(m.get("waivers"), pack.controlIds(), deviceIds);

        checkName(fixture, expected, failures);
        EvaluationResult result = engine.evaluate(new Evaluation(devices, facts, outcomes, profile, waivers, asOf));
        compare(fixture, expected, result.results(), failures);
        return description;
    }

    private static void checkName(Fixture fixture, List<Expectation> expected, List<String> failures) {
        Status announced = null;
        for (Map.Entry<String, Status> e : NAME_PREFIXES.entrySet()) {
            if (fixture.name().startsWith(e.getKey() + "-")) {
                announced = e.getValue();
                break;
            }
        }
        if (announced == null) {
            failures.add(fixture.source() + ": the file name must start with the status it shows: "
                    + String.join("-, ", NAME_PREFIXES.keySet()) + "-");
            return;
        }
        Status s = announced;
        boolean shown = expected.stream().anyMatch(x -> x.status() == s
                && (fixture.ownControls().isEmpty() || fixture.ownControls().contains(x.control())));
        if (!shown) {
            failures.add(fixture.source() + ": the name announces " + s + " but no expected result of "
                    + (fixture.ownControls().isEmpty() ? "the fixture" : String.join(", ", fixture.ownControls()))
                    + " has that status");
        }
    }

    private static void compare(Fixture fixture, List<Expectation> expected, List<ControlResult> results,
                                List<String> failures) {
        Set<String> matched = new HashSet<>();
        for (Expectation x : expected) {
            String where = fixture.source() + ":" + x.line() + ": ";
            ControlResult r = results.stream()
                    .filter(c -> c.control().id().equals(x.control()) && c.deviceId().equals(x.device()))
                    .findFirst().orElse(null);
            if (r == null) {
                failures.add(where + "expected " + x.control() + " on " + x.device() + " to be " + x.status()
                        + ", but there is no result (unknown control, or device not in the control's scope)");
                continue;
            }
            matched.add(x.control() + "\u0000" + x.device());
            if (r.status() != x.status()) {
                failures.add(where + "expected " + x.control() + " on " + x.device() + " to be " + x.status()
                        + ", got " + r.status() + ": " + r.evidenceText());
            } else if (x.evidenceContains() != null && !r.evidenceText().contains(x.evidenceContains())) {
                failures.add(where + x.control() + " on " + x.device() + " is " + r.status() + " as expected, but its"
                        + " evidence does not contain '" + x.evidenceContains() + "': " + r.evidenceText());
            }
        }
        for (ControlResult r : results) {
            if (!fixture.ownControls().contains(r.control().id())) continue;
            if (matched.contains(r.control().id() + "\u0000" + r.deviceId())) continue;
            failures.add(fixture.source() + ": unexpected result " + r.control().id() + " on " + r.deviceId() + " = "
                    + r.status() + ": " + r.evidenceText() + " (add it to expect:)");
        }
    }

    private static List<Device> devices(YamlNode node, List<InputProblem> problems) {
        List<Device> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (YamlNode item : items(node, "devices", problems)) {
            if (!(item instanceof YamlNode.Mapping d)) {
                problems.add(item.problem("a device is a mapping {id, roles, platform}", ""));
                continue;
            }
            unknownKeys(d, "device", DEVICE_KEYS, problems);
            String id = scalar(d.get("id"), "id", problems);
            String platform = d.get("platform") == null ? "fixture" : scalar(d.get("platform"), "platform", problems);
            Set<Role> roles = new LinkedHashSet<>();
            for (YamlNode r : items(d.get("roles"), "roles", problems)) {
                String name = scalar(r, "role", problems);
                if (name == null) continue;
                Role.fromYamlName(name).ifPresentOrElse(roles::add,
                        () -> problems.add(r.problem("unknown role '" + name + "'", "")));
            }
            boolean backupRequired = false;
            if (d.get("backup") != null) {
                String b = scalar(d.get("backup"), "backup", problems);
                if ("required".equals(b)) backupRequired = true;
                else problems.add(d.get("backup").problem("backup must be 'required', found '" + b + "'", ""));
            }
            if (id != null && !ids.add(id)) problems.add(d.problem("device '" + id + "' is listed twice", ""));
            if (id != null && platform != null) {
                // address: INV-01 matches the addresses in network devices' ARP tables against the inventory's.
                String address = d.get("address") == null ? null : scalar(d.get("address"), "address", problems);
                out.add(new Device(id, roles, platform, address, null, null, backupRequired));
            }
        }
        return out;
    }

    private static List<Fact> facts(YamlNode node, Set<String> deviceIds, List<InputProblem> problems) {
        List<Fact> out = new ArrayList<>();
        for (YamlNode item : items(node, "facts", problems)) {
            if (!(item instanceof YamlNode.Mapping f) || f.entries().size() != 1) {
                problems.add(item.problem("a fact is written as  - TypeName: {field: value, …}",
                        "for example  - UpdateStatus: {deviceId: srv-01, source: apt, …}"));
                continue;
            }
            Map.Entry<YamlNode.Scalar, YamlNode> e = f.entries().entrySet().iterator().next();
            String type = e.getKey().text();
            Class<?> cls;
            try {
                cls = Class.forName(FACT_PACKAGE + type);
                if (!Fact.class.isAssignableFrom(cls)) throw new ClassNotFoundException(type);
            } catch (ClassNotFoundException ex) {
                problems.add(e.getKey().problem("unknown fact type '" + type + "'",
                        "use a record of " + FACT_PACKAGE.substring(0, FACT_PACKAGE.length() - 1) + ", e.g. UpdateStatus"));
                continue;
            }
            try {
                Fact fact = (Fact) JSON.convertValue(plain(e.getValue()), cls);
                if (!deviceIds.contains(fact.deviceId())) {
                    problems.add(e.getValue().problem(type + " is for device '" + fact.deviceId()
                            + "', which the fixture's devices do not list", ""));
                    continue;
                }
                out.add(fact);
            } catch (IllegalArgumentException ex) {
                problems.add(e.getValue().problem("cannot read " + type + ": " + firstLine(ex),
                        "field names are the record's components"));
            }
        }
        return out;
    }

    private static Map<String, DeviceOutcome> outcomes(YamlNode node, Set<String> deviceIds, List<InputProblem> problems) {
        Map<String, DeviceOutcome> out = new LinkedHashMap<>();
        if (!(node instanceof YamlNode.Mapping m)) {
            problems.add(node.problem("outcomes is a mapping of device id to outcome", ""));
            return out;
        }
        for (Map.Entry<YamlNode.Scalar, YamlNode> e : m.entries().entrySet()) {
            String id = e.getKey().text();
            if (!deviceIds.contains(id)) {
                problems.add(e.getKey().problem("outcome for unknown device '" + id + "'", ""));
                continue;
            }
            Object plain = plain(e.getValue());
            if (!(plain instanceof Map<?, ?> given)) {
                problems.add(e.getValue().problem("an outcome is a mapping {reachable, errors, "
                        + "topicProblems, providedTopics}", ""));
                continue;
            }
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("deviceId", id);
            fields.put("reachable", "true");
            fields.put("errors", List.of());
            fields.put("topicProblems", Map.of());
            fields.put("providedTopics", List.of());
            given.forEach((k, v) -> fields.put(String.valueOf(k), v));
            try {
                out.put(id, JSON.convertValue(fields, DeviceOutcome.class));
            } catch (IllegalArgumentException ex) {
                problems.add(e.getValue().problem("cannot read outcome: " + firstLine(ex), ""));
            }
        }
        return out;
    }

    private static List<Expectation> expectations(YamlNode node, List<InputProblem> problems) {
        List<Expectation> out = new ArrayList<>();
        for (YamlNode item : items(node, "expect", problems)) {
            if (!(item instanceof YamlNode.Mapping x)) {
                problems.add(item.problem("an expectation is {control, device, status, evidenceContains?}", ""));
                continue;
            }
            unknownKeys(x, "expectation", EXPECTATION_KEYS, problems);
            String control = scalar(x.get("control"), "control", problems);
            String device = scalar(x.get("device"), "device", problems);
            String statusText = scalar(x.get("status"), "status", problems);
            String evidence = x.get("evidenceContains") == null ? null
                    : scalar(x.get("evidenceContains"), "evidenceContains", problems);
            Status status = null;
            if (statusText != null) {
                try {
                    status = Status.valueOf(statusText.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
                } catch (IllegalArgumentException e) {
                    problems.add(x.get("status").problem("unknown status '" + statusText + "'",
                            "use PASS, GAP, NOT_ASSESSED, WAIVED or NOT_APPLICABLE"));
                }
            }
            if (control != null && device != null && status != null) {
                out.add(new Expectation(control, device, status, evidence, x.line()));
            }
        }
        return out;
    }

    private static void unknownKeys(YamlNode.Mapping m, String what, List<String> known, List<InputProblem> problems) {
        for (YamlNode.Scalar key : m.entries().keySet()) {
            if (!known.contains(key.text())) {
                problems.add(key.problem("unknown " + what + " key '" + key.text() + "'",
                        "known keys are " + String.join(", ", known)));
            }
        }
    }

    /** Jackson's binding messages go on to quote the input over several lines; the first says what is wrong. */
    private static String firstLine(Exception e) {
        String msg = String.valueOf(e.getMessage());
        int nl = msg.indexOf('\n');
        return nl > 0 ? msg.substring(0, nl) : msg;
    }

    private static List<YamlNode> items(YamlNode node, String what, List<InputProblem> problems) {
        if (node == null) return List.of();
        if (node instanceof YamlNode.Sequence s) return s.items();
        problems.add(node.problem(what + " must be a list, found " + node.kind(), ""));
        return List.of();
    }

    private static String scalar(YamlNode node, String what, List<InputProblem> problems) {
        if (node instanceof YamlNode.Scalar s && s.hasText()) return s.text();
        if (node == null) return null;
        problems.add(node.problem(what + " must be a text, found " + node.kind(), ""));
        return null;
    }

    /** The located tree as plain maps, lists and strings, for Jackson to bind onto the fact records. */
    static Object plain(YamlNode node) {
        if (node instanceof YamlNode.Scalar s) return s.isNull() ? null : s.text();
        if (node instanceof YamlNode.Sequence s) {
            List<Object> out = new ArrayList<>();
            for (YamlNode i : s.items()) out.add(plain(i));
            return out;
        }
        YamlNode.Mapping m = (YamlNode.Mapping) node;
        Map<String, Object> out = new LinkedHashMap<>();
        m.entries().forEach((k, v) -> out.put(k.text(), plain(v)));
        return out;
    }

    private static Map<String, Status> prefixes() {
        Map<String, Status> m = new LinkedHashMap<>();
        m.put("not-assessed", Status.NOT_ASSESSED);
        m.put("not-applicable", Status.NOT_APPLICABLE);
        m.put("pass", Status.PASS);
        m.put("gap", Status.GAP);
        m.put("waived", Status.WAIVED);
        return m;
    }
}
