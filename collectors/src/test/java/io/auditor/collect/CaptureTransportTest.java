package io.auditor.collect;

import io.auditor.model.Device;
import io.auditor.model.Observation;
import io.auditor.model.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

class CaptureTransportTest {
    @TempDir Path dir;

    static Device device(String id, String platform) {
        return new Device(id, Set.of(Role.SERVER), platform, "192.0.2.10", null, null, false);
    }

    static final Probe PROBE = new Probe("admin-groups", "admin-groups", "getent group sudo", "getent-group", "d");

    private Path deviceDir(String id, String capturedAt) throws Exception {
        Path d = Files.createDirectories(dir.resolve(id));
        if (capturedAt != null) Files.writeString(d.resolve("capture.properties"), capturedAt);
        return d;
    }

    @Test
    void readsOutputExitStatusAndCaptureTime() throws Exception {
        Path d = deviceDir("srv-01", "# captured by hand\ncapturedAt=2024-11-19T09:00:00Z\n");
        Files.writeString(d.resolve("admin-groups.txt"), "sudo:x:27:alice\r\n");
        try (DeviceSession s = new CaptureTransport(dir).open(device("srv-01", "debian"))) {
            Observation o = s.run(PROBE);
            assertEquals(new Observation("srv-01", "admin-groups", "getent group sudo", "sudo:x:27:alice\r\n", 0,
                    Instant.parse("2024-11-19T09:00:00Z"), 0, false), o);
            Files.writeString(d.resolve("admin-groups.exit"), " 2\n");
            assertEquals(2, s.run(PROBE).exitStatus());
        }
    }

    @Test
    void acceptsAnOffset() throws Exception {
        Path d = deviceDir("srv-01", "capturedAt=2024-11-19T10:00:00+01:00\n");
        Files.writeString(d.resolve("admin-groups.txt"), "");
        try (DeviceSession s = new CaptureTransport(dir).open(device("srv-01", "debian"))) {
            assertEquals(Instant.parse("2024-11-19T09:00:00Z"), s.run(PROBE).observedAt());
        }
    }

    @Test
    void missingDeviceFolder() {
        CollectionException e = assertThrows(CollectionException.class,
                () -> new CaptureTransport(dir).open(device("srv-09", "debian")));
        assertEquals("no captures for srv-09: " + dir.resolve("srv-09") + "/ does not exist", e.getMessage());
    }

    @Test
    void missingCaptureProperties() throws Exception {
        deviceDir("srv-01", null);
        CollectionException e = assertThrows(CollectionException.class,
                () -> new CaptureTransport(dir).open(device("srv-01", "debian")));
        assertTrue(e.getMessage().startsWith(dir.resolve("srv-01").resolve("capture.properties") + " is missing"),
                e.getMessage());
        assertTrue(e.getMessage().contains("capturedAt=2024-11-19T09:00:00Z"), e.getMessage());
    }

    @Test
    void missingOrInvalidCapturedAt() throws Exception {
        deviceDir("srv-01", "capturedOn=yesterday\n");
        CollectionException e = assertThrows(CollectionException.class,
                () -> new CaptureTransport(dir).open(device("srv-01", "debian")));
        assertTrue(e.getMessage().contains("capture.properties has no capturedAt"), e.getMessage());
        deviceDir("srv-02", "capturedAt=19/11/2024\n");
        e = assertThrows(CollectionException.class, () -> new CaptureTransport(dir).open(device("srv-02", "debian")));
        assertTrue(e.getMessage().contains("capturedAt '19/11/2024' is not an ISO-8601 instant"), e.getMessage());
    }

    @Test
    void missingProbeFile() throws Exception {
        deviceDir("srv-01", "capturedAt=2024-11-19T09:00:00Z");
        try (DeviceSession s = new CaptureTransport(dir).open(device("srv-01", "debian"))) {
            CollectionException e = assertThrows(CollectionException.class, () -> s.run(PROBE));
            assertEquals("no capture for probe admin-groups (" + dir.resolve("srv-01").resolve("admin-groups.txt") + ")",
                    e.getMessage());
        }
    }

    @Test
    void invalidExitFile() throws Exception {
        Path d = deviceDir("srv-01", "capturedAt=2024-11-19T09:00:00Z");
        Files.writeString(d.resolve("admin-groups.txt"), "x");
        Files.writeString(d.resolve("admin-groups.exit"), "failed");
        try (DeviceSession s = new CaptureTransport(dir).open(device("srv-01", "debian"))) {
            CollectionException e = assertThrows(CollectionException.class, () -> s.run(PROBE));
            assertTrue(e.getMessage().contains("exit status 'failed' is not an integer"), e.getMessage());
        }
    }

    @Test
    void capsOutputAndMarksItTruncated() throws Exception {
        Path d = deviceDir("srv-01", "capturedAt=2024-11-19T09:00:00Z");
        Files.write(d.resolve("admin-groups.txt"), "é".repeat(10).getBytes(StandardCharsets.UTF_8)); // 20 bytes
        try (DeviceSession s = new CaptureTransport(dir, 7).open(device("srv-01", "debian"))) {
            Observation o = s.run(PROBE);
            assertTrue(o.truncated());
            assertEquals("ééé\uFFFD", o.output(), "cut mid-character, replaced");
        }
        try (DeviceSession s = new CaptureTransport(dir, 20).open(device("srv-01", "debian"))) {
            Observation o = s.run(PROBE);
            assertFalse(o.truncated());
            assertEquals("é".repeat(10), o.output());
        }
    }

    @Test
    void idsNeverEscapeTheFolder() throws Exception {
        Path inner = Files.createDirectories(dir.resolve("captures"));
        deviceDir("secret", "capturedAt=2024-11-19T09:00:00Z");
        CaptureTransport t = new CaptureTransport(inner);
        for (String id : new String[]{"../secret", "..", ".", "a/b", "a\\b", "/etc", "C:x", ""}) {
            CollectionException e = assertThrows(CollectionException.class, () -> t.open(device(id, "debian")), id);
            assertTrue(e.getMessage().contains("cannot name a capture folder"), e.getMessage());
        }
        Path d = Files.createDirectories(inner.resolve("srv-01"));
        Files.writeString(d.resolve("capture.properties"), "capturedAt=2024-11-19T09:00:00Z");
        Files.writeString(inner.resolve("x.txt"), "outside");
        try (DeviceSession s = t.open(device("srv-01", "debian"))) {
            CollectionException e = assertThrows(CollectionException.class,
                    () -> s.run(new Probe("../x", "t", "c", "p", "d")));
            assertTrue(e.getMessage().contains("cannot name a capture file"), e.getMessage());
        }
    }
}
