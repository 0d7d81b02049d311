package io.auditor.collect;

import io.auditor.model.Device;
import io.auditor.model.Observation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Writes what a live transport returns in the layout {@link CaptureTransport} reads, so an audit can be re-run
 * offline later or sent for support: {@code DIR/<device-id>/<probe-id>.txt}, {@code .exit} when not 0, and
 * {@code capture.properties} with {@code capturedAt}, the time the device's session opened.
 *
 * <p>A device's folder is written beside the final one and moved into place when its collector closes the
 * session, so an earlier capture of that device is only replaced by a complete one; a session closed by another
 * thread (the scan giving up on the device at its deadline) leaves the earlier capture in place. An output cut at the transport's cap gets a
 * final marker line, which keeps it over {@link CaptureTransport}'s cap so the replay reports it cut as well.
 * Only device output is written: credentials never pass through here.
 */
public final class CaptureRecorder implements Transport {
    static final String TRUNCATED_MARKER = "\n[auditor: output cut at the transport's cap; the rest was discarded]\n";

    private final Transport live;
    private final Path dir;
    private final Clock clock;

    public CaptureRecorder(Transport live, Path dir, Clock clock) {
        this.live = Objects.requireNonNull(live, "live");
        this.dir = Objects.requireNonNull(dir, "dir");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public DeviceSession open(Device device) throws CollectionException {
        Path target = CaptureTransport.child(dir, device.id(), "");
        if (target == null) {
            throw new CollectionException("device id '" + device.id() + "' cannot name a capture folder inside " + dir);
        }
        Instant capturedAt = clock.instant();
        DeviceSession session = live.open(device);
        Path partial = dir.resolve("." + device.id() + ".partial-" + UUID.randomUUID().toString().substring(0, 8));
        try {
            Files.createDirectories(partial);
        } catch (IOException e) {
            session.close();
            throw new CollectionException("cannot create " + partial + ": " + e.getMessage(), e);
        }
        return new Recording(session, partial, target, capturedAt, Thread.currentThread());
    }

    private final class Recording implements DeviceSession {
        private final DeviceSession session;
        private final Path partial;
        private final Path target;
        private final Instant capturedAt;
        private final Thread collector;
        private boolean closed;

        Recording(DeviceSession session, Path partial, Path target, Instant capturedAt, Thread collector) {
            this.session = session;
            this.partial = partial;
            this.target = target;
            this.capturedAt = capturedAt;
            this.collector = collector;
        }

        @Override
        public Observation run(Probe probe) throws CollectionException {
            Observation obs = session.run(probe);
            Path txt = CaptureTransport.child(partial, probe.id(), ".txt");
            Path exit = CaptureTransport.child(partial, probe.id(), ".exit");
            if (txt == null || exit == null) return obs;
            String output = obs.output() == null ? "" : obs.output();
            try {
                Files.writeString(txt, obs.truncated() ? output + TRUNCATED_MARKER : output, StandardCharsets.UTF_8);
                if (obs.exitStatus() != null && obs.exitStatus() != 0) {
                    Files.writeString(exit, obs.exitStatus() + "\n", StandardCharsets.US_ASCII);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the capture " + txt, e);
            }
            return obs;
        }

        @Override
        public synchronized void close() {
            if (closed) return;
            closed = true;
            try {
                session.close();
            } finally {
                // Closed by another thread means given up (the scan's device deadline): the capture is incomplete,
                // so it is dropped and an earlier complete one stays.
                if (Thread.currentThread() == collector) {
                    promote();
                } else {
                    discard();
                }
            }
        }

        private void discard() {
            try {
                deleteTree(partial);
            } catch (IOException e) {
                // A leftover hidden .partial folder is harmless: CaptureTransport only reads device folders.
            }
        }

        private void promote() {
            try {
                Files.writeString(partial.resolve(CaptureTransport.PROPERTIES), "capturedAt=" + capturedAt + "\n",
                        StandardCharsets.UTF_8);
                Path old = null;
                if (Files.exists(target)) {
                    old = dir.resolve("." + target.getFileName() + ".old-" + UUID.randomUUID().toString().substring(0, 8));
                    move(target, old);
                }
                move(partial, target);
                if (old != null) deleteTree(old);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot complete the capture " + target, e);
            }
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static void deleteTree(Path p) throws IOException {
        if (Files.isDirectory(p)) {
            try (DirectoryStream<Path> children = Files.newDirectoryStream(p)) {
                for (Path c : children) deleteTree(c);
            }
        }
        Files.deleteIfExists(p);
    }
}
