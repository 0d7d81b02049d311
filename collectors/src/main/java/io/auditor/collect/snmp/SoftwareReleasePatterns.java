package io.auditor.collect.snmp;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Vendor sysDescr patterns ({@code io/auditor/collect/snmp/releases.yaml}): the first whose regular expression finds a
 * match gives the product and, from the named group {@code version}, the release. Data, so a vendor is added
 * without code.
 */
public final class SoftwareReleasePatterns {
    public static final String RESOURCE = "io/auditor/collect/snmp/releases.yaml";

    /** A product and its version, as found in a description. */
    public record Release(String product, String version) {}

    private record Entry(String product, Pattern pattern) {}

    private final List<Entry> entries;

    private SoftwareReleasePatterns(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    public static SoftwareReleasePatterns builtIn() {
        return BuiltIn.PATTERNS;
    }

    public Optional<Release> match(String description) {
        for (Entry e : entries) {
            Matcher m = e.pattern.matcher(description);
            if (m.find()) return Optional.of(new Release(e.product, m.group("version")));
        }
        return Optional.empty();
    }

    private static final class BuiltIn {
        static final SoftwareReleasePatterns PATTERNS = load();
    }

    static SoftwareReleasePatterns load() {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try (InputStream in = SoftwareReleasePatterns.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException(RESOURCE + " is missing");
            File f = yaml.readValue(in, File.class);
            List<Entry> out = new ArrayList<>();
            for (int i = 0; i < f.releases.size(); i++) {
                Row r = f.releases.get(i);
                String at = RESOURCE + ": release " + (i + 1);
                if (r.product == null || r.pattern == null) throw new IllegalStateException(at + ": needs product and pattern");
                Pattern p;
                try {
                    p = Pattern.compile(r.pattern);
                } catch (PatternSyntaxException e) {
                    throw new IllegalStateException(at + ": bad pattern: " + e.getDescription());
                }
                if (!r.pattern.contains("(?<version>")) throw new IllegalStateException(at + ": pattern needs a (?<version>…) group");
                out.add(new Entry(r.product, p));
            }
            return new SoftwareReleasePatterns(out);
        } catch (IOException e) {
            throw new IllegalStateException(RESOURCE + ": " + e.getMessage(), e);
        }
    }

    private static final class File {
        @JsonProperty List<Row> releases;
    }

    private static final class Row {
        @JsonProperty String product;
        @JsonProperty String pattern;
        @JsonProperty String example;
    }
}
