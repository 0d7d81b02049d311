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
import io.auditor.model.facts.Fact;
import io.auditor.model.facts.SnmpAccess;
import io.auditor.model.facts.WirelessNetwork;
import io.auditor.samples.sim.SimulatedSnmpDaemon.V3User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.VariableBinding;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.auditor.samples.sim.SimulatedSnmpAgentTest.SAMPLES;
import static io.auditor.samples.sim.SimulatedSnmpAgentTest.device;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The in-process SNMP4J agent over SNMPv3 (USM), scanned by the auditor's real {@link SnmpTransport}: the demo's
 * core switch and wireless controller answer only an authPriv user, as the sample inventory's {@code snmp-v3}
 * credential (SHA-256 / AES-256) expects, and wrong users or keys fail as they do on real kit.
 */
@Timeout(60)
class SimulatedSnmpAgentV3Test {
    /**
     * Short waits, as every failure case here ends in one, but longer than the v2c tests': a first v3 request is
     * three exchanges (engine discovery, time synchronisation, the request) and the build machine is shared.
     */
    static final SnmpLimits LIMITS = SnmpLimits.DEFAULTS.withRequestTimeout(Duration.ofMillis(700), 1)
            .withCommunityTimeout(Duration.ofMillis(300));
    static final String AUTH = "auth-pass-1234";
    static final String PRIV = "priv-pass-5678";
    static final Map<String, String> ENV = Map.of("T_COMMUNITY", "sim-ro", "T_AUTH", AUTH, "T_PRIV", PRIV,
            "T_WRONG", "not-the-passphrase");
    static final V3User AUDITOR = new V3User("auditor", "SHA-256", AUTH, "AES-256", PRIV);
    static final OID SYS_NAME = new OID("1.3.6.1.2.1.1.5.0");
    static final List<VariableBinding> ONE_NAME = List.of(new VariableBinding(SYS_NAME, new OctetString("sw-test")));

    static Credential v3(String user, String auth, String authEnv, String priv, String privEnv) {
        Map<String, String> s = new HashMap<>(Map.of("version", "3", "authProtocol", auth, "authPasswordEnv", authEnv));
        if (priv != null) {
            s.put("privProtocol", priv);
            s.put("privPasswordEnv", privEnv);
        }
        return new Credential("ro", "snmp", user, s);
    }

    static Credential v2c() {
        return new Credential("ro", "snmp", null, Map.of("version", "2c", "communityEnv", "T_COMMUNITY"));
    }

    /** Fixed, so that facts carrying their observation time compare equal between two scans. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);
    /** What the transport says when a v3 request gets no answer, as it does for a wrong key on real agents. */
    static final String NO_ANSWER_V3 = "the SNMPv3 user, protocols and passphrases of credential 'ro' (a wrong "
            + "passphrase also looks like no answer: messages that fail authentication or decryption are dropped, not "
            + "answered)";

    static SnmpTransport transport(Credential c) {
        return new SnmpTransport(Map.of("ro", c), LIMITS, ENV::get, CLOCK);
    }

    static Observation getSysName(SimulatedSnmpAgent agent, Credential c) throws CollectionException {
        try (DeviceSession s = transport(c).open(device("sw-test", Role.SWITCH, "snmp-generic", agent.port()))) {
            return s.run(new Probe("name", "t", "get " + SYS_NAME, "none", "d"));
        }
    }

    static DeviceCollection collect(SimulatedSnmpAgent agent, String id, Role role, String platform, Credential c) {
        return new DeviceCollector(PlatformCatalog.builtIn()).collect(device(id, role, platform, agent.port()), transport(c));
    }

    static List<Fact> withoutAccess(List<Fact> facts) {
        return facts.stream().filter(f -> !(f instanceof SnmpAccess)).toList();
    }

    @Test
    void theRecordedSwitchAndControllerGiveTheSameFactsOverV3AuthPrivAsOverV2c() throws Exception {
        for (String id : List.of("sw-core", "wlc-01")) {
            Path walk = SAMPLES.resolve("walks/" + id + ".walk");
            Role role = id.equals("wlc-01") ? Role.WIRELESS : Role.SWITCH;
            String platform = id.equals("wlc-01") ? "cisco-aireos" : "snmp-generic";
            DeviceCollection overV2c;
            DeviceCollection overV3;
            try (SimulatedSnmpAgent agent = SimulatedSnmpAgent.fromWalk(walk, "sim-ro")) {
                overV2c = collect(agent, id, role, platform, v2c());
            }
            try (SimulatedSnmpAgent agent = SimulatedSnmpAgent.fromWalk(walk, AUDITOR)) {
                overV3 = collect(agent, id, role, platform, v3("auditor", "SHA-256", "T_AUTH", "AES-256", "T_PRIV"));
            }
            assertTrue(overV3.outcome().reachable(), overV3.outcome().errors()::toString);
            assertTrue(overV3.facts().size() > 10, id + ": " + overV3.facts());
            assertEquals(withoutAccess(overV2c.facts()), withoutAccess(overV3.facts()), id);
            assertEquals(overV2c.outcome().topicProblems(), overV3.outcome().topicProblems(), id);
            // The one difference is the access the scan itself used, which the SNMP-access control judges.
            assertEquals(List.of(new SnmpAccess(id, "default-communities", "3", "authPriv")),
                    overV3.facts().stream().filter(SnmpAccess.class::isInstance).toList());
            assertEquals(List.of(new SnmpAccess(id, "default-communities", "2c", "community")),
                    overV2c.facts().stream().filter(SnmpAccess.class::isInstance).toList());
        }
    }

    @Test
    void aWrongAuthenticationPassphraseLeavesTheDeviceUnreachableWithThePassphraseNamed() throws Exception {
        try (SimulatedSnmpAgent agent = SimulatedSnmpAgent.fromWalk(SAMPLES.resolve("walks/sw-core.walk"), AUDITOR)) {
            DeviceCollection c = collect(agent, "sw-core", Role.SWITCH, "snmp-generic",
                    v3("auditor", "SHA-256", "T_WRONG", "AES-256", "T_PRIV"));
            assertFalse(c.outcome().reachable());
            assertTrue(c.facts().isEmpty(), c.facts()::toString);
            // The agent's usmStatsWrongDigests report goes out unauthenticated (as net-snmp's does), which SNMP4J
            // rightly refuses to believe: the auditor sees no answer, and says a wrong passphrase looks like that.
            String error = String.join("; ", c.outcome().errors());
            assertTrue(error.startsWith("no answer from udp:127.0.0.1:" + agent.port() + " to the first request "
                    + "(sysObjectID.0) within 700 ms (2 tries)"), error);
            assertTrue(error.contains(NO_ANSWER_V3), error);
            assertFalse(error.contains("not-the-passphrase"), "a secret must never appear in a message");
        }
    }

    @Test
    void aWrongPrivacyPassphraseOrProtocolGetsNoAnswer() throws Exception {
        try (SimulatedSnmpAgent agent = SimulatedSnmpAgent.servingV3(ONE_NAME, AUDITOR)) {
            for (Credential wrong : List.of(v3("auditor", "SHA-256", "T_AUTH", "AES-256", "T_WRONG"),
                    v3("auditor", "SHA-256", "T_AUTH", "AES-128", "T_PRIV"),
                    v3("auditor", "SHA-512", "T_AUTH", "AES-256", "T_PRIV"))) {
                CollectionException e = assertThrows(CollectionException.class, () -> getSysName(agent, wrong));
                assertTrue(e.getMessage().contains(NO_ANSWER_V3), e.getMessage());
                assertFalse(e.getMessage().contains("not-the-passphrase"));
            }
            assertTrue(getSysName(agent, v3("auditor", "SHA-256", "T_AUTH", "AES-256", "T_PRIV")).output()
                    .contains("sw-test"), "the right keys still work after the wrong ones");
        }
    }

    @Test
    void anUnknownUserIsNamed() throws Exception {
        try (SimulatedSnmpAgent agent = SimulatedSnmpAgent.servingV3(ONE_NAME, AUDITOR)) {
            CollectionException e = assertThrows(CollectionException.class,
                    () -> getSysName(agent, v3("nobody", "SHA-256", "T_AUTH", "AES-256", "T_PRIV")));
            assertTrue(e.getMessage().contains("the agent does not know this SNMPv3 user name (user 'nobody'"),
                    e.getMessage());
        }
    }

    @Test
    void anAuthNoPrivUserIsServed() throws Exception {
        V3User monitor = new V3User("monitor", "SHA", AUTH, null, null);
        try (SimulatedSnmpAgent agent = SimulatedSnmpAgent.fromWalk(SAMPLES.resolve("walks/sw-core.walk"), monitor)) {
            DeviceCollection c = collect(agent, "sw-core", Role.SWITCH, "snmp-generic",
                    v3("monitor", "SHA", "T_AUTH", null, null));
            assertTrue(c.outcome().reachable(), c.outcome().errors()::toString);
            assertEquals(Map.of(), c.outcome().topicProblems());
            assertEquals(List.of(new SnmpAccess("sw-core", "default-communities", "3", "authNoPriv")),
                    c.facts().stream().filter(SnmpAccess.class::isInstance).toList());
            // A user without privacy keys cannot ask for authPriv: the agent's usmStatsUnsupportedSecLevels report
            // is unauthenticated (it has no privacy key to answer with) and SNMP4J does not accept it for an
            // authPriv request, so the auditor sees no answer, never data.
            CollectionException e = assertThrows(CollectionException.class,
                    () -> getSysName(agent, v3("monitor", "SHA", "T_AUTH", "AES", "T_PRIV")));
            assertTrue(e.getMessage().contains(NO_ANSWER_V3), e.getMessage());
        }
    }

    @Test
    void anAuthPrivUserAskingWithoutPrivacyIsRefusedByTheAccessControl() throws Exception {
        try (SimulatedSnmpAgent agent = SimulatedSnmpAgent.servingV3(ONE_NAME, AUDITOR)) {
            // USM accepts the lower level for a user with privacy keys; the VACM entry (as net-snmp's "rouser
            // auditor priv") requires authPriv, so the request is answered with an error, never with data.
            CollectionException e = assertThrows(CollectionException.class,
                    () -> getSysName(agent, v3("auditor", "SHA-256", "T_AUTH", null, null)));
            assertEquals("get: the agent answered Authorization error", e.getMessage());
            assertEquals(".1.3.6.1.2.1.1.5.0 = STRING: \"sw-test\"\n",
                    getSysName(agent, v3("auditor", "SHA-256", "T_AUTH", "AES-256", "T_PRIV")).output());
        }
    }

    @Test
    void twoV3AgentsWithDifferentUsersInOneJvmEachAnswerOnlyTheirOwn() throws Exception {
        V3User other = new V3User("controller", "SHA-512", "other-auth-pass", "AES", "other-priv-pass");
        Map<String, String> env = new HashMap<>(ENV);
        env.put("T_AUTH2", "other-auth-pass");
        env.put("T_PRIV2", "other-priv-pass");
        Credential first = v3("auditor", "SHA-256", "T_AUTH", "AES-256", "T_PRIV");
        Credential second = v3("controller", "SHA-512", "T_AUTH2", "AES-128", "T_PRIV2");
        try (SimulatedSnmpAgent a = SimulatedSnmpAgent.fromWalk(SAMPLES.resolve("walks/sw-core.walk"), AUDITOR);
             SimulatedSnmpAgent b = SimulatedSnmpAgent.fromWalk(SAMPLES.resolve("walks/wlc-01.walk"), other)) {
            assertNotEquals(a.engineId(), b.engineId(), "each agent is an SNMP engine of its own");
            DeviceCollection ca = new DeviceCollector(PlatformCatalog.builtIn()).collect(
                    device("sw-core", Role.SWITCH, "snmp-generic", a.port()),
                    new SnmpTransport(Map.of("ro", first), LIMITS, env::get, CLOCK));
            DeviceCollection cb = new DeviceCollector(PlatformCatalog.builtIn()).collect(
                    device("wlc-01", Role.WIRELESS, "cisco-aireos", b.port()),
                    new SnmpTransport(Map.of("ro", second), LIMITS, env::get, CLOCK));
            assertTrue(ca.outcome().reachable(), ca.outcome().errors()::toString);
            assertTrue(cb.outcome().reachable(), cb.outcome().errors()::toString);
            assertEquals(Map.of(), ca.outcome().topicProblems());
            assertTrue(cb.facts().stream().anyMatch(f -> f instanceof WirelessNetwork),
                    cb.facts()::toString);
            // Neither agent knows the other's user: users never leak between engines in one JVM.
            CollectionException e = assertThrows(CollectionException.class, () -> {
                try (DeviceSession s = new SnmpTransport(Map.of("ro", second), LIMITS, env::get, CLOCK)
                        .open(device("sw-core", Role.SWITCH, "snmp-generic", a.port()))) {
                    s.run(new Probe("name", "t", "get " + SYS_NAME, "none", "d"));
                }
            });
            assertTrue(e.getMessage().contains("does not know this SNMPv3 user name (user 'controller'"), e.getMessage());
        }
    }

    @Test
    void theSameUserNameWithOtherKeysOnAnotherAgentNeverMixesAndParallelScansAllWork() throws Exception {
        // The demo estate gives every v3 device the user "auditor"; here each agent has its own keys for that name,
        // so any USM, key or engine-id state shared between agents (or with the transport) would show up as a
        // credential working on the wrong agent or failing on its own.
        int n = 4;
        List<SimulatedSnmpAgent> agents = new ArrayList<>();
        Map<String, String> env = new HashMap<>();
        try {
            for (int i = 0; i < n; i++) {
                env.put("T_AUTH" + i, "auth-pass-of-agent-" + i);
                env.put("T_PRIV" + i, "priv-pass-of-agent-" + i);
                agents.add(SimulatedSnmpAgent.fromWalk(SAMPLES.resolve("walks/sw-core.walk"),
                        new V3User("auditor", "SHA-256", env.get("T_AUTH" + i), "AES-256", env.get("T_PRIV" + i))));
            }
            ExecutorService pool = Executors.newFixedThreadPool(n);
            try {
                List<Future<DeviceCollection>> scans = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    Credential own = v3("auditor", "SHA-256", "T_AUTH" + i, "AES-256", "T_PRIV" + i);
                    int port = agents.get(i).port();
                    scans.add(pool.submit(() -> new DeviceCollector(PlatformCatalog.builtIn()).collect(
                            device("sw-" + port, Role.SWITCH, "snmp-generic", port),
                            new SnmpTransport(Map.of("ro", own), LIMITS, env::get, CLOCK))));
                }
                for (Future<DeviceCollection> scan : scans) {
                    DeviceCollection c = scan.get(30, TimeUnit.SECONDS);
                    assertTrue(c.outcome().reachable(), c.outcome().errors()::toString);
                    assertEquals(Map.of(), c.outcome().topicProblems());
                }
            } finally {
                pool.shutdownNow();
            }
            CollectionException e = assertThrows(CollectionException.class, () -> {
                try (DeviceSession s = new SnmpTransport(Map.of("ro", v3("auditor", "SHA-256", "T_AUTH0", "AES-256",
                        "T_PRIV0")), LIMITS, env::get, CLOCK).open(device("sw-1", Role.SWITCH, "snmp-generic",
                        agents.get(1).port()))) {
                    s.run(new Probe("name", "t", "get " + SYS_NAME, "none", "d"));
                }
            });
            assertTrue(e.getMessage().contains(NO_ANSWER_V3), "agent 0's keys must not open agent 1: " + e.getMessage());
        } finally {
            for (SimulatedSnmpAgent a : agents) a.close();
        }
    }

    @Test
    void everyProtocolTheInventoryNamesWorksEndToEnd() throws Exception {
        for (String auth : List.of("MD5", "SHA", "SHA-224", "SHA-256", "SHA-384", "SHA-512")) {
            for (String priv : List.of("DES", "AES-128", "AES", "AES-192", "AES-256")) {
                try (SimulatedSnmpAgent agent = SimulatedSnmpAgent.servingV3(ONE_NAME,
                        new V3User("u", auth, AUTH, priv, PRIV))) {
                    Observation o = getSysName(agent, v3("u", auth, "T_AUTH", priv, "T_PRIV"));
                    assertEquals(".1.3.6.1.2.1.1.5.0 = STRING: \"sw-test\"\n", o.output(), auth + "/" + priv);
                }
            }
        }
    }

    @Test
    void aV3OnlyAgentIgnoresCommunities() throws Exception {
        try (SimulatedSnmpAgent agent = SimulatedSnmpAgent.servingV3(ONE_NAME, AUDITOR)) {
            CollectionException e = assertThrows(CollectionException.class, () -> getSysName(agent, v2c()));
            assertTrue(e.getMessage().startsWith("no answer from udp:127.0.0.1:" + agent.port()), e.getMessage());
            assertEquals(null, agent.community());
            assertEquals(AUDITOR, agent.user());
            assertEquals("V3User[auditor, SHA-256/AES-256]", agent.user().toString(), "no passphrase in a printed user");
        }
    }

    @Test
    void anAgentMayAnswerBothItsCommunityAndItsUser() throws Exception {
        try (SimulatedSnmpAgent agent = SimulatedSnmpAgent.serving(ONE_NAME, "sim-ro", AUDITOR, "127.0.0.1")) {
            assertTrue(getSysName(agent, v2c()).output().contains("sw-test"));
            assertTrue(getSysName(agent, v3("auditor", "SHA-256", "T_AUTH", "AES-256", "T_PRIV")).output()
                    .contains("sw-test"));
            // The user's name is no community, nor the community a user.
            CollectionException e = assertThrows(CollectionException.class,
                    () -> getSysName(agent, v3("sim-ro", "SHA-256", "T_AUTH", "AES-256", "T_PRIV")));
            assertTrue(e.getMessage().contains("does not know this SNMPv3 user"), e.getMessage());
        }
    }

    @Test
    void aLoopingAgentIsStoppedOverV3Too() throws Exception {
        try (SimulatedSnmpAgent agent = SimulatedSnmpAgent.fromWalk(SAMPLES.resolve("walks/sw-core.walk"), AUDITOR)
                .loopingUnder(new OID("1.3.6.1.2.1.4.22"))) {
            DeviceCollection c = collect(agent, "sw-core", Role.SWITCH, "snmp-generic",
                    v3("auditor", "SHA-256", "T_AUTH", "AES-256", "T_PRIV"));
            assertTrue(c.outcome().reachable(), c.outcome().errors()::toString);
            String problem = String.join("; ", c.outcome().topicProblems().getOrDefault("neighbours", List.of()));
            assertTrue(problem.contains("walk of 1.3.6.1.2.1.4.22.1.2 stopped: the agent returned "
                    + "1.3.6.1.2.1.4.22.1.2.1 after 1.3.6.1.2.1.4.22.1.2.1, which does not increase"), problem);
        }
    }

    @Test
    void anAgentListensOnTheLoopbackAddressItIsGiven() throws Exception {
        try (SimulatedSnmpAgent agent = SimulatedSnmpAgent.servingV3(ONE_NAME, AUDITOR, "127.0.0.7")) {
            assertEquals("127.0.0.7", agent.address());
            Device d = new Device("sw-test", Set.of(Role.SWITCH), "snmp-generic", "127.0.0.7", agent.port(), "ro", false);
            try (DeviceSession s = transport(v3("auditor", "SHA-256", "T_AUTH", "AES-256", "T_PRIV")).open(d)) {
                assertTrue(s.run(new Probe("name", "t", "get " + SYS_NAME, "none", "d")).output().contains("sw-test"));
            }
        }
    }

    @Test
    void badUsersAndAddressesAreRefusedWithTheReason() {
        IllegalArgumentException protocol = assertThrows(IllegalArgumentException.class,
                () -> SimulatedSnmpAgent.servingV3(ONE_NAME, new V3User("u", "SHA-999", AUTH, null, null)));
        assertEquals("authentication protocol 'SHA-999' is not supported; write one of MD5, SHA, SHA-224, SHA-256, "
                + "SHA-384, SHA-512", protocol.getMessage());
        IllegalArgumentException shortPass = assertThrows(IllegalArgumentException.class,
                () -> SimulatedSnmpAgent.servingV3(ONE_NAME, new V3User("u", "SHA", "short", "AES", PRIV)));
        assertEquals("SNMPv3 user u needs an authentication passphrase of at least 8 characters (RFC 3414)",
                shortPass.getMessage());
        IllegalArgumentException privOnly = assertThrows(IllegalArgumentException.class,
                () -> SimulatedSnmpAgent.servingV3(ONE_NAME, new V3User("u", null, null, "AES", PRIV)));
        assertTrue(privOnly.getMessage().contains("privacy without authentication"), privOnly.getMessage());
        IllegalArgumentException nobody = assertThrows(IllegalArgumentException.class,
                () -> SimulatedSnmpAgent.serving(ONE_NAME, null, null, null));
        assertTrue(nobody.getMessage().contains("needs a community or an SNMPv3 user"), nobody.getMessage());
        IllegalArgumentException outside = assertThrows(IllegalArgumentException.class,
                () -> SimulatedSnmpAgent.servingV3(ONE_NAME, AUDITOR, "192.0.2.1"));
        assertTrue(outside.getMessage().contains("loopback only"), outside.getMessage());
    }
}
