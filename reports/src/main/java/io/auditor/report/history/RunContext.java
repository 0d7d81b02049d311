package io.auditor.report.history;

import java.util.List;

/**
 * What history adds to a run's report: the trend over recent runs (oldest first, this run last) and the
 * changes since the previous run, or null when there is no previous run.
 */
public record RunContext(List<TrendPoint> trend, RunDiff sinceLast) {
    public RunContext {
        trend = List.copyOf(trend);
    }

    /** A first run, or a run rendered without history. */
    public static RunContext none() {
        return new RunContext(List.of(), null);
    }
}
