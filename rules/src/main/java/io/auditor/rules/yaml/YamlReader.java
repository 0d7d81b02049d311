package io.auditor.rules.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.auditor.model.InputProblem;
import io.auditor.model.InvalidInputException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a YAML document into {@link YamlNode}s with positions, using Jackson's streaming YAML parser
 * (Jackson's tree model drops positions). Rejects duplicate keys, which YAML tools silently resolve.
 */
public final class YamlReader {
    // "key:" with nothing after it means no value (as in YAML), not an empty text.
    private static final YAMLFactory FACTORY = YAMLFactory.builder()
            .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL).build();

    private YamlReader() {}

    public static YamlNode read(Path path) throws InvalidInputException {
        String display = path.toString();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new InvalidInputException(new InputProblem(display, 0, 0,
                    "cannot read file (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")",
                    "check the path; relative paths are resolved from the inventory file's folder"));
        }
        return read(display, new String(bytes, StandardCharsets.UTF_8));
    }

    public static YamlNode read(String displayName, String text) throws InvalidInputException {
        List<InputProblem> problems = new ArrayList<>();
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new InvalidInputException(new InputProblem(displayName, 1, 1, "the file is empty",
                        "write the document's keys; see the README for an example"));
            }
            YamlNode root = readValue(p, displayName, problems);
            if (!problems.isEmpty()) throw new InvalidInputException(problems);
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            String msg = e.getOriginalMessage();
            int nl = msg.indexOf('\n');
            if (nl > 0) msg = msg.substring(0, nl);
            throw new InvalidInputException(new InputProblem(displayName, loc == null ? 0 : loc.getLineNr(),
                    loc == null ? 0 : loc.getColumnNr(), "not valid YAML: " + msg,
                    "check indentation, colons and quotes near this line"));
        } catch (IOException e) {
            throw new InvalidInputException(new InputProblem(displayName, 0, 0, "cannot read: " + e.getMessage(), ""));
        }
    }

    private static YamlNode readValue(JsonParser p, String file, List<InputProblem> problems) throws IOException {
        JsonLocation loc = p.currentTokenLocation();
        int line = loc.getLineNr();
        int col = loc.getColumnNr();
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                Map<YamlNode.Scalar, YamlNode> entries = new LinkedHashMap<>();
                Map<String, YamlNode.Scalar> seen = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    JsonLocation kl = p.currentTokenLocation();
                    String name = p.currentName();
                    YamlNode.Scalar key = new YamlNode.Scalar(file, kl.getLineNr(), kl.getColumnNr(), name, false);
                    p.nextToken();
                    YamlNode value = readValue(p, file, problems);
                    YamlNode.Scalar earlier = seen.get(name);
                    if (earlier != null) {
                        problems.add(new InputProblem(file, key.line(), key.column(),
                                "key '" + name + "' is written twice (first at line " + earlier.line() + ")",
                                "keep one of them"));
                        continue;
                    }
                    seen.put(name, key);
                    entries.put(key, value);
                }
                return new YamlNode.Mapping(file, line, col, entries);
            }
            case START_ARRAY -> {
                List<YamlNode> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) items.add(readValue(p, file, problems));
                return new YamlNode.Sequence(file, line, col, items);
            }
            case VALUE_NULL -> {
                return new YamlNode.Scalar(file, line, col, null, true);
            }
            default -> {
                return new YamlNode.Scalar(file, line, col, p.getText(), false);
            }
        }
    }
}
