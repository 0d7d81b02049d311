package io.auditor.rules;

/**
 * A threshold or list the rules read from the profile, declared with its default in {@code parameters.yaml}.
 *
 * @param key          dotted key, e.g. {@code patch.maxAgeDays}
 * @param defaultValue Integer, String, Boolean or List of String, as {@link #type()} says
 */
public record Parameter(String key, Type type, Object defaultValue, String unit, String description) {
    public enum Type {
        INTEGER("integer", "a whole number, zero or more"),
        TEXT("text", "a text"),
        FLAG("flag", "true or false"),
        LIST("list", "a list of texts, e.g. [a, b]");

        private final String word;
        private final String expected;

        Type(String word, String expected) {
            this.word = word;
            this.expected = expected;
        }

        public String word() { return word; }

        /** What a value of this type looks like, for "expected …" messages. */
        public String expected() { return expected; }
    }
}
