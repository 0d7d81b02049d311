package io.auditor.rules;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.auditor.model.PolicyProfile;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Software releases against the profile and the shipped end-of-support table, for FW-04 and PATCH-03.
 *
 * <ul>
 *   <li>{@code firmware.minimumVersions}: entries {@code PRODUCT=VERSION}; PRODUCT is a case-insensitive glob on the
 *       product a device reports ({@code Cisco IOS}, {@code AIR-CT3504*}); the first matching entry applies.</li>
 *   <li>{@code controls/PATCH-03/end-of-support.yaml}: rows of product glob, version line, end date and source;
 *       {@code support.endOfSupport} entries {@code PRODUCT | VERSION-LINE | YYYY-MM-DD} come first, so a school
 *       can add products or correct a date without editing the table.</li>
 * </ul>
 */
public final class Releases {
    private Releases() {}

    public static final String TABLE = "io/auditor/rules/controls/PATCH-03/end-of-support.yaml";

    /** One row of the end-of-support table. */
    public record EndOfSupport(String product, String versionLine, LocalDate ends, String source) {
        /** Support ends at the end of that day (UTC). */
        public boolean pastOn(Instant when) {
            return when.isAfter(ends.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusNanos(1));
        }

        public String describe() {
            String line = versionLine.equals("*") || versionLine.isEmpty() ? "" : " " + versionLine;
            return product + line + " (support ends " + ends + ", " + source + ")";
        }
    }

    /** The minimum version the profile sets for {@code product}, or null when it sets none. */
    public static String minimum(PolicyProfile profile, String product) {
        if (product == null) return null;
        for (String entry : profile.list("firmware.minimumVersions")) {
            int eq = entry.lastIndexOf('=');
            if (eq <= 0 || eq == entry.length() - 1) continue;
            if (ProfileList.globMatches(entry.substring(0, eq).strip(), product)) return entry.substring(eq + 1).strip();
        }
        return null;
    }

    /** True when the profile sets a minimum for the product and the version is older. */
    public static boolean belowMinimum(PolicyProfile profile, String product, String version) {
        String min = minimum(profile, product);
        return min != null && version != null && Versions.below(version, min);
    }

    /** The end-of-support row for this release, or null when neither the profile nor the table lists it. */
    public static EndOfSupport endOfSupport(PolicyProfile profile, String product, String version) {
        if (product == null || version == null) return null;
        for (EndOfSupport row : profileRows(profile)) {
            if (ProfileList.globMatches(row.product(), product) && Versions.inLine(version, row.versionLine())) return row;
        }
        for (EndOfSupport row : Table.ROWS) {
            if (ProfileList.globMatches(row.product(), product) && Versions.inLine(version, row.versionLine())) return row;
        }
        return null;
    }

    public static boolean supportEnded(PolicyProfile profile, String product, String version, Instant when) {
        EndOfSupport row = endOfSupport(profile, product, version);
        return row != null && when != null && row.pastOn(when);
    }

    public static boolean supported(PolicyProfile profile, String product, String version, Instant when) {
        EndOfSupport row = endOfSupport(profile, product, version);
        return row != null && when != null && !row.pastOn(when);
    }

    /** The shipped table (for docs and tests). */
    public static List<EndOfSupport> table() {
        return Table.ROWS;
    }

    static List<EndOfSupport> profileRows(PolicyProfile profile) {
        List<EndOfSupport> rows = new ArrayList<>();
        for (String entry : profile.list("support.endOfSupport")) {
            String[] p = entry.split("\\|");
            if (p.length != 3) continue;
            try {
                rows.add(new EndOfSupport(p[0].strip(), p[1].strip(), LocalDate.parse(p[2].strip()), "school profile"));
            } catch (DateTimeParseException e) {
                // ProfileLoader accepted the text; a malformed date is explained by the rule as "not in the table".
            }
        }
        return rows;
    }

    private static final class Table {
        static final List<EndOfSupport> ROWS = load();
    }

    static List<EndOfSupport> load() {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try (InputStream in = Releases.class.getClassLoader().getResourceAsStream(TABLE)) {
            if (in == null) throw new IllegalStateException(TABLE + " is missing");
            File f = yaml.readValue(in, File.class);
            List<EndOfSupport> rows = new ArrayList<>();
            for (int i = 0; i < f.endOfSupport.size(); i++) {
                Row r = f.endOfSupport.get(i);
                if (r.product == null || r.versions == null || r.ends == null || r.source == null) {
                    throw new IllegalStateException(TABLE + ": row " + (i + 1) + " needs product, versions, ends and source");
                }
                rows.add(new EndOfSupport(r.product, r.versions, LocalDate.parse(r.ends), r.source));
            }
            return List.copyOf(rows);
        } catch (IOException | DateTimeParseException e) {
            throw new IllegalStateException(TABLE + ": " + e.getMessage(), e);
        }
    }

    private static final class File {
        @JsonProperty List<Row> endOfSupport;
    }

    private static final class Row {
        @JsonProperty String product;
        @JsonProperty String versions;
        @JsonProperty String ends;
        @JsonProperty String source;
        @JsonProperty String note;
    }
}
