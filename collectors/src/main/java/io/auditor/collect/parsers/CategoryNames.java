package io.auditor.collect.parsers;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Maps a filter product's category names to the profile's neutral names, from the data file
 * {@code io/auditor/collect/webfilter/categories.yaml}. A name the file does not know stays the product's own,
 * prefixed {@code product:}.
 */
final class CategoryNames {
    static final String RESOURCE = "io/auditor/collect/webfilter/categories.yaml";
    private static final Map<String, String> NEUTRAL = load();

    private CategoryNames() {}

    /** The neutral name of a product category, or {@code product:<name>} when the data file has none. */
    static String neutral(String productCategory) {
        String key = productCategory.strip().toLowerCase(Locale.ROOT);
        String n = NEUTRAL.get(key);
        return n != null ? n : "product:" + key;
    }

    private static Map<String, String> load() {
        try (InputStream in = CategoryNames.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            File file = new ObjectMapper(new YAMLFactory()).readValue(in, File.class);
            Map<String, String> out = new HashMap<>();
            for (Map.Entry<String, List<String>> e : file.categories.entrySet()) {
                for (String alias : e.getValue()) {
                    String previous = out.put(alias.toLowerCase(Locale.ROOT), e.getKey());
                    if (previous != null && !previous.equals(e.getKey())) {
                        throw new IllegalStateException(RESOURCE + ": '" + alias + "' maps to both " + previous
                                + " and " + e.getKey());
                    }
                }
                out.put(e.getKey().toLowerCase(Locale.ROOT), e.getKey());
            }
            return Map.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException(RESOURCE + ": " + e.getMessage(), e);
        }
    }

    /** The data file's shape. */
    private static final class File {
        public Map<String, List<String>> categories = Map.of();
    }
}
