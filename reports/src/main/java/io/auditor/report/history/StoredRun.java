package io.auditor.report.history;

import java.time.Instant;

/** One run as listed by {@code auditor history}: its identity, provenance and result counts. */
public record StoredRun(String runId, Instant startedAt, Instant finishedAt, String school, String profileName,
                        String profileSha256, String toolVersion, int devices, long pass, long gap,
                        long notAssessed, long waived, long notApplicable) {

    public TrendPoint trendPoint() {
        return new TrendPoint(runId, startedAt, pass, gap, notAssessed, waived, notApplicable);
    }
}
