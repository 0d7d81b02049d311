package io.auditor.collect.parsers;

import io.auditor.collect.UnrecognisedOutputException;

import java.time.Duration;
import java.time.Instant;

/** Times read from a device, checked against the moment its output was taken. */
final class Times {
    private Times() {}

    /** How far a device's clock may run ahead of the auditor's before its times are not believed. */
    static final Duration CLOCK_SKEW = Duration.ofDays(1);

    /**
     * The time, unless it lies more than {@link #CLOCK_SKEW} after the observation: a date in the future is a wrong
     * clock or a lie, and an age measured from it would make anything look recent.
     */
    static Instant notAfter(Instant t, Instant observedAt, String what, int line) throws UnrecognisedOutputException {
        if (t != null && observedAt != null && Duration.between(observedAt, t).compareTo(CLOCK_SKEW) > 0) {
            throw new UnrecognisedOutputException(what + " " + t + " is after the output was taken (" + observedAt
                    + "); the device's clock or its output is wrong, so no age can be measured from it", line);
        }
        return t;
    }
}
