package io.auditor.samples.sim;

import io.auditor.collect.CollectionException;
import io.auditor.collect.DeviceCollection;
import io.auditor.collect.DeviceCollector;
import io.auditor.collect.DeviceSession;
import io.auditor.collect.PlatformCatalog;
import io.auditor.collect.Probe;
import io.auditor.collect.snmp.SnmpLimits;
import io.auditor.collect.snmp.SnmpTransport;
import io.auditor.model.Credential;
import io.auditor.model.Device;
import io.auditor.model.Observation;
import io.auditor.model.Role;
import io.auditor.model.facts.DefaultCommunityCheck;
import io.auditor.model.facts.Fact;
import io.auditor.model.facts.InstalledSoftware;
import io.auditor.model.facts.NetworkInterface;
import io.auditor.model.facts.RunningProcess;
import io.auditor.model.facts.SnmpAccess;
import io.auditor.model.facts.SoftwareRelease;
import io.auditor.model.facts.SystemDescription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.auditor.samples.sim.SimulatedSnmpAgentV3Test.v3;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The SNMP transport against net-snmp's real agent ({@code /usr/sbin/snmpd}, started on a free loopback port from a
 * generated configuration): v2c, v3 authPriv with SHA-256/AES-256 and SHA/AES-128, authNoPriv, and what a wrong
 * community or passphrase looks like.
 */
@Timeout(120)
class SnmpTransportRealAgentsTest {
    static final String DESCR = "Cisco IOS Software, C2960X Software (C2960X-UNIVERSALK9-M), Version 15.2(7)E4, "
            + "RELEASE SOFTWARE (fc2)";
    static final Map<String, String> ENV = Map.of(
            "T_COMMUNITY", "audit-ro-7Qx", "T_AUTH", "auth-pass-1234", "T_PRIV", "priv-pass-5678",
            "T_WRONG", "not-the-passphrase");
    /** Short waits: every failure case here must come back quickly, and loopback answers in microseconds. */
    static final SnmpLimits LIMITS = SnmpLimits.DEFAULTS.withRequestTimeout(Duration.ofMillis(700), 1)
            .withCommunityTimeout(Duration.ofMillis(500));

    @TempDir
    static Path tmp;
    static SimulatedSnmpDaemon snmpd;

    @BeforeAll
    static void start() throws Exception {
        snmpd = SimulatedSnmpDaemon.start(new SimulatedSnmpDaemon.Config(List.of("audit-ro-7Qx"), List.of(
                new SimulatedSnmpDaemon.V3User("auditor", "SHA-256", "auth-pass-1234", "AES-256", "priv-pass-5678"),
                new SimulatedSnmpDaemon.V3User("auditor128", "SHA", "auth-pass-1234", "AES", "priv-pass-5678"),
                new SimulatedSnmpDaemon.V3User("monitor", "SHA", "auth-pass-1234", null, null)),
                DESCR, "sw-test", "Comms room A", "itsupport@example.org"), tmp.resolve("snmpd"));
    }

    @AfterAll
    static void stop() {
        if (snmpd != null) snmpd.close();
    }

    static Credential v2c(String envVar) {
        return new Credential("ro", "snmp", null, Map.of("version", "2c", "communityEnv", envVar));
    }

    static Device device(Set<Role> roles, int port) {
        return new Device("sw-test", roles, "snmp-generic", "127.0.0.1", port, "ro", false);
    }

    static SnmpTransport transport(Credential c) {
        return new SnmpTransport(Map.of("ro", c), LIMITS, ENV::get, Clock.systemUTC());
    }

    static Observation get(Credential c, String oid) throws CollectionException {
        try (DeviceSession s = transport(c).open(device(Set.of(Role.SWITCH), snmpd.port()))) {
            return s.run(new Probe("name", "t", "get " + oid, "none", "d"));
        }
    }

    @Test
    void v2cCollectsTheSnmpGenericPlatformFromSnmpd() {
        DeviceCollection c = new DeviceCollector(PlatformCatalog.builtIn())
                .collect(device(Set.of(Role.SWITCH), snmpd.port()), transport(v2c("T_COMMUNITY")));
        assertTrue(c.outcome().reachable(), () -> c.outcome().errors() + " " + snmpd.log());
        List<Fact> facts = c.facts();
        SystemDescription sys = only(facts, SystemDescription.class);
        assertEquals(DESCR, sys.description());
        assertEquals("sw-test", sys.name());
        assertEquals("Comms room A", sys.location());
        assertTrue(sys.objectId().startsWith("1.3.6.1.4.1.8072."), sys.objectId());
        assertEquals(new SoftwareRelease("sw-test", "system", "Cisco IOS", "15.2(7)E4"), only(facts, SoftwareRelease.class));
        assertFalse(all(facts, NetworkInterface.class).isEmpty(), "IF-MIB interfaces");
        assertTrue(all(facts, NetworkInterface.class).stream().anyMatch(i -> "lo".equals(i.name())), "loopback interface");
        List<DefaultCommunityCheck> checks = all(facts, DefaultCommunityCheck.class);
        assertEquals(2, checks.size());
        assertTrue(checks.stream().noneMatch(DefaultCommunityCheck::answered), checks::toString);
        assertEquals(new SnmpAccess("sw-test", "default-communities", "2c", "community"), only(facts, SnmpAccess.class));
        // net-snmp has no ENTITY-MIB or LLDP-MIB: said so, never taken as "nothing to report".
        assertTrue(c.outcome().topicProblems().get("software-release").get(0).contains("no software or firmware revision"),
                c.outcome().topicProblems().toString());
        assertTrue(c.outcome().topicProblems().get("neighbours").stream().anyMatch(p -> p.contains("LLDP-MIB")),
                c.outcome().topicProblems().toString());
        assertFalse(c.outcome().topicProblems().containsKey("management-access"), c.outcome().topicProblems().toString());
    }

    @Test
    void hostResourcesGiveInstalledSoftwareAndProcessesOfAnSnmpOnlyHost() {
        DeviceCollection c = new DeviceCollector(PlatformCatalog.builtIn())
                .collect(device(Set.of(Role.SERVER), snmpd.port()), transport(v2c("T_COMMUNITY")));
        assertTrue(c.outcome().reachable(), c.outcome().errors()::toString);
        assertFalse(all(c.facts(), InstalledSoftware.class).isEmpty(), "hrSWInstalledTable is empty");
        assertTrue(all(c.facts(), RunningProcess.class).stream().anyMatch(p -> p.name().equals("snmpd")),
                "snmpd itself is running");
    }

    @Test
    void v3AuthPrivWithSha256AndAes256() throws Exception {
        Observation o = get(v3("auditor", "SHA-256", "T_AUTH", "AES-256", "T_PRIV"), "1.3.6.1.2.1.1.5.0");
        assertEquals(".1.3.6.1.2.1.1.5.0 = STRING: \"sw-test\"\n", o.output());
        assertEquals(null, o.exitStatus());
    }

    @Test
    void v3AuthPrivWithShaAndAes128() throws Exception {
        Observation o = get(v3("auditor128", "SHA", "T_AUTH", "AES", "T_PRIV"), "1.3.6.1.2.1.1.5.0");
        assertTrue(o.output().contains("sw-test"), o.output());
    }

    @Test
    void v3AuthNoPriv() throws Exception {
        Observation o = get(v3("monitor", "SHA", "T_AUTH", null, null), "1.3.6.1.2.1.1.5.0");
        assertTrue(o.output().contains("sw-test"), o.output());
    }

    @Test
    void wrongV3AuthPassphraseIsReportedNotHidden() {
        CollectionException e = assertThrows(CollectionException.class,
                () -> get(v3("auditor", "SHA-256", "T_WRONG", "AES-256", "T_PRIV"), "1.3.6.1.2.1.1.5.0"));
        // net-snmp reports a wrong digest only unauthenticated, which SNMP4J rightly ignores: the wait ends as no answer.
        assertTrue(e.getMessage().contains("a wrong passphrase also looks like no answer"), e.getMessage());
        assertFalse(e.getMessage().contains("not-the-passphrase"), "a secret must never appear in a message");
    }

    @Test
    void wrongV3PrivacyPassphraseIsReported() {
        CollectionException e = assertThrows(CollectionException.class,
                () -> get(v3("auditor", "SHA-256", "T_AUTH", "AES-256", "T_WRONG"), "1.3.6.1.2.1.1.5.0"));
        assertTrue(e.getMessage().contains("a wrong passphrase also looks like no answer"), e.getMessage());
        assertFalse(e.getMessage().contains("not-the-passphrase"));
    }

    @Test
    void unknownV3UserIsNamed() {
        CollectionException e = assertThrows(CollectionException.class,
                () -> get(v3("nobody", "SHA-256", "T_AUTH", "AES-256", "T_PRIV"), "1.3.6.1.2.1.1.5.0"));
        assertTrue(e.getMessage().contains("does not know this SNMPv3 user"), e.getMessage());
    }

    @Test
    void wrongCommunityMakesTheDeviceUnreachableWithTheReason() {
        DeviceCollection c = new DeviceCollector(PlatformCatalog.builtIn())
                .collect(device(Set.of(Role.SWITCH), snmpd.port()), transport(v2c("T_WRONG")));
        assertFalse(c.outcome().reachable());
        String error = c.outcome().errors().get(0);
        assertTrue(error.contains("no answer from udp:127.0.0.1:" + snmpd.port()), error);
        assertTrue(error.contains("community of credential 'ro'"), error);
        assertFalse(error.contains("not-the-passphrase"));
    }

    @Test
    void anAgentAnsweringPublicIsSeen() throws Exception {
        try (SimulatedSnmpDaemon open = SimulatedSnmpDaemon.start(new SimulatedSnmpDaemon.Config(
                List.of("public"), List.of(), DESCR, "sw-open", null, null), tmp.resolve("snmpd-public"))) {
            Device d = new Device("sw-open", Set.of(Role.SWITCH), "snmp-generic", "127.0.0.1", open.port(), "ro", false);
            Credential c = new Credential("ro", "snmp", null, Map.of("version", "2c", "communityEnv", "T_PUBLIC"));
            try (DeviceSession s = new SnmpTransport(Map.of("ro", c), LIMITS, Map.of("T_PUBLIC", "public")::get,
                    Clock.systemUTC()).open(d)) {
                Observation o = s.run(new Probe("default-communities", "default-credentials", "default-communities",
                        "snmp-default-communities", "d"));
                List<String> lines = o.output().lines().toList();
                assertEquals("# SNMP access used by the scan: v2c community", lines.get(0));
                assertTrue(lines.get(1).startsWith("public: answered: .1.3.6.1.2.1.1.1.0 = STRING: \"Cisco IOS"), lines.get(1));
                assertTrue(lines.get(2).startsWith("private: no answer within 500 ms"), lines.get(2));
            }
        }
    }

    static <T> List<T> all(List<Fact> facts, Class<T> type) {
        return facts.stream().filter(type::isInstance).map(type::cast).toList();
    }

    static <T> T only(List<Fact> facts, Class<T> type) {
        List<T> found = all(facts, type);
        assertEquals(1, found.size(), () -> type.getSimpleName() + ": " + found);
        return found.get(0);
    }
}
