package io.auditor.collect.snmp;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.auditor.model.ClasspathFolder;
import io.auditor.model.facts.Fact;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The vendor OID maps shipped in {@code io/auditor/collect/snmp/maps/*.yaml}. A file holds {@code name} (equal to
 * the file name), {@code description}, {@code fact}, {@code table} and {@code columns}: a list of
 * {@code {field, oid, values}}. A malformed file fails loading with the file and what is wrong.
 */
public final class OidMaps {
    public static final String FOLDER = "io/auditor/collect/snmp/maps";
    static final String FACT_PACKAGE = "io.auditor.model.facts.";
    /** Set by the parser itself, never by a column. */
    private static final Set<String> RESERVED = Set.of("deviceId", "source");

    private final Map<String, OidMap> maps;

    private OidMaps(Map<String, OidMap> maps) {
        this.maps = Collections.unmodifiableMap(maps);
    }

    public static OidMaps builtIn() {
        return BuiltIn.MAPS;
    }

    public Optional<OidMap> find(String name) {
        return Optional.ofNullable(maps.get(name));
    }

    public Set<String> names() {
        return maps.keySet();
    }

    private static final class BuiltIn {
        static final OidMaps MAPS = load(OidMaps.class.getClassLoader(), FOLDER);
    }

    static OidMaps load(ClassLoader loader, String folder) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        Map<String, OidMap> maps = new TreeMap<>();
        for (ClasspathFolder.Entry e : ClasspathFolder.read(loader, folder,
                rel -> rel.endsWith(".yaml") && !rel.contains("/"))) {
            String where = folder + "/" + e.relativePath();
            MapFile f;
            try {
                f = yaml.readValue(e.bytes(), MapFile.class);
            } catch (IOException ex) {
                throw new IllegalStateException(where + ": " + ex.getMessage(), ex);
            }
            String expected = e.relativePath().substring(0, e.relativePath().length() - ".yaml".length());
            OidMap map = validate(f, expected, where);
            maps.put(map.name(), map);
        }
        return new OidMaps(maps);
    }

    private static OidMap validate(MapFile f, String expected, String where) {
        if (f == null) throw new IllegalStateException(where + ": empty OID map file");
        List<String> problems = new ArrayList<>();
        if (!expected.equals(f.name)) problems.add("name '" + f.name + "' must equal the file name '" + expected + "'");
        if (f.description == null || f.description.isBlank()) problems.add("description is missing");
        if (f.table == null || f.table.isBlank()) problems.add("table is missing");
        Set<String> components = Set.of();
        try {
            Class<?> cls = Class.forName(FACT_PACKAGE + f.fact);
            if (!cls.isRecord() || !Fact.class.isAssignableFrom(cls)) throw new ClassNotFoundException(f.fact);
            components = Arrays.stream(cls.getRecordComponents()).map(java.lang.reflect.RecordComponent::getName)
                    .collect(Collectors.toSet());
        } catch (ClassNotFoundException | RuntimeException ex) {
            problems.add("fact '" + f.fact + "' is not a fact record of " + FACT_PACKAGE.substring(0, FACT_PACKAGE.length() - 1));
        }
        List<OidMap.Column> columns = new ArrayList<>();
        if (f.columns == null || f.columns.isEmpty()) problems.add("columns is missing");
        else {
            for (int i = 0; i < f.columns.size(); i++) {
                ColumnFile c = f.columns.get(i);
                String at = "column " + (i + 1);
                if (c == null || c.field == null || c.oid == null) {
                    problems.add(at + ": needs field and oid");
                    continue;
                }
                String oid = SnmpCommand.numericOid(c.oid);
                if (oid == null) problems.add(at + ": oid '" + c.oid + "' is not numeric");
                if (RESERVED.contains(c.field)) problems.add(at + ": field '" + c.field + "' is set by the auditor");
                else if (!components.isEmpty() && !components.contains(c.field)) {
                    problems.add(at + ": " + f.fact + " has no field '" + c.field + "'; it has "
                            + String.join(", ", new java.util.TreeSet<>(components)));
                }
                columns.add(new OidMap.Column(c.field, oid, c.values));
            }
        }
        if (!problems.isEmpty()) throw new IllegalStateException(where + ": " + String.join("; ", problems));
        return new OidMap(f.name, f.description, f.fact, f.table, columns);
    }

    private static final class MapFile {
        @JsonProperty String name;
        @JsonProperty String description;
        @JsonProperty String fact;
        @JsonProperty String table;
        @JsonProperty String source;
        @JsonProperty List<ColumnFile> columns;
    }

    private static final class ColumnFile {
        @JsonProperty String field;
        @JsonProperty String oid;
        @JsonProperty Map<String, String> values;
        @JsonProperty String name;
    }
}
