package io.auditor.collect.parsers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.auditor.collect.Text;
import io.auditor.collect.UnrecognisedOutputException;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * JSON as restic and Windows PowerShell's {@code ConvertTo-Json} print it. PowerShell quirks handled here:
 * a one-element result is a bare object rather than an array; Windows PowerShell 5.1 writes dates as
 * {@code "\/Date(<epoch ms>)\/"} (UTC), PowerShell 7 as ISO-8601 strings; a date with extended type data is an
 * object whose {@code value} holds the date.
 */
final class Json {
    private Json() {}

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /** {@code /Date(ms)/}, optionally with the {@code ±hhmm} suffix some .NET serialisers add (ms are UTC). */
    private static final Pattern MS_DATE = Pattern.compile("/Date\\((-?\\d{1,15})([+-]\\d{4})?\\)/");

    /** Before this a date is a "never" sentinel such as .NET's DateTime.MinValue (year 1). */
    private static final Instant SENTINEL_BEFORE = Instant.parse("1900-01-01T00:00:00Z");

    /** Parses the whole output as one JSON document; null when the output is blank. */
    static JsonNode read(String output) throws UnrecognisedOutputException {
        String s = Text.stripBom(output == null ? "" : output);
        if (s.isBlank()) return null;
        try {
            return MAPPER.readTree(s);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNr());
            throw new UnrecognisedOutputException("not valid JSON: " + firstLine(e.getOriginalMessage()), line);
        }
    }

    /** An array's elements, or a lone object as a one-element list (ConvertTo-Json unwraps single results). */
    static List<JsonNode> objects(JsonNode node, String what) throws UnrecognisedOutputException {
        List<JsonNode> out = new ArrayList<>();
        if (node == null || node.isNull()) return out;
        if (node.isObject()) {
            out.add(node);
            return out;
        }
        if (!node.isArray()) throw new UnrecognisedOutputException("expected " + what + " as a JSON object or array", 0);
        int i = 0;
        for (JsonNode n : node) {
            i++;
            if (!n.isObject()) throw new UnrecognisedOutputException(what + " " + i + " is not a JSON object", 0);
            out.add(n);
        }
        return out;
    }

    /**
     * The objects of a PowerShell list (array, lone object, or none when the output is blank); a bare value such as
     * {@code 42} or {@code null} is not understood.
     */
    static List<JsonNode> list(String output, String plural, String what) throws UnrecognisedOutputException {
        JsonNode root = read(output);
        if (root != null && !root.isContainerNode()) {
            throw new UnrecognisedOutputException("expected " + plural + " as JSON, found " + Text.quote(root.toString()), 0);
        }
        return objects(root, what);
    }

    /**
     * The one result object of a PowerShell {@code command} piped to ConvertTo-Json (bare, or alone in an array),
     * with the named fields present.
     */
    static JsonNode single(String output, String command, String... fields) throws UnrecognisedOutputException {
        JsonNode root = read(output);
        if (root == null) throw new UnrecognisedOutputException("no output; expected " + command + " as JSON", 0);
        String what = command + " result";
        List<JsonNode> objects = objects(root, what);
        if (objects.size() != 1) {
            throw new UnrecognisedOutputException("expected one " + what + ", found " + objects.size(), 0);
        }
        JsonNode result = objects.get(0);
        require(result, what, fields);
        return result;
    }

    /** Requires the named fields to be present (their values may be null). */
    static void require(JsonNode obj, String what, String... fields) throws UnrecognisedOutputException {
        List<String> missing = new ArrayList<>();
        for (String f : fields) if (!obj.has(f)) missing.add(f);
        if (!missing.isEmpty()) {
            throw new UnrecognisedOutputException(what + " has no " + String.join(", ", missing), 0);
        }
    }

    /** A string field; null when absent or null; numbers and booleans as their text. */
    static String text(JsonNode obj, String field) throws UnrecognisedOutputException {
        JsonNode n = obj.get(field);
        if (n == null || n.isNull()) return null;
        if (n.isValueNode()) return n.asText();
        throw new UnrecognisedOutputException(field + " is not a single value", 0);
    }

    /** A boolean field; null when absent or null. Accepts JSON booleans only. */
    static Boolean bool(JsonNode obj, String field) throws UnrecognisedOutputException {
        JsonNode n = obj.get(field);
        if (n == null || n.isNull()) return null;
        if (n.isBoolean()) return n.booleanValue();
        throw new UnrecognisedOutputException(field + " is " + n + ", not true or false", 0);
    }

    /** A whole number of zero or more; null when absent or null. */
    static Integer count(JsonNode obj, String field) throws UnrecognisedOutputException {
        JsonNode n = obj.get(field);
        if (n == null || n.isNull()) return null;
        if (!n.isIntegralNumber() || !n.canConvertToInt() || n.intValue() < 0) {
            throw new UnrecognisedOutputException(field + " is " + n + ", not a count", 0);
        }
        return n.intValue();
    }

    /** A list of strings from an array, a lone string or null. */
    static List<String> strings(JsonNode obj, String field) throws UnrecognisedOutputException {
        JsonNode n = obj.get(field);
        List<String> out = new ArrayList<>();
        if (n == null || n.isNull()) return out;
        if (n.isValueNode()) {
            out.add(n.asText());
            return out;
        }
        if (!n.isArray()) throw new UnrecognisedOutputException(field + " is not a list", 0);
        for (JsonNode e : n) {
            if (e.isNull()) continue;
            if (!e.isValueNode()) throw new UnrecognisedOutputException(field + " holds " + e + ", not text", 0);
            out.add(e.asText());
        }
        return out;
    }

    /** A date field in either PowerShell form; null when absent or null. */
    static Instant date(JsonNode obj, String field) throws UnrecognisedOutputException {
        JsonNode n = obj.get(field);
        if (n != null && n.isObject() && n.has("value")) n = n.get("value");
        if (n == null || n.isNull()) return null;
        if (!n.isTextual()) throw new UnrecognisedOutputException(field + " is " + n + ", not a date", 0);
        String s = n.asText().strip();
        if (s.isEmpty()) return null;
        Matcher m = MS_DATE.matcher(s);
        if (m.matches()) return Instant.ofEpochMilli(Long.parseLong(m.group(1)));
        try {
            return iso(s);
        } catch (DateTimeParseException e) {
            throw new UnrecognisedOutputException(field + " " + Text.quote(s)
                    + " is neither \\/Date(ms)\\/ nor an ISO-8601 date", 0);
        }
    }

    /** ISO-8601 with offset or Z; without one (PowerShell 7, DateTimeKind.Unspecified) taken as UTC. */
    static Instant iso(String s) {
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
        }
    }

    /** True for "never" placeholders such as DateTime.MinValue (year 1). */
    static boolean isSentinel(Instant t) {
        return t != null && t.isBefore(SENTINEL_BEFORE);
    }

    private static String firstLine(String s) {
        if (s == null) return "";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
