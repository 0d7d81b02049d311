package io.auditor.report.history;

import io.auditor.model.Severity;
import io.auditor.model.Status;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * What changed between two runs: gaps that are new in {@code toRunId}, gaps of {@code fromRunId} that are
 * fixed (now PASS, WAIVED or NOT_APPLICABLE), and gaps still open in both.
 *
 * @param noLongerAssessed gaps of {@code fromRunId} that {@code toRunId} could not assess (device unreachable,
 *                         data missing) or no longer reports (device or control removed): not known to be
 *                         fixed, so never counted as fixed
 */
public record RunDiff(String fromRunId, String toRunId, List<ResultKey> newGaps, List<ResultKey> fixedGaps,
                      List<ResultKey> stillOpen, List<ResultKey> noLongerAssessed) {
    public RunDiff {
        newGaps = List.copyOf(newGaps);
        fixedGaps = List.copyOf(fixedGaps);
        stillOpen = List.copyOf(stillOpen);
        noLongerAssessed = List.copyOf(noLongerAssessed);
    }

    /** Most severe first (unknown severity last), then by control and device: the order a reader works through them. */
    public static final Comparator<ResultKey> ORDER = Comparator.comparing(ResultKey::severity,
                    Comparator.nullsLast(Comparator.<Severity>naturalOrder()))
            .thenComparing(ResultKey::control).thenComparing(ResultKey::deviceId);

    /** One stored result: its key and status. */
    record Entry(ResultKey key, Status status) {}

    /**
     * Compares two runs' results keyed by (control, device). A gap's severity and title are taken from the
     * run it is listed for: the newer run for new and still-open gaps, the older for fixed ones.
     */
    static RunDiff between(String fromRunId, Map<List<String>, Entry> from, String toRunId,
                           Map<List<String>, Entry> to) {
        List<ResultKey> added = new ArrayList<>();
        List<ResultKey> fixed = new ArrayList<>();
        List<ResultKey> open = new ArrayList<>();
        List<ResultKey> unknown = new ArrayList<>();
        for (Map.Entry<List<String>, Entry> e : to.entrySet()) {
            if (e.getValue().status() != Status.GAP) continue;
            Entry before = from.get(e.getKey());
            if (before != null && before.status() == Status.GAP) open.add(e.getValue().key());
            else added.add(e.getValue().key());
        }
        for (Map.Entry<List<String>, Entry> e : from.entrySet()) {
            if (e.getValue().status() != Status.GAP) continue;
            Entry after = to.get(e.getKey());
            if (after == null || after.status() == Status.NOT_ASSESSED) unknown.add(e.getValue().key());
            else if (after.status() != Status.GAP) fixed.add(e.getValue().key());
        }
        for (List<ResultKey> list : List.of(added, fixed, open, unknown)) list.sort(ORDER);
        return new RunDiff(fromRunId, toRunId, added, fixed, open, unknown);
    }
}
