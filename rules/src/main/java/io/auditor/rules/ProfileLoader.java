package io.auditor.rules;

import io.auditor.model.InputProblem;
import io.auditor.model.InvalidInputException;
import io.auditor.model.PolicyProfile;
import io.auditor.rules.yaml.Spelling;
import io.auditor.rules.yaml.YamlNode;
import io.auditor.rules.yaml.YamlReader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Objects;

/** Loads a policy profile YAML and validates it against the rule pack's declared parameters. */
public final class ProfileLoader {
    static final String PARAMETERS_RESOURCE = "io/auditor/rules/parameters.yaml";
    private static final String BUILT_IN_NAME = "built-in defaults";
    private static volatile List<Parameter> declared;

    private ProfileLoader() {}

    /** The declared defaults, named {@code built-in defaults}. */
    public static PolicyProfile defaults() {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Parameter p : parameters()) values.put(p.key(), p.defaultValue());
        return new PolicyProfile(BUILT_IN_NAME, "", values);
    }

    public static PolicyProfile load(Path file) throws InvalidInputException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InvalidInputException(new InputProblem(file.toString(), 0, 0,
                    "cannot read profile (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")",
                    "check the path; relative paths are resolved from the inventory file's folder"));
        }
        YamlNode root = YamlReader.read(file.toString(), new String(bytes, StandardCharsets.UTF_8));
        return fromYaml(root, file.getFileName().toString(), sha256(bytes));
    }

    /**
     * Validates a profile document (or a fixture's {@code profile:} overrides) and merges it over the defaults.
     *
     * @param defaultName used when the document has no {@code name:}
     */
    public static PolicyProfile fromYaml(YamlNode root, String defaultName, String sha256) throws InvalidInputException {
        List<InputProblem> problems = new ArrayList<>();
        if (!(root instanceof YamlNode.Mapping map)) {
            throw new InvalidInputException(root.problem("a profile is a mapping (key: value), found " + root.kind(),
                    "write for example  patch: { maxAgeDays: 21 }"));
        }
        String name = defaultName;
        Map<String, Object> values = new LinkedHashMap<>();
        for (Parameter p : parameters()) values.put(p.key(), p.defaultValue());
        for (Map.Entry<YamlNode.Scalar, YamlNode> e : map.entries().entrySet()) {
            if (e.getKey().text().equals("name")) {
                if (e.getValue() instanceof YamlNode.Scalar s && s.hasText()) name = s.text();
                else problems.add(e.getValue().problem("name must be a text, found " + e.getValue().kind(), ""));
                continue;
            }
            flatten(e.getKey(), e.getKey().text(), e.getValue(), values, problems);
        }
        if (!problems.isEmpty()) throw new InvalidInputException(problems);
        return new PolicyProfile(name, sha256, values);
    }

    /** The declared parameters, in declaration order. */
    public static List<Parameter> parameters() {
        List<Parameter> p = declared;
        if (p == null) {
            p = readDeclared();
            declared = p;
        }
        return p;
    }

    private static void flatten(YamlNode.Scalar keyNode, String key, YamlNode value, Map<String, Object> values,
                                List<InputProblem> problems) {
        Parameter param = parameter(key);
        if (param == null) {
            boolean isPrefix = parameters().stream().anyMatch(p -> p.key().startsWith(key + "."));
            if (isPrefix && value instanceof YamlNode.Mapping m) {
                for (Map.Entry<YamlNode.Scalar, YamlNode> e : m.entries().entrySet()) {
                    flatten(e.getKey(), key + "." + e.getKey().text(), e.getValue(), values, problems);
                }
            } else if (isPrefix) {
                problems.add(value.problem("'" + key + "' holds settings, found " + value.kind(),
                        "write its keys beneath it: " + String.join(", ", parameters().stream().map(Parameter::key)
                                .filter(k -> k.startsWith(key + ".")).map(k -> k.substring(key.length() + 1)).toList())));
            } else {
                problems.add(keyNode.problem("unknown profile key '" + key + "'", suggestion(key)));
            }
            return;
        }
        Object v = convert(param, value, problems);
        if (v != null) values.put(key, v);
    }

    /** Converts a YAML value to the parameter's type; null (with a problem added) when it does not fit. */
    static Object convert(Parameter p, YamlNode value, List<InputProblem> problems) {
        String expected = "'" + p.key() + "' must be " + p.type().expected();
        switch (p.type()) {
            case LIST -> {
                if (!(value instanceof YamlNode.Sequence seq)) {
                    problems.add(value.problem(expected + ", found " + value.kind(), "write [a, b] or one '- a' per line"));
                    return null;
                }
                List<String> items = new ArrayList<>();
                for (YamlNode item : seq.items()) {
                    if (item instanceof YamlNode.Scalar s && s.hasText()) items.add(s.text());
                    else problems.add(item.problem(expected + "; this item is " + item.kind(), ""));
                }
                return List.copyOf(items);
            }
            case INTEGER, TEXT, FLAG -> {
                if (!(value instanceof YamlNode.Scalar s) || s.isNull()) {
                    problems.add(value.problem(expected + ", found " + value.kind(), ""));
                    return null;
                }
                String t = s.text().trim();
                if (p.type() == Parameter.Type.TEXT) return s.text();
                if (p.type() == Parameter.Type.FLAG) {
                    if (t.equals("true")) return Boolean.TRUE;
                    if (t.equals("false")) return Boolean.FALSE;
                    problems.add(value.problem(expected + ", found '" + t + "'", "write true or false"));
                    return null;
                }
                if (!t.matches("[+-]?\\d{1,9}")) {
                    problems.add(value.problem(expected + ", found '" + t + "'",
                            p.unit() == null || p.unit().isBlank() ? "" : "write a number of " + p.unit()));
                    return null;
                }
                int n = Integer.parseInt(t);
                if (n < 0) {
                    problems.add(value.problem(expected + ", found " + n, "a negative number has no meaning here"));
                    return null;
                }
                return n;
            }
        }
        throw new IllegalStateException("unreachable");
    }

    private static Parameter parameter(String key) {
        for (Parameter p : parameters()) if (p.key().equals(key)) return p;
        return null;
    }

    private static String suggestion(String key) {
        List<String> keys = parameters().stream().map(Parameter::key).toList();
        // A key written under the wrong section (maxAgeDays under backup) is found by its last part.
        String last = key.substring(key.lastIndexOf('.') + 1);
        Optional<String> best = keys.stream()
                .filter(k -> k.substring(k.lastIndexOf('.') + 1).equalsIgnoreCase(last)).findFirst()
                .or(() -> Spelling.nearest(key, keys));
        String known = "known keys are " + String.join(", ", keys);
        return best.map(b -> "did you mean " + b + "? " + known).orElse(known);
    }


    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Reads the built-in declarations; a mistake there is a defect of the auditor, not of user input. */
    private static List<Parameter> readDeclared() {
        String text;
        try (InputStream in = Objects.requireNonNull(ProfileLoader.class.getClassLoader()
                .getResourceAsStream(PARAMETERS_RESOURCE), PARAMETERS_RESOURCE)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            YamlNode root = YamlReader.read(PARAMETERS_RESOURCE, text);
            List<Parameter> out = new ArrayList<>();
            List<InputProblem> problems = new ArrayList<>();
            YamlNode.Sequence list = (YamlNode.Sequence) ((YamlNode.Mapping) root).get("parameters");
            for (YamlNode n : list.items()) {
                YamlNode.Mapping m = (YamlNode.Mapping) n;
                String key = scalar(m, "key");
                String typeWord = scalar(m, "type");
                Parameter.Type type = Arrays.stream(Parameter.Type.values()).filter(t -> t.word().equals(typeWord))
                        .findFirst().orElseThrow(() -> new IllegalStateException(key + ": unknown type " + typeWord));
                Parameter shape = new Parameter(key, type, null, scalar(m, "unit"), scalar(m, "description"));
                Object def = convert(shape, m.get("default"), problems);
                if (!problems.isEmpty()) throw new InvalidInputException(problems);
                out.add(new Parameter(key, type, def, shape.unit(), shape.description()));
            }
            return List.copyOf(out);
        } catch (InvalidInputException | RuntimeException e) {
            throw new IllegalStateException("built-in " + PARAMETERS_RESOURCE + " is broken: " + e.getMessage(), e);
        }
    }

    private static String scalar(YamlNode.Mapping m, String key) {
        YamlNode n = m.get(key);
        return n instanceof YamlNode.Scalar s && !s.isNull() ? s.text() : null;
    }
}
