package io.auditor.cli;

import io.auditor.model.Device;
import io.auditor.model.DeviceOutcome;
import io.auditor.report.UntrustedText;
import io.auditor.scan.Audit;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * What a scan shows on standard error while devices are collected. On a terminal: one bar redrawn in place
 * (done/total, failures, rate, last device), with failures and notices printed above it as they happen. Otherwise
 * (cron, CI, a pipe): one plain line per device, so logs stay readable.
 */
final class ScanProgress implements Audit.Progress {
    private final PrintWriter err;
    private final boolean terminal;
    private final LongSupplier nanos;
    private final long start;
    private int failed;
    private int lastDone;
    private int lastTotal;
    private boolean barShown;

    ScanProgress(PrintWriter err, boolean terminal, LongSupplier nanos) {
        this.err = err;
        this.terminal = terminal;
        this.nanos = nanos;
        this.start = nanos.getAsLong();
    }

    /** A terminal is assumed only when there is a console and TERM is not dumb: progress bars need both. */
    static boolean stderrIsTerminal() {
        return System.console() != null && !"dumb".equals(System.getenv("TERM"));
    }

    @Override
    public synchronized void deviceDone(int done, int total, Device device, DeviceOutcome outcome) {
        lastDone = done;
        lastTotal = total;
        boolean failure = !outcome.reachable();
        if (failure) failed++;
        String line = "[" + done + "/" + total + "] " + device.id() + " … " + describe(outcome);
        if (!terminal) {
            err.println(line);
        } else {
            if (failure) above(line);
            redraw(device.id());
        }
        err.flush();
    }

    /** A line for the person running the scan (a new host key recorded, say), above the bar on a terminal. */
    synchronized void note(String line) {
        if (terminal) {
            above(UntrustedText.oneLine(line));
            redraw(null);
        } else {
            err.println(UntrustedText.oneLine(line));
        }
        err.flush();
    }

    /** Ends the bar with a summary line, so the report that follows starts on a clean line. */
    synchronized void finish() {
        if (!terminal || !barShown) return;
        err.print("\r\033[K");
        err.println(bar(null));
        err.flush();
        barShown = false;
    }

    private void above(String line) {
        if (barShown) err.print("\r\033[K");
        err.println(line);
    }

    private void redraw(String last) {
        err.print("\r\033[K" + bar(last));
        barShown = true;
    }

    private String bar(String last) {
        double seconds = Math.max(1e-3, (nanos.getAsLong() - start) / 1e9);
        int width = 24;
        int filled = lastTotal == 0 ? 0 : (int) Math.round(width * (double) lastDone / lastTotal);
        String bar = "#".repeat(filled) + "-".repeat(width - filled);
        return String.format(Locale.ROOT, "[%s] %d/%d devices, %d failed, %.1f devices/s%s", bar, lastDone, lastTotal,
                failed, lastDone / seconds, last == null ? "" : " · " + last);
    }

    static String describe(DeviceOutcome o) {
        if (!o.reachable()) {
            return "unreachable: " + (o.errors().isEmpty() ? "no reason given"
                    : UntrustedText.oneLine(String.join("; ", o.errors())));
        }
        // Details are in the report, against the controls that needed the data.
        return o.topicProblems().isEmpty() ? "ok"
                : "ok, incomplete: " + UntrustedText.oneLine(String.join(", ",
                new java.util.TreeSet<>(o.topicProblems().keySet())));
    }
}
