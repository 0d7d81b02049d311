package io.auditor.rules.yaml;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML value that remembers where it was written, so validation errors can name file, line and column.
 * Built by {@link YamlReader}; plain immutable data.
 */
public sealed interface YamlNode permits YamlNode.Scalar, YamlNode.Mapping, YamlNode.Sequence {
    String file();

    int line();

    int column();

    /** A human word for the node's kind, used in "expected a list, found a text" messages. */
    String kind();

    /** A problem located at this node. */
    default io.auditor.model.InputProblem problem(String message, String hint) {
        return new io.auditor.model.InputProblem(file(), line(), column(), message, hint);
    }

    record Scalar(String file, int line, int column, String text, boolean isNull) implements YamlNode {
        /** True when the value is written and not blank. */
        public boolean hasText() { return !isNull && text != null && !text.isBlank(); }

        public String kind() { return isNull ? "nothing" : "a value"; }
    }

    /** A key is itself located, so "unknown key" errors point at the key. */
    record Mapping(String file, int line, int column, Map<Scalar, YamlNode> entries) implements YamlNode {
        public Mapping {
            entries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }

        public String kind() { return "a mapping (key: value)"; }

        public YamlNode get(String key) {
            for (Map.Entry<Scalar, YamlNode> e : entries.entrySet()) {
                if (e.getKey().text().equals(key)) return e.getValue();
            }
            return null;
        }

        public Scalar keyNode(String key) {
            for (Scalar k : entries.keySet()) if (k.text().equals(key)) return k;
            return null;
        }
    }

    record Sequence(String file, int line, int column, List<YamlNode> items) implements YamlNode {
        public Sequence {
            items = List.copyOf(items);
        }

        public String kind() { return "a list"; }
    }
}
