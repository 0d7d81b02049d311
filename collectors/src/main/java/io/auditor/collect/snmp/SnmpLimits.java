package io.auditor.collect.snmp;

import io.auditor.collect.CaptureTransport;

import java.time.Duration;

/**
 * Bounds on what one SNMP device may cost the scan. A device that does not answer, answers slowly, loops or
 * floods is stopped by one of these and reported; the scan goes on.
 *
 * @param requestTimeout   wait for one response before resending
 * @param retries          resends after the first try
 * @param probeTimeout     longest one probe (a whole walk) may take
 * @param maxRows          most variable bindings one probe may return
 * @param maxBytes         most bytes of text one probe may produce
 * @param maxRepetitions   rows asked for per GETBULK request
 * @param communityTimeout wait for an answer to a default community ({@code public}, {@code private}); the usual
 *                         answer is none, so this is kept short
 */
public record SnmpLimits(Duration requestTimeout, int retries, Duration probeTimeout, int maxRows, int maxBytes,
                         int maxRepetitions, Duration communityTimeout) {
    /** Its byte cap is the capture transport's, so a recorded walk replays whole. */
    public static final SnmpLimits DEFAULTS = new SnmpLimits(Duration.ofSeconds(2), 1, Duration.ofSeconds(60),
            50_000, CaptureTransport.DEFAULT_MAX_OUTPUT_BYTES, 25, Duration.ofMillis(1500));

    public SnmpLimits {
        if (requestTimeout.isNegative() || requestTimeout.isZero()) throw new IllegalArgumentException("requestTimeout");
        if (retries < 0) throw new IllegalArgumentException("retries");
        if (maxRows <= 0 || maxBytes <= 0 || maxRepetitions <= 0) throw new IllegalArgumentException("limits must be positive");
    }

    public SnmpLimits withRequestTimeout(Duration timeout, int retries) {
        return new SnmpLimits(timeout, retries, probeTimeout, maxRows, maxBytes, maxRepetitions, communityTimeout);
    }

    public SnmpLimits withProbeTimeout(Duration timeout) {
        return new SnmpLimits(requestTimeout, retries, timeout, maxRows, maxBytes, maxRepetitions, communityTimeout);
    }

    public SnmpLimits withMaxRows(int rows) {
        return new SnmpLimits(requestTimeout, retries, probeTimeout, rows, maxBytes, maxRepetitions, communityTimeout);
    }

    public SnmpLimits withCommunityTimeout(Duration timeout) {
        return new SnmpLimits(requestTimeout, retries, probeTimeout, maxRows, maxBytes, maxRepetitions, timeout);
    }
}
