package io.auditor.collect;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A kind of device the collectors understand, with its probes. Loaded from
 * {@code io/auditor/collect/platforms/<name>.yaml}.
 *
 * @param transport {@code ssh} or {@code snmp}
 */
public record Platform(String name, String description, String transport, List<Probe> probes) {
    public Platform {
        probes = List.copyOf(probes);
    }

    public Set<String> topics() {
        Set<String> t = new LinkedHashSet<>();
        for (Probe p : probes) t.add(p.topic());
        return t;
    }
}
