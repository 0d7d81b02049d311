package io.auditor.collect;

import java.util.Optional;
import java.util.Set;

/** The platforms the collectors understand, loaded from {@code io/auditor/collect/platforms/*.yaml}. */
public final class PlatformCatalog {
    public static PlatformCatalog builtIn() {
        throw new UnsupportedOperationException("TODO");
    }

    public Optional<Platform> find(String name) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Sorted platform names, for "unknown platform, expected one of …" messages. */
    public Set<String> names() {
        throw new UnsupportedOperationException("TODO");
    }
}
