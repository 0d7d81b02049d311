package io.auditor.collect.snmp;

import io.auditor.collect.DeviceCollection;
import io.auditor.model.Device;
import io.auditor.model.Observation;
import io.auditor.model.facts.DeviceSighting;
import io.auditor.model.facts.Fact;
import io.auditor.model.facts.NetworkInterface;
import io.auditor.model.facts.NetworkNeighbour;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * This run's sightings of inventory devices, for INV-02: a device that answered its probes, and a device whose
 * address, interface MAC or LLDP system name appears in another device's ARP or LLDP table (so a laptop that was
 * switched off at scan time but on the network during the day still counts as seen).
 */
public final class Sightings {
    /** The source of a sighting made by the device answering its own probes. */
    public static final String ANSWERED = "answered its probes";

    private Sightings() {}

    /** The device answered its probes: a sighting at its first observation, when there was one. */
    public static Optional<DeviceSighting> answered(Device d, DeviceCollection c) {
        if (c == null || !c.outcome().reachable()) return Optional.empty();
        Instant first = null;
        for (Observation o : c.observations()) {
            if (o.observedAt() != null && (first == null || o.observedAt().isBefore(first))) first = o.observedAt();
        }
        return first == null ? Optional.empty() : Optional.of(new DeviceSighting(d.id(), ANSWERED, first));
    }

    /** The collection's facts plus its {@link #answered} sighting, for callers that drop the raw observations. */
    public static List<Fact> factsWithSighting(Device d, DeviceCollection c) {
        Optional<DeviceSighting> s = answered(d, c);
        if (s.isEmpty()) return c.facts();
        List<Fact> facts = new ArrayList<>(c.facts());
        facts.add(s.get());
        return facts;
    }

    /** @param collections in the same order as {@code devices}; null entries are skipped */
    public static List<DeviceSighting> derive(List<Device> devices, List<DeviceCollection> collections) {
        Map<String, DeviceSighting> out = new LinkedHashMap<>();
        Map<String, String> byAddress = new HashMap<>();
        Map<String, String> byMac = new HashMap<>();
        Map<String, String> byName = new HashMap<>();
        for (int i = 0; i < devices.size(); i++) {
            Device d = devices.get(i);
            if (d.address() != null) byAddress.put(d.address().strip().toLowerCase(Locale.ROOT), d.id());
            byName.put(d.id().toLowerCase(Locale.ROOT), d.id());
            DeviceCollection c = i < collections.size() ? collections.get(i) : null;
            if (c == null) continue;
            for (Fact f : c.facts()) {
                if (f instanceof NetworkInterface n && n.macAddress() != null) byMac.putIfAbsent(n.macAddress(), d.id());
            }
            // Present when the caller kept the observations; otherwise it added them with factsWithSighting.
            answered(d, c).ifPresent(s -> out.put(d.id() + "\u0000answered", s));
        }
        for (int i = 0; i < devices.size(); i++) {
            DeviceCollection c = i < collections.size() ? collections.get(i) : null;
            if (c == null) continue;
            for (Fact f : c.facts()) {
                if (!(f instanceof NetworkNeighbour n) || n.observedAt() == null) continue;
                String seen = null;
                if (n.ipAddress() != null) seen = byAddress.get(n.ipAddress().toLowerCase(Locale.ROOT));
                if (seen == null && n.macAddress() != null) seen = byMac.get(n.macAddress());
                if (seen == null && n.remoteName() != null) seen = byName.get(n.remoteName().toLowerCase(Locale.ROOT));
                if (seen == null || seen.equals(n.deviceId())) continue;
                String source = n.kind() + " table of " + n.deviceId();
                out.putIfAbsent(seen + "\u0000" + source, new DeviceSighting(seen, source, n.observedAt()));
            }
        }
        return new ArrayList<>(out.values());
    }
}
