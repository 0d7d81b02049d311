package io.auditor.model;

import java.util.List;

/**
 * The one result of a control on a device.
 *
 * @param evidence     what was observed and from which probe (for GAP and PASS), or why nothing could be
 *                     assessed (for NOT_ASSESSED)
 * @param waiver       the waiver that made this WAIVED, or null
 * @param expiredWaiver a waiver that would have covered this GAP but has expired, or null
 */
public record ControlResult(Control control, String deviceId, Status status, List<String> evidence,
                            Waiver waiver, Waiver expiredWaiver) {
    public ControlResult {
        evidence = List.copyOf(evidence);
    }

    public ControlResult withStatus(Status s, Waiver w, Waiver expired) {
        return new ControlResult(control, deviceId, s, evidence, w, expired);
    }

    public String evidenceText() { return String.join("; ", evidence); }
}
