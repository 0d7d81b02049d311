package io.auditor.collect;

import io.auditor.model.Device;
import io.auditor.model.Observation;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Properties;

/**
 * Reads probe outputs from {@code DIR/<device-id>/<probe-id>.txt}: offline audits and tests.
 *
 * <ul>
 *   <li>{@code <probe-id>.txt}: the output, byte for byte as the device printed it (read as UTF-8);</li>
 *   <li>{@code <probe-id>.exit}: optional, the exit status as an integer (0 when absent);</li>
 *   <li>{@code capture.properties}: {@code capturedAt=<ISO-8601 instant>}, the time of the capture, used as the
 *       observations' time so that ages are computed as of then.</li>
 * </ul>
 * Outputs longer than the cap are cut and marked truncated, as a live transport does.
 */
public final class CaptureTransport implements Transport {
    /** Default cap on one probe's output. */
    public static final int DEFAULT_MAX_OUTPUT_BYTES = 4 * 1024 * 1024;
    public static final String PROPERTIES = "capture.properties";

    private final Path dir;
    private final int maxOutputBytes;

    public CaptureTransport(Path dir) {
        this(dir, DEFAULT_MAX_OUTPUT_BYTES);
    }

    public CaptureTransport(Path dir, int maxOutputBytes) {
        this.dir = java.util.Objects.requireNonNull(dir, "dir");
        if (maxOutputBytes <= 0) throw new IllegalArgumentException("maxOutputBytes must be positive");
        this.maxOutputBytes = maxOutputBytes;
    }

    @Override
    public DeviceSession open(Device device) throws CollectionException {
        String id = device.id();
        Path deviceDir = child(dir, id, "");
        if (deviceDir == null) {
            throw new CollectionException("device id '" + id + "' cannot name a capture folder inside " + dir);
        }
        if (!Files.isDirectory(deviceDir)) {
            throw new CollectionException("no captures for " + id + ": " + deviceDir + "/ does not exist");
        }
        Instant capturedAt = capturedAt(deviceDir.resolve(PROPERTIES));
        return new Session(id, deviceDir, capturedAt);
    }

    /** The {@code capturedAt} instant of a {@code capture.properties} file, with a message that says how to write it. */
    public static Instant capturedAt(Path file) throws CollectionException {
        String example = "capturedAt=2024-11-19T09:00:00Z";
        Properties props = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            props.load(r);
        } catch (NoSuchFileException e) {
            throw new CollectionException(file + " is missing: write a line such as " + example
                    + ", the time the outputs were captured (ages are computed as of then)");
        } catch (IOException | IllegalArgumentException e) {
            throw new CollectionException("cannot read " + file + ": " + e.getMessage(), e);
        }
        String value = props.getProperty("capturedAt");
        if (value == null || value.isBlank()) {
            throw new CollectionException(file + " has no capturedAt: add a line such as " + example
                    + ", the time the outputs were captured");
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(value.strip()).toInstant();
            } catch (DateTimeParseException e2) {
                throw new CollectionException(file + ": capturedAt '" + value.strip()
                        + "' is not an ISO-8601 instant; write it like " + example);
            }
        }
    }

    /**
     * {@code parent/<name><suffix>}, or null when {@code name} would not name a plain entry directly inside
     * {@code parent} (separators, {@code ..}, absolute paths, drive letters).
     */
    static Path child(Path parent, String name, String suffix) {
        if (name == null || name.isEmpty() || name.equals(".") || name.equals("..")) return null;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '/' || c == '\\' || c == ':' || Character.isISOControl(c)) return null;
        }
        Path p;
        try {
            p = parent.resolve(name + suffix);
        } catch (java.nio.file.InvalidPathException e) {
            return null;
        }
        Path normParent = parent.toAbsolutePath().normalize();
        Path normChild = p.toAbsolutePath().normalize();
        if (!normParent.equals(normChild.getParent())) return null;
        return p;
    }

    private final class Session implements DeviceSession {
        private final String deviceId;
        private final Path deviceDir;
        private final Instant capturedAt;

        Session(String deviceId, Path deviceDir, Instant capturedAt) {
            this.deviceId = deviceId;
            this.deviceDir = deviceDir;
            this.capturedAt = capturedAt;
        }

        @Override
        public Observation run(Probe probe) throws CollectionException {
            Path out = child(deviceDir, probe.id(), ".txt");
            Path exit = child(deviceDir, probe.id(), ".exit");
            if (out == null || exit == null) {
                throw new CollectionException("probe id '" + probe.id() + "' cannot name a capture file");
            }
            if (!Files.isRegularFile(out)) {
                throw new CollectionException("no capture for probe " + probe.id() + " (" + out + ")");
            }
            byte[] bytes;
            boolean truncated;
            try (InputStream in = Files.newInputStream(out)) {
                byte[] read = in.readNBytes(maxOutputBytes + 1);
                truncated = read.length > maxOutputBytes;
                bytes = truncated ? java.util.Arrays.copyOf(read, maxOutputBytes) : read;
            } catch (IOException e) {
                throw new CollectionException("cannot read " + out + ": " + e.getMessage(), e);
            }
            Integer exitStatus = 0;
            if (Files.exists(exit)) {
                String text;
                try {
                    text = Files.readString(exit, StandardCharsets.UTF_8).strip();
                } catch (IOException e) {
                    throw new CollectionException("cannot read " + exit + ": " + e.getMessage(), e);
                }
                try {
                    exitStatus = Integer.parseInt(text);
                } catch (NumberFormatException e) {
                    throw new CollectionException(exit + ": exit status " + Text.quote(text)
                            + " is not an integer; write the probe's exit status, for example 0");
                }
            }
            // Malformed bytes (a character cut by the cap included) are replaced, never fatal.
            String output = new String(bytes, StandardCharsets.UTF_8);
            return new Observation(deviceId, probe.id(), probe.command(), output, exitStatus, capturedAt, 0, truncated);
        }

        @Override
        public void close() {
        }
    }
}
