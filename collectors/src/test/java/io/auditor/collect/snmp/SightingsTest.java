package io.auditor.collect.snmp;

import io.auditor.collect.DeviceCollection;
import io.auditor.model.Device;
import io.auditor.model.DeviceOutcome;
import io.auditor.model.Observation;
import io.auditor.model.Role;
import io.auditor.model.facts.DeviceSighting;
import io.auditor.model.facts.Fact;
import io.auditor.model.facts.NetworkInterface;
import io.auditor.model.facts.NetworkNeighbour;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** This run's sightings: a device answering, or its address, MAC or name in another device's tables. */
class SightingsTest {
    static final Instant T = Instant.parse("2026-11-20T02:00:00Z");

    static Device device(String id, String address) {
        return new Device(id, Set.of(Role.SERVER), "debian", address, null, null, false);
    }

    static DeviceCollection collection(String id, boolean reachable, List<Fact> facts, List<Observation> obs) {
        return new DeviceCollection(new DeviceOutcome(id, reachable, List.of(), Map.of(), Set.of()), facts, obs);
    }

    @Test
    void answeringAndAppearingInTablesAreSightingsButTheDeviceItselfIsNot() {
        Device sw = device("sw-core", "10.20.0.2");
        Device srv = device("srv-mis", "10.20.1.20");
        Device lt = device("lt-201", "10.20.11.201");
        Device ap = device("ap-03", null);
        Device off = device("ws-off", "10.20.10.9");
        List<Fact> swFacts = List.of(
                new NetworkNeighbour("sw-core", "arp", "arp", "10.20.11.201", "f4:8e:38:20:12:01", "Vlan20", null, T),
                new NetworkNeighbour("sw-core", "arp", "arp", "10.20.0.2", null, "Vlan10", null, T),
                new NetworkNeighbour("sw-core", "lldp", "lldp", null, "aa:bb:cc:00:00:03", "Gi1/0/3", null, T),
                new NetworkNeighbour("sw-core", "lldp", "lldp", null, null, "Gi1/0/4", "SRV-MIS", T));
        List<DeviceCollection> cs = new ArrayList<>(List.of(
                collection("sw-core", true, swFacts, List.of(new Observation("sw-core", "arp", "walk", "", null, T, 1, false))),
                collection("srv-mis", false, List.of(), List.of()),
                collection("lt-201", false, List.of(), List.of()),
                collection("ap-03", true, List.of(new NetworkInterface("ap-03", "interfaces", 1, "eth0", "aa:bb:cc:00:00:03", true, true)), List.of()),
                collection("ws-off", false, List.of(), List.of())));
        List<DeviceSighting> s = Sightings.derive(List.of(sw, srv, lt, ap, off), cs);
        assertEquals(List.of(
                new DeviceSighting("sw-core", Sightings.ANSWERED, T),
                new DeviceSighting("lt-201", "arp table of sw-core", T),
                new DeviceSighting("ap-03", "lldp table of sw-core", T),
                new DeviceSighting("srv-mis", "lldp table of sw-core", T)), s);
    }

    @Test
    void factsWithSightingKeepsTheAnswerWhenObservationsAreDropped() {
        Device d = device("srv-mis", "10.20.1.20");
        DeviceCollection c = collection("srv-mis", true, List.of(), List.of(
                new Observation("srv-mis", "b", "x", "", 0, T.plusSeconds(5), 1, false),
                new Observation("srv-mis", "a", "x", "", 0, T, 1, false)));
        assertEquals(List.of(new DeviceSighting("srv-mis", Sightings.ANSWERED, T)), Sightings.factsWithSighting(d, c));
        assertEquals(List.of(), Sightings.factsWithSighting(d, collection("srv-mis", false, List.of(), List.of())));
    }
}
