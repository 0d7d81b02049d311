package io.auditor.samples.sim;

import io.auditor.collect.CollectionException;
import io.auditor.collect.DeviceSession;
import io.auditor.collect.Probe;
import io.auditor.collect.ssh.KnownHostsFile;
import io.auditor.collect.ssh.SshSettings;
import io.auditor.collect.ssh.SshTransport;
import io.auditor.model.Credential;
import io.auditor.model.Device;
import io.auditor.model.Observation;
import io.auditor.model.Role;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The SSH transport (JSch) against real SSH servers (Apache MINA SSHD simulated devices): answers, faults, host
 * key verification, logins and jump hosts. Timeouts are set short so every fault ends quickly.
 */
class SshAgainstSimulatedDeviceTest {
    static final Probe HELLO = new Probe("hello", "greeting", "echo hello", "none", "says hello");
    static final Probe UNKNOWN = new Probe("unknown", "greeting", "rm -rf /", "none", "not recorded");
    static final KeyPair CLIENT_KEY = SimulatedEstate.rsaKey();

    @TempDir
    Path dir;
    Path keyFile;
    Path knownHosts;
    final List<AutoCloseable> closeMe = new ArrayList<>();
    final List<String> notices = new CopyOnWriteArrayList<>();

    @BeforeEach
    void key() throws Exception {
        keyFile = dir.resolve("id_rsa");
        try (OutputStream out = Files.newOutputStream(keyFile)) {
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(CLIENT_KEY, "test", null, out);
        }
        knownHosts = dir.resolve("known_hosts");
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : closeMe) c.close();
    }

    SimulatedSshDevice device(SimulatedSshDevice.Builder b, boolean known) throws Exception {
        SimulatedSshDevice d = b.start();
        closeMe.add(d);
        if (known) Files.writeString(knownHosts, d.knownHostsLine() + "\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        return d;
    }

    SimulatedSshDevice.Builder keyDevice(String id) {
        return SimulatedSshDevice.builder(id).user("auditor").authorizedKey(CLIENT_KEY.getPublic())
                .respond(HELLO.command(), new Recording("hello\n".getBytes(StandardCharsets.UTF_8), 0));
    }

    SshTransport transport(boolean trust, Map<String, Credential> creds, Map<String, Device> via) throws Exception {
        SshSettings s = SshSettings.defaults(knownHosts)
                .withTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(3))
                .withMaxOutputBytes(1024 * 1024)
                .withTrustNewHosts(trust)
                .withNotices(notices::add)
                .withEnvironment(Map.of("SIM_PASSWORD", "s3cret-Pass")::get);
        return new SshTransport(s, KnownHostsFile.load(knownHosts), creds, via::get);
    }

    SshTransport transport() throws Exception {
        return transport(false, Map.of("key", keyCredential()), Map.of());
    }

    Credential keyCredential() {
        return new Credential("key", "ssh", "auditor", Map.of("privateKey", keyFile.toString()));
    }

    static Device at(String id, int port, String credential) {
        return new Device(id, Set.of(Role.SERVER), "debian", "127.0.0.1", port, credential, false);
    }

    @Test
    void answersRecordedCommandsAndUnknownOnesExit127() throws Exception {
        SimulatedSshDevice d = device(keyDevice("srv"), true);
        try (DeviceSession s = transport().open(at("srv", d.port(), "key"))) {
            Observation hello = s.run(HELLO);
            assertEquals("hello\n", hello.output());
            assertEquals(0, hello.exitStatus());
            assertFalse(hello.truncated());
            Observation unknown = s.run(UNKNOWN);
            assertEquals(127, unknown.exitStatus());
            assertTrue(unknown.output().contains("not found"), unknown.output());
            // The same session serves further probes.
            assertEquals("hello\n", s.run(HELLO).output());
        }
    }

    @Test
    void aCommandThatNeverReturnsEndsAtTheCommandTimeout() throws Exception {
        SimulatedSshDevice d = device(keyDevice("srv"), true);
        d.misbehave(Misbehaviour.HANG);
        try (DeviceSession s = transport().open(at("srv", d.port(), "key"))) {
            CollectionException e = assertThrows(CollectionException.class, () -> s.run(HELLO));
            assertTrue(e.getMessage().contains("no result within 3 s (--command-timeout)"), e.getMessage());
            d.misbehave(Misbehaviour.NONE);
            assertEquals("hello\n", s.run(HELLO).output(), "the session survives an abandoned command");
        }
    }

    @Test
    void fiftyMegabytesAreCutAtTheCap() throws Exception {
        SimulatedSshDevice d = device(keyDevice("srv"), true);
        d.misbehave(Misbehaviour.FLOOD);
        try (DeviceSession s = transport().open(at("srv", d.port(), "key"))) {
            Observation o = s.run(HELLO);
            assertTrue(o.truncated());
            assertEquals(1024 * 1024, o.output().length());
            assertNull(o.exitStatus());
        }
    }

    @Test
    void binaryGarbageAndFailuresComeBackAsData() throws Exception {
        SimulatedSshDevice d = device(keyDevice("srv"), true);
        try (DeviceSession s = transport().open(at("srv", d.port(), "key"))) {
            d.misbehave(Misbehaviour.GARBAGE);
            Observation garbage = s.run(HELLO);
            assertEquals(0, garbage.exitStatus());
            assertTrue(garbage.output().contains("\uFFFD"), "invalid UTF-8 is replaced, not fatal");
            d.misbehave(Misbehaviour.FAIL);
            Observation failed = s.run(HELLO);
            assertEquals(3, failed.exitStatus());
            assertTrue(failed.output().contains("permission denied"), "stderr explains a silent failure");
        }
    }

    @Test
    void anUnknownHostKeyIsRefusedWithItsFingerprint() throws Exception {
        SimulatedSshDevice d = device(keyDevice("srv"), false);
        Files.writeString(knownHosts, "");
        CollectionException e = assertThrows(CollectionException.class, () -> transport().open(at("srv", d.port(), "key")));
        String fp = sha256(d);
        assertTrue(e.getMessage().contains("is not in " + knownHosts), e.getMessage());
        assertTrue(e.getMessage().contains(fp), e.getMessage());
        assertTrue(e.getMessage().contains("--trust-new-hosts"), e.getMessage());
        assertEquals("", Files.readString(knownHosts), "nothing is recorded without --trust-new-hosts");
    }

    @Test
    void trustNewHostsRecordsTheKeyOnceAndPrintsItsFingerprint() throws Exception {
        SimulatedSshDevice d = device(keyDevice("srv"), false);
        Files.writeString(knownHosts, "# school known hosts\n");
        try (DeviceSession s = transport(true, Map.of("key", keyCredential()), Map.of()).open(at("srv", d.port(), "key"))) {
            assertEquals("hello\n", s.run(HELLO).output());
        }
        assertEquals(1, notices.size(), notices.toString());
        assertTrue(notices.get(0).contains(sha256(d)), notices.toString());
        List<String> lines = Files.readAllLines(knownHosts);
        assertEquals("# school known hosts", lines.get(0), "the file is appended to, never rewritten");
        assertEquals(d.knownHostsLine(), lines.get(1));
        // Now known: a normal scan connects without trusting anything.
        try (DeviceSession s = transport().open(at("srv", d.port(), "key"))) {
            assertEquals("hello\n", s.run(HELLO).output());
        }
    }

    @Test
    void aChangedHostKeyIsRefusedEvenWithTrustNewHostsAndNamesTheLine() throws Exception {
        SimulatedSshDevice d = device(keyDevice("srv"), false);
        KeyPair other = SimulatedSshDevice.newHostKey();
        String stale = "[127.0.0.1]:" + d.port() + " " + PublicKeyEntry.toString(other.getPublic());
        Files.writeString(knownHosts, "# comment\n" + stale + "\n");
        CollectionException e = assertThrows(CollectionException.class,
                () -> transport(true, Map.of("key", keyCredential()), Map.of()).open(at("srv", d.port(), "key")));
        assertTrue(e.getMessage().contains("host key CHANGED"), e.getMessage());
        assertTrue(e.getMessage().contains(knownHosts + " line 2"), e.getMessage());
        assertTrue(e.getMessage().contains(sha256(d)), e.getMessage());
        assertEquals("# comment\n" + stale + "\n", Files.readString(knownHosts), "a changed key is never recorded");
        assertTrue(notices.isEmpty());
    }

    @Test
    void passwordsComeFromTheEnvironmentOrAFileAndAWrongOneIsAClearRefusal() throws Exception {
        SimulatedSshDevice d = device(SimulatedSshDevice.builder("win").user("SCHOOL\\svc-audit").password("s3cret-Pass")
                .respond(HELLO.command(), new Recording("hi\n".getBytes(StandardCharsets.UTF_8), 0)), true);
        Path pwFile = dir.resolve("pw.txt");
        Files.writeString(pwFile, "s3cret-Pass\n");
        Path wrongFile = dir.resolve("wrong.txt");
        Files.writeString(wrongFile, "not-it\n");
        Map<String, Credential> creds = Map.of(
                "env", new Credential("env", "ssh", "SCHOOL\\svc-audit", Map.of("passwordEnv", "SIM_PASSWORD")),
                "file", new Credential("file", "ssh", "SCHOOL\\svc-audit", Map.of("passwordFile", pwFile.toString())),
                "wrong", new Credential("wrong", "ssh", "SCHOOL\\svc-audit", Map.of("passwordFile", wrongFile.toString())),
                "unset", new Credential("unset", "ssh", "SCHOOL\\svc-audit", Map.of("passwordEnv", "NOT_SET_ANYWHERE")));
        SshTransport t = transport(false, creds, Map.of());
        try (DeviceSession s = t.open(at("win", d.port(), "env"))) {
            assertEquals("hi\n", s.run(HELLO).output());
        }
        try (DeviceSession s = t.open(at("win", d.port(), "file"))) {
            assertEquals("hi\n", s.run(HELLO).output());
        }
        CollectionException wrong = assertThrows(CollectionException.class, () -> t.open(at("win", d.port(), "wrong")));
        assertTrue(wrong.getMessage().contains("login refused for user 'SCHOOL\\svc-audit'"), wrong.getMessage());
        assertFalse(wrong.getMessage().contains("not-it"), "a secret never appears in a message");
        CollectionException unset = assertThrows(CollectionException.class, () -> t.open(at("win", d.port(), "unset")));
        assertTrue(unset.getMessage().contains("environment variable NOT_SET_ANYWHERE"), unset.getMessage());
    }

    @Test
    void refusedAndSilentPortsAreReportedWithinTheConnectTimeout() throws Exception {
        int closed = SilentPort.closedPort();
        CollectionException refused = assertThrows(CollectionException.class,
                () -> transport().open(at("gone", closed, "key")));
        assertTrue(refused.getMessage().startsWith("connection refused by 127.0.0.1:" + closed), refused.getMessage());
        try (SilentPort silent = new SilentPort()) {
            CollectionException e = assertThrows(CollectionException.class,
                    () -> transport().open(at("tarpit", silent.port(), "key")));
            assertTrue(e.getMessage().startsWith("no SSH answer from 127.0.0.1:" + silent.port() + " within 3 s"),
                    e.getMessage());
        }
    }

    @Test
    void aDeviceIsReachedThroughItsJumpHost() throws Exception {
        SimulatedSshDevice jump = device(keyDevice("jump").jumpHost(true), true);
        SimulatedSshDevice target = device(keyDevice("inner"), true);
        Device jumpDevice = at("jump", jump.port(), "key");
        SshTransport t = transport(false, Map.of("key", keyCredential()), Map.of("inner", jumpDevice));
        try (DeviceSession s = t.open(at("inner", target.port(), "key"))) {
            assertEquals("hello\n", s.run(HELLO).output());
        }
        assertEquals(1, jump.forwardedConnections(), "the connection went through the jump host");
    }

    @Test
    void aJumpHostThatRefusesIsNamedInTheReason() throws Exception {
        SimulatedSshDevice target = device(keyDevice("inner"), true);
        Device jumpDevice = at("jump", SilentPort.closedPort(), "key");
        SshTransport t = transport(false, Map.of("key", keyCredential()), Map.of("inner", jumpDevice));
        CollectionException e = assertThrows(CollectionException.class, () -> t.open(at("inner", target.port(), "key")));
        assertTrue(e.getMessage().startsWith("jump host jump: connection refused"), e.getMessage());
    }

    static String sha256(SimulatedSshDevice d) throws Exception {
        String b64 = d.knownHostsLine().split(" ")[2];
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(Base64.getDecoder().decode(b64));
        return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
    }
}
