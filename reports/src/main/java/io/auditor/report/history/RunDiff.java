package io.auditor.report.history;

import java.util.List;

/**
 * What changed between two runs: gaps that are new in {@code toRunId}, gaps of {@code fromRunId} that are
 * fixed (now PASS, WAIVED or NOT_APPLICABLE), and gaps still open in both.
 */
public record RunDiff(String fromRunId, String toRunId, List<ResultKey> newGaps, List<ResultKey> fixedGaps,
                      List<ResultKey> stillOpen) {
    public RunDiff {
        newGaps = List.copyOf(newGaps);
        fixedGaps = List.copyOf(fixedGaps);
        stillOpen = List.copyOf(stillOpen);
    }
}
