package io.auditor.collect;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The parsers on the classpath, found with {@link ServiceLoader} ({@code META-INF/services/io.auditor.collect.Parser}),
 * by {@link Parser#id()}. Adding a parser means adding a class and a line to that file.
 */
public final class Parsers {
    private final Map<String, Parser> byId;

    private Parsers(Map<String, Parser> byId) {
        this.byId = Collections.unmodifiableMap(new TreeMap<>(byId));
    }

    /** The parsers installed with the collectors. Throws IllegalStateException when two share an id. */
    public static Parsers installed() {
        return Installed.PARSERS;
    }

    public static Parsers load(ClassLoader loader) {
        Map<String, Parser> byId = new TreeMap<>();
        for (Parser p : ServiceLoader.load(Parser.class, loader)) {
            Parser previous = byId.put(p.id(), p);
            if (previous != null) {
                throw new IllegalStateException("two parsers have the id '" + p.id() + "': "
                        + previous.getClass().getName() + " and " + p.getClass().getName());
            }
        }
        return new Parsers(byId);
    }

    /** Exactly these parsers (tests, embedders). */
    public static Parsers of(Parser... parsers) {
        Map<String, Parser> byId = new TreeMap<>();
        for (Parser p : parsers) {
            if (byId.put(p.id(), p) != null) throw new IllegalArgumentException("two parsers have the id '" + p.id() + "'");
        }
        return new Parsers(byId);
    }

    public Optional<Parser> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Parser ids, sorted. */
    public java.util.Set<String> ids() {
        return byId.keySet();
    }

    private static final class Installed {
        static final Parsers PARSERS = load(Parsers.class.getClassLoader());
    }
}
