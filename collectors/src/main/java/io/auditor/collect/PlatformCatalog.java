package io.auditor.collect;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.auditor.model.ClasspathFolder;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The platforms the collectors understand, loaded from {@code io/auditor/collect/platforms/*.yaml}.
 *
 * <p>A platform file holds {@code name} (equal to the file name), {@code description}, {@code transport}
 * ({@code ssh} or {@code snmp}) and {@code probes}, each with {@code id}, {@code topic}, {@code command},
 * {@code parser} and {@code description}. A platform whose probes are the same as another's says
 * {@code probesFrom: <name>} instead of repeating them; a platform that differs in a few probes names the base's
 * probes it does not run in {@code exceptProbes} and lists its own in {@code probes} (one with a base probe's id
 * replaces it in place, new ones follow the base's). Adding a platform means adding a file.
 */
public final class PlatformCatalog {
    /** Classpath folder of the built-in platform files. */
    public static final String FOLDER = "io/auditor/collect/platforms";

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");
    private static final Set<String> TRANSPORTS = Set.of("ssh", "snmp");

    private final Map<String, Platform> platforms;

    /** @param platforms by name, sorted (a {@link TreeMap} of the caller's own) */
    private PlatformCatalog(Map<String, Platform> platforms) {
        this.platforms = Collections.unmodifiableMap(platforms);
    }

    /** The platforms shipped with the auditor. Throws IllegalStateException if a platform file is malformed. */
    public static PlatformCatalog builtIn() {
        return BuiltIn.CATALOG;
    }

    /** A catalog of the given platforms (tests, embedders). Names must be unique. */
    public static PlatformCatalog of(Collection<Platform> platforms) {
        Map<String, Platform> byName = new TreeMap<>();
        for (Platform p : platforms) {
            validate("platform " + p.name(), p.name(), p.description(), p.transport(), p.probes());
            if (byName.put(p.name(), p) != null) {
                throw new IllegalArgumentException("platform '" + p.name() + "' is declared twice");
            }
        }
        return new PlatformCatalog(byName);
    }

    public Optional<Platform> find(String name) {
        return Optional.ofNullable(name == null ? null : platforms.get(name));
    }

    /** Sorted platform names, for "unknown platform, expected one of …" messages. */
    public Set<String> names() {
        return platforms.keySet();
    }

    /** All platforms, sorted by name. */
    public List<Platform> platforms() {
        return List.copyOf(platforms.values());
    }

    private static final class BuiltIn {
        static final PlatformCatalog CATALOG = load(PlatformCatalog.class.getClassLoader(), FOLDER);
    }

    /** Loads every {@code *.yaml} file directly under {@code folder}. */
    static PlatformCatalog load(ClassLoader loader, String folder) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        Map<String, PlatformFile> files = new LinkedHashMap<>();
        for (ClasspathFolder.Entry e : ClasspathFolder.read(loader, folder,
                rel -> rel.endsWith(".yaml") && !rel.contains("/"))) {
            String where = folder + "/" + e.relativePath();
            PlatformFile f;
            try {
                f = yaml.readValue(e.bytes(), PlatformFile.class);
            } catch (IOException ex) {
                throw new IllegalStateException(where + ": " + ex.getMessage(), ex);
            }
            if (f == null) throw new IllegalStateException(where + ": empty platform file");
            String expected = e.relativePath().substring(0, e.relativePath().length() - ".yaml".length());
            if (!expected.equals(f.name)) {
                throw new IllegalStateException(where + ": name '" + f.name + "' must equal the file name '"
                        + expected + "'");
            }
            if (f.exceptProbes != null && f.probesFrom == null) {
                throw new IllegalStateException(where + ": exceptProbes needs probesFrom (the platform whose probes it leaves out)");
            }
            if (f.probes == null && f.probesFrom == null) {
                throw new IllegalStateException(where + ": probes is missing (write probes: [] for none yet)");
            }
            files.put(f.name, f);
        }
        Map<String, Platform> platforms = new TreeMap<>(); // names are unique: each equals its file's name
        for (PlatformFile f : files.values()) {
            List<Probe> probes;
            if (f.probesFrom != null) {
                PlatformFile base = files.get(f.probesFrom);
                if (base == null || base.probes == null) {
                    throw new IllegalStateException(folder + "/" + f.name + ".yaml: probesFrom '" + f.probesFrom
                            + "' must name a platform that declares its own probes");
                }
                probes = inherit(folder + "/" + f.name + ".yaml", base.probes, f);
            } else {
                probes = f.probes;
            }
            // Validated before the record is built: Platform copies its probes, which an empty entry would fail.
            validate(folder + "/" + f.name + ".yaml", f.name, f.description, f.transport, probes);
            platforms.put(f.name, new Platform(f.name, f.description, f.transport, probes));
        }
        return new PlatformCatalog(platforms);
    }

    /** The base's probes without {@code exceptProbes}, each replaced by the platform's own of the same id, then the rest of its own. */
    private static List<Probe> inherit(String where, List<Probe> base, PlatformFile f) {
        Set<String> baseIds = new HashSet<>();
        for (Probe p : base) if (p != null) baseIds.add(p.id());
        Set<String> except = new HashSet<>(f.exceptProbes == null ? List.of() : f.exceptProbes);
        for (String id : except) {
            if (!baseIds.contains(id)) {
                throw new IllegalStateException(where + ": exceptProbes names '" + id + "', which is not a probe of '"
                        + f.probesFrom + "'");
            }
        }
        Map<String, Probe> own = new LinkedHashMap<>();
        List<Probe> unnamed = new ArrayList<>();
        for (Probe p : f.probes == null ? List.<Probe>of() : f.probes) {
            // Invalid entries (no id, a repeated id) are kept so that validate() names them.
            if (p == null || p.id() == null || own.containsKey(p.id())) unnamed.add(p);
            else own.put(p.id(), p);
        }
        List<Probe> merged = new ArrayList<>();
        for (Probe p : base) {
            if (p == null || except.contains(p.id())) continue;
            Probe replacement = own.remove(p.id());
            merged.add(replacement != null ? replacement : p);
        }
        merged.addAll(own.values());
        merged.addAll(unnamed);
        return merged;
    }

    private static void validate(String where, String name, String description, String transport, List<Probe> probes) {
        List<String> problems = new ArrayList<>();
        if (name == null || !NAME.matcher(name).matches()) {
            problems.add("name '" + name + "' must be lower-case letters, digits and '-'");
        }
        if (blank(description)) problems.add("description is missing");
        if (transport == null || !TRANSPORTS.contains(transport)) { // Set.of(…).contains(null) throws
            problems.add("transport '" + transport + "' must be one of " + new TreeSet<>(TRANSPORTS));
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < probes.size(); i++) {
            Probe probe = probes.get(i);
            String at = "probe " + (i + 1) + (probe == null || blank(probe.id()) ? "" : " '" + probe.id() + "'");
            if (probe == null) {
                problems.add(at + " is empty");
                continue;
            }
            if (blank(probe.id()) || !NAME.matcher(probe.id()).matches()) {
                problems.add(at + ": id must be lower-case letters, digits and '-' (it names the capture file)");
            } else if (!ids.add(probe.id())) {
                problems.add(at + ": id is used twice");
            }
            if (blank(probe.topic()) || !NAME.matcher(probe.topic()).matches()) problems.add(at + ": topic is missing");
            if (blank(probe.command())) problems.add(at + ": command is missing");
            if (blank(probe.parser())) problems.add(at + ": parser is missing");
            if (blank(probe.description())) problems.add(at + ": description is missing");
            for (String role : probe.roles()) {
                if (io.auditor.model.Role.fromYamlName(role).isEmpty()) problems.add(at + ": unknown role '" + role + "'");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException(where + ": " + String.join("; ", problems));
        }
    }

    private static boolean blank(String s) { return s == null || s.isBlank(); }

    /** The YAML shape of a platform file. */
    private static final class PlatformFile {
        @JsonProperty(required = true) String name;
        @JsonProperty(required = true) String description;
        @JsonProperty(required = true) String transport;
        @JsonProperty List<Probe> probes;
        @JsonProperty String probesFrom;
        @JsonProperty List<String> exceptProbes;
    }
}
