package io.auditor.collect.ssh;

import com.jcraft.jsch.ChannelExec;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;
import io.auditor.collect.CollectionException;
import io.auditor.collect.DeviceSession;
import io.auditor.collect.Probe;
import io.auditor.collect.Text;
import io.auditor.model.Observation;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * One device's SSH connection: each probe runs in its own exec channel, bounded by the command timeout and the
 * output cap. {@link #close()} may be called from another thread (the scan's device deadline); a probe waiting
 * at that moment ends with "connection closed".
 */
final class SshSession implements DeviceSession {
    /** Standard error is only kept to explain a failing command. */
    private static final int MAX_STDERR = 64 * 1024;

    private final String deviceId;
    private final Session session;
    private final Session jump;
    private final SshSettings settings;
    private volatile boolean closed;

    SshSession(String deviceId, Session session, Session jump, SshSettings settings) {
        this.deviceId = deviceId;
        this.session = session;
        this.jump = jump;
        this.settings = settings;
    }

    @Override
    public Observation run(Probe probe) throws CollectionException {
        if (closed || !session.isConnected()) throw new CollectionException("the connection was closed before this probe");
        Instant observedAt = settings.clock().instant();
        long start = System.nanoTime();
        long deadline = start + settings.commandTimeout().toNanos();
        Object lock = new Object();
        OutputSink out = new OutputSink(lock, settings.maxOutputBytes());
        OutputSink err = new OutputSink(lock, MAX_STDERR);
        ChannelExec channel;
        try {
            channel = (ChannelExec) session.openChannel("exec");
        } catch (JSchException e) {
            throw new CollectionException("could not open a channel: " + e.getMessage(), e);
        }
        try {
            channel.setCommand(probe.command().getBytes(StandardCharsets.UTF_8));
            // An empty, finished standard input: a command that reads it (PowerShell does) gets EOF, not a hang.
            channel.setInputStream(new ByteArrayInputStream(new byte[0]));
            channel.setOutputStream(out, false);
            channel.setErrStream(err, false);
            channel.connect(millisLeft(deadline));
            synchronized (lock) {
                while (!channel.isClosed() && !out.overflowed() && session.isConnected() && !closed) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) break;
                    // Woken by output, overflow and end of output; the exit status follows end of output closely.
                    long waitMillis = out.closed() ? 2 : 50;
                    lock.wait(Math.max(1, Math.min(waitMillis, left / 1_000_000)));
                }
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            if (out.overflowed()) {
                return new Observation(deviceId, probe.id(), probe.command(), decode(out.bytes()), null, observedAt,
                        millis, true);
            }
            if (!channel.isClosed()) {
                if (closed || !session.isConnected()) {
                    throw new CollectionException("the connection was closed while the probe ran");
                }
                throw new CollectionException("no result within " + Text.duration(settings.commandTimeout())
                        + " (--command-timeout); the command was abandoned");
            }
            int exit = channel.getExitStatus();
            String output = decode(out.bytes());
            if (exit != 0 && output.isBlank()) {
                // Nothing on standard output: the error stream is what explains the failure.
                output = decode(err.bytes());
            }
            if (exit == -1 && channel.getExitSignal() != null) {
                output = "killed by signal " + channel.getExitSignal() + (output.isBlank() ? "" : ": " + output);
            }
            return new Observation(deviceId, probe.id(), probe.command(), output, exit, observedAt, millis, false);
        } catch (JSchException e) {
            if (closed || !session.isConnected()) {
                throw new CollectionException("the connection was closed while the probe ran", e);
            }
            throw new CollectionException("could not run the command: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CollectionException("interrupted: the scan's deadline for this device passed", e);
        } finally {
            channel.disconnect();
        }
    }

    private static int millisLeft(long deadline) {
        long left = (deadline - System.nanoTime()) / 1_000_000;
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, left));
    }

    @Override
    public void close() {
        closed = true;
        session.disconnect();
        if (jump != null) jump.disconnect();
    }

    /** UTF-8, with malformed bytes (binary output, a character cut by the cap) replaced rather than fatal. */
    static String decode(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8); // always replaces malformed input
    }
}
