package io.auditor.collect.ssh;

import java.io.OutputStream;
import java.util.Arrays;

/**
 * Receives a command's output from JSch's session thread: keeps the first {@code max} bytes, counts the rest,
 * and wakes the waiting probe when output arrives, overflows or ends. Writing never blocks, so a device that
 * floods output cannot stall the session.
 */
final class OutputSink extends OutputStream {
    private final Object lock;
    private final int max;
    private byte[] buf = new byte[1024];
    private int size;
    private long total;
    private boolean closed;

    OutputSink(Object lock, int max) {
        this.lock = lock;
        this.max = max;
    }

    @Override
    public void write(int b) {
        write(new byte[]{(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) {
        synchronized (lock) {
            total += len;
            int keep = Math.min(len, max - size);
            if (keep > 0) {
                if (size + keep > buf.length) buf = Arrays.copyOf(buf, Math.min(max, Math.max(buf.length * 2, size + keep)));
                System.arraycopy(b, off, buf, size, keep);
                size += keep;
            }
            if (total > max) lock.notifyAll();
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            lock.notifyAll();
        }
    }

    boolean overflowed() {
        synchronized (lock) {
            return total > max;
        }
    }

    boolean closed() {
        synchronized (lock) {
            return closed;
        }
    }

    byte[] bytes() {
        synchronized (lock) {
            return Arrays.copyOf(buf, size);
        }
    }
}
