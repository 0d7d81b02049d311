package io.auditor.report.history;

import java.time.Instant;

/** The counts of one stored run, a point on the trend chart. */
public record TrendPoint(String runId, Instant startedAt, long pass, long gap, long notAssessed, long waived,
                         long notApplicable) {
}
