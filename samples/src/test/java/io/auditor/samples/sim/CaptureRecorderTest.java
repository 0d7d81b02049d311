package io.auditor.samples.sim;

import io.auditor.collect.CaptureRecorder;
import io.auditor.collect.CaptureTransport;
import io.auditor.collect.DeviceSession;
import io.auditor.collect.Probe;
import io.auditor.collect.ssh.KnownHostsFile;
import io.auditor.collect.ssh.SshSettings;
import io.auditor.collect.ssh.SshTransport;
import io.auditor.model.Credential;
import io.auditor.model.Device;
import io.auditor.model.Observation;
import io.auditor.model.Role;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a live SSH session returns, recorded in the capture layout and read back by CaptureTransport unchanged. */
class CaptureRecorderTest {
    static final Probe HELLO = new Probe("hello", "greeting", "echo hello", "none", "says hello");
    static final Probe BROKEN = new Probe("broken", "greeting", "false", "none", "fails");
    static final Probe FLOOD = new Probe("flood", "greeting", "yes", "none", "floods");
    static final int CAP = 256 * 1024;

    @TempDir
    Path dir;

    @Test
    void aCaptureReplaysAsTheLiveSessionAnsweredAndReplacesTheEarlierOneWhole() throws Exception {
        var clientKey = SimulatedEstate.rsaKey();
        Path key = dir.resolve("id_rsa");
        try (OutputStream out = Files.newOutputStream(key)) {
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(clientKey, "t", null, out);
        }
        try (SimulatedSshDevice d = SimulatedSshDevice.builder("srv").user("auditor").authorizedKey(clientKey.getPublic())
                .respond(HELLO.command(), new Recording("hello\n".getBytes(StandardCharsets.UTF_8), 0))
                .respond(BROKEN.command(), new Recording("partial\n".getBytes(StandardCharsets.UTF_8), 2))
                .start()) {
            d.misbehave(FLOOD.command(), Misbehaviour.FLOOD);
            Path knownHosts = dir.resolve("known_hosts");
            Files.writeString(knownHosts, d.knownHostsLine() + "\n");
            SshSettings settings = SshSettings.defaults(knownHosts).withMaxOutputBytes(CAP)
                    .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(10));
            SshTransport ssh = new SshTransport(settings, KnownHostsFile.load(knownHosts),
                    Map.of("k", new Credential("k", "ssh", "auditor", Map.of("privateKey", key.toString()))), id -> null);
            Path captures = dir.resolve("captures");
            Files.createDirectories(captures.resolve("srv"));
            Files.writeString(captures.resolve("srv/stale.txt"), "from last week");
            Instant at = Instant.parse("2026-11-20T02:00:00Z");
            Device device = new Device("srv", Set.of(Role.SERVER), "debian", "127.0.0.1", d.port(), "k", false);

            Observation liveHello;
            Observation liveBroken;
            Observation liveFlood;
            try (DeviceSession s = new CaptureRecorder(ssh, captures, Clock.fixed(at, ZoneOffset.UTC)).open(device)) {
                liveHello = s.run(HELLO);
                liveBroken = s.run(BROKEN);
                liveFlood = s.run(FLOOD);
                assertTrue(Files.exists(captures.resolve("srv/stale.txt")), "the earlier capture stays until this one is complete");
            }
            assertFalse(Files.exists(captures.resolve("srv/stale.txt")), "replaced as a whole");
            assertEquals("capturedAt=2026-11-20T02:00:00Z", Files.readString(captures.resolve("srv/capture.properties")).strip());
            assertEquals("2", Files.readString(captures.resolve("srv/broken.exit")).strip());
            assertFalse(Files.exists(captures.resolve("srv/hello.exit")), "exit 0 is the default");

            try (DeviceSession replay = new CaptureTransport(captures, CAP).open(device)) {
                Observation hello = replay.run(HELLO);
                assertEquals(liveHello.output(), hello.output());
                assertEquals(at, hello.observedAt());
                Observation broken = replay.run(BROKEN);
                assertEquals(liveBroken.exitStatus(), broken.exitStatus());
                assertEquals(liveBroken.output(), broken.output());
                assertTrue(liveFlood.truncated());
                assertTrue(replay.run(FLOOD).truncated(), "an output cut live is cut on replay too");
            }
            try (var files = Files.list(captures)) {
                assertEquals(1, files.count(), "no partial or old folders left behind");
            }

            // Given up by the scan (closed from its deadline thread): the complete capture above stays.
            String before = Files.readString(captures.resolve("srv/hello.txt"));
            d.misbehave(Misbehaviour.GARBAGE);
            DeviceSession abandoned = new CaptureRecorder(ssh, captures, Clock.systemUTC()).open(device);
            abandoned.run(HELLO);
            Thread closer = new Thread(abandoned::close);
            closer.start();
            closer.join(30_000);
            assertFalse(closer.isAlive());
            assertEquals(before, Files.readString(captures.resolve("srv/hello.txt")));
            assertEquals("capturedAt=2026-11-20T02:00:00Z", Files.readString(captures.resolve("srv/capture.properties")).strip());
            try (var files = Files.list(captures)) {
                assertEquals(1, files.count(), "the incomplete capture is dropped");
            }
        }
    }
}
