package io.auditor.samples.sim;

import io.auditor.collect.DeviceCollection;
import io.auditor.collect.DeviceCollector;
import io.auditor.collect.DeviceSession;
import io.auditor.collect.Platform;
import io.auditor.collect.PlatformCatalog;
import io.auditor.collect.Probe;
import io.auditor.collect.snmp.SnmpLimits;
import io.auditor.collect.snmp.SnmpTransport;
import io.auditor.model.Credential;
import io.auditor.model.Device;
import io.auditor.model.Observation;
import io.auditor.model.Role;
import io.auditor.model.facts.Fact;
import io.auditor.model.facts.ManagementService;
import io.auditor.model.facts.NetworkNeighbour;
import io.auditor.model.facts.SoftwareRelease;
import io.auditor.model.facts.WirelessNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.VariableBinding;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The in-process SNMP4J agent serving recorded walks, scanned by the real transport: the live text equals the
 * sample estate's captures, and misbehaving agents (looping OIDs, huge tables, silence) are bounded and reported.
 */
@Timeout(60)
class SimulatedSnmpAgentTest {
    static final Path SAMPLES = Path.of(System.getProperty("user.dir"));
    static final SnmpLimits LIMITS = SnmpLimits.DEFAULTS.withRequestTimeout(Duration.ofMillis(500), 1)
            .withCommunityTimeout(Duration.ofMillis(300));
    static final Credential RO = new Credential("ro", "snmp", null, Map.of("version", "2c", "communityEnv", "T_COMMUNITY"));

    static SnmpTransport transport(SnmpLimits limits) {
        return new SnmpTransport(Map.of("ro", RO), limits, Map.of("T_COMMUNITY", "sim-ro")::get, Clock.systemUTC());
    }

    static Device device(String id, Role role, String platform, int port) {
        return new Device(id, Set.of(role), platform, "127.0.0.1", port, "ro", false);
    }

    @Test
    void liveWalksOfTheRecordedSwitchEqualTheSampleCaptures() throws Exception {
        for (String id : List.of("sw-core", "sw-edge", "wlc-01")) {
            Platform platform = PlatformCatalog.builtIn().find(id.equals("wlc-01") ? "cisco-aireos" : "snmp-generic").orElseThrow();
            Device d = device(id, id.equals("wlc-01") ? Role.WIRELESS : Role.SWITCH, platform.name(), 0);
            try (SimulatedSnmpAgent agent = SimulatedSnmpAgent.fromWalk(SAMPLES.resolve("walks/" + id + ".walk"), "sim-ro");
                 DeviceSession s = transport(LIMITS).open(device(id, Role.SWITCH, platform.name(), agent.port()))) {
                int compared = 0;
                for (Probe p : platform.probes()) {
                    if (!p.appliesTo(d) || p.command().equals("default-communities")) continue;
                    Observation o = s.run(p);
                    String capture = Files.readString(SAMPLES.resolve("estate/captures/" + id + "/" + p.id() + ".txt"),
                            StandardCharsets.UTF_8);
                    assertEquals(capture, o.output(), id + "/" + p.id());
                    compared++;
                }
                assertTrue(compared >= 5, id + ": " + compared);
            }
        }
    }

    @Test
    void recordedSwitchGivesNeighboursReleaseAndManagementPorts() throws Exception {
        try (SimulatedSnmpAgent agent = SimulatedSnmpAgent.fromWalk(SAMPLES.resolve("walks/sw-edge.walk"), "sim-ro")) {
            DeviceCollection c = new DeviceCollector(PlatformCatalog.builtIn())
                    .collect(device("sw-edge", Role.SWITCH, "snmp-generic", agent.port()), transport(LIMITS));
            assertTrue(c.outcome().reachable(), c.outcome().errors()::toString);
            assertEquals(Map.of(), c.outcome().topicProblems());
            List<Fact> f = c.facts();
            assertTrue(f.contains(new SoftwareRelease("sw-edge", "system", "Cisco IOS", "15.2(7)E4")), f::toString);
            assertTrue(f.contains(new SoftwareRelease("sw-edge", "entity", "WS-C2960X-48FPD-L", "15.2(7)E4")), f::toString);
            assertTrue(f.stream().anyMatch(x -> x instanceof ManagementService m && m.protocol().equals("telnet") && m.port() == 23));
            assertTrue(f.stream().anyMatch(x -> x instanceof NetworkNeighbour n && n.kind().equals("lldp")
                    && "10.20.0.2".equals(n.ipAddress()) && "70:6d:15:a0:00:00".equals(n.macAddress())
                    && "GigabitEthernet1/0/52".equals(n.port())), f::toString);
        }
    }

    @Test
    void wirelessControllerMapGivesEachSsid() throws Exception {
        try (SimulatedSnmpAgent agent = SimulatedSnmpAgent.fromWalk(SAMPLES.resolve("walks/wlc-01.walk"), "sim-ro")) {
            DeviceCollection c = new DeviceCollector(PlatformCatalog.builtIn())
                    .collect(device("wlc-01", Role.WIRELESS, "cisco-aireos", agent.port()), transport(LIMITS));
            List<WirelessNetwork> ssids = c.facts().stream().filter(WirelessNetwork.class::isInstance)
                    .map(WirelessNetwork.class::cast).toList();
            assertEquals(List.of(
                    new WirelessNetwork("wlc-01", "wlans", "Riverside-Staff", "wpa2", true, "staff"),
                    new WirelessNetwork("wlc-01", "wlans", "Riverside-Pupils", "wpa2", true, "pupils"),
                    new WirelessNetwork("wlc-01", "wlans", "Riverside-Guest", "open", true, "pupils"),
                    new WirelessNetwork("wlc-01", "wlans", "Old-Printers", "wep", false, "printers")), ssids);
        }
    }

    @Test
    void anAgentReturningTheSameOidAgainIsStoppedAndTheRestIsCollected() throws Exception {
        try (SimulatedSnmpAgent agent = SimulatedSnmpAgent.fromWalk(SAMPLES.resolve("walks/sw-core.walk"), "sim-ro")
                .loopingUnder(new OID("1.3.6.1.2.1.4.22"))) {
            DeviceCollection c = new DeviceCollector(PlatformCatalog.builtIn())
                    .collect(device("sw-core", Role.SWITCH, "snmp-generic", agent.port()), transport(LIMITS));
            assertTrue(c.outcome().reachable());
            String problem = String.join("; ", c.outcome().topicProblems().getOrDefault("neighbours", List.of()));
            assertTrue(problem.contains("probe arp: walk of 1.3.6.1.2.1.4.22.1.2 stopped: the agent returned "
                    + "1.3.6.1.2.1.4.22.1.2.1 after 1.3.6.1.2.1.4.22.1.2.1, which does not increase"), problem);
            assertTrue(c.facts().stream().anyMatch(x -> x instanceof SoftwareRelease), "other probes still ran");
        }
    }

    @Test
    void aHugeTableIsCutAtTheRowCapAndReported() throws Exception {
        List<VariableBinding> table = new ArrayList<>();
        table.add(new VariableBinding(new OID("1.3.6.1.2.1.1.2.0"), new OID("1.3.6.1.4.1.9.1.1208")));
        for (int i = 1; i <= 3000; i++) {
            table.add(new VariableBinding(new OID("1.3.6.1.2.1.25.6.3.1.2." + i), new OctetString("package-" + i)));
        }
        try (SimulatedSnmpAgent agent = SimulatedSnmpAgent.serving(table, "sim-ro");
             DeviceSession s = transport(LIMITS.withMaxRows(1000)).open(device("big", Role.SERVER, "snmp-generic", agent.port()))) {
            io.auditor.collect.CollectionException e = org.junit.jupiter.api.Assertions.assertThrows(
                    io.auditor.collect.CollectionException.class,
                    () -> s.run(new Probe("installed-software", "installed-software", "walk 1.3.6.1.2.1.25.6.3.1.2",
                            "snmp-installed-software", "d")));
            assertTrue(e.getMessage().contains("stopped after 1000 rows"), e.getMessage());
        }
    }

    @Test
    void aSilentPortMakesTheDeviceUnreachableWithinItsTimeout() throws Exception {
        try (DatagramSocket silent = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            DeviceCollection c = new DeviceCollector(PlatformCatalog.builtIn())
                    .collect(device("sw-dead", Role.SWITCH, "snmp-generic", silent.getLocalPort()), transport(LIMITS));
            assertFalse(c.outcome().reachable());
            assertTrue(c.outcome().errors().get(0).startsWith("no answer from udp:127.0.0.1:" + silent.getLocalPort()
                    + " to the first request (sysObjectID.0) within 500 ms (2 tries)"), c.outcome().errors()::toString);
        }
    }

    @Test
    void theAgentIgnoresAWrongCommunityLikeRealKit() throws Exception {
        List<VariableBinding> one = List.of(new VariableBinding(new OID("1.3.6.1.2.1.1.2.0"), new Integer32(1)));
        try (SimulatedSnmpAgent agent = SimulatedSnmpAgent.serving(one, "other")) {
            DeviceCollection c = new DeviceCollector(PlatformCatalog.builtIn())
                    .collect(device("sw-x", Role.SWITCH, "snmp-generic", agent.port()), transport(LIMITS));
            assertFalse(c.outcome().reachable());
            assertTrue(c.outcome().errors().get(0).contains("agents do not answer a wrong community"));
        }
    }
}
