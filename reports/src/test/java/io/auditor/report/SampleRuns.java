package io.auditor.report;

import io.auditor.model.Control;
import io.auditor.model.ControlResult;
import io.auditor.model.Role;
import io.auditor.model.RunReport;
import io.auditor.model.Severity;
import io.auditor.model.Status;
import io.auditor.model.Waiver;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** Small hand-made runs for renderer tests. */
final class SampleRuns {
    private SampleRuns() {}

    static final Instant STARTED = Instant.parse("2025-01-10T09:30:00Z");
    static final Instant FINISHED = Instant.parse("2025-01-10T09:30:04.250Z");

    static Control control(String id, String title, Severity sev) {
        return new Control(id, title, sev, List.of("000 §12", "CE"), Set.of(Role.WORKSTATION),
                Set.of("anti-malware"), "why", "how", "Fix " + id + " by doing the documented thing.");
    }

    static final Control AV01 = control("AV-01", "Anti-malware installed and running", Severity.CRITICAL);
    static final Control AV02 = control("AV-02", "Anti-malware definitions current", Severity.HIGH);
    static final Control VC01 = control("VC-01", "Video conferencing not set to auto answer", Severity.LOW);

    static final Waiver ACTIVE = new Waiver("AV-02", "ws-1*", "lab machines are offline", "stale definitions",
            "J Smith (Head)", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 3, 31), "waivers.yaml:4");
    static final Waiver EXPIRED = new Waiver("AV-01", "ws-101", "old exception", "none", "A Jones",
            LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), "waivers.yaml:12");

    static RunReport run(List<ControlResult> results, List<Waiver> expired) {
        return new RunReport("20250110T093000Z-ab12cd", STARTED, FINISHED, "Example Academy", "built-in defaults",
                "", List.of(
                        new RunReport.DeviceSummary("ws-101", List.of("workstation"), "windows", true, List.of()),
                        new RunReport.DeviceSummary("ws-105", List.of("workstation"), "windows", false,
                                List.of("no captures for ws-105")),
                        new RunReport.DeviceSummary("vc-01", List.of("vc-endpoint"), "cisco-roomos", true,
                                List.of())),
                results, List.of(AV01, AV02, VC01), expired);
    }

    static RunReport mixed() {
        return run(List.of(
                new ControlResult(AV01, "ws-101", Status.GAP, List.of("WinDefend service: Stopped (defender-status)"),
                        null, EXPIRED),
                new ControlResult(AV02, "ws-101", Status.WAIVED, List.of("definitions 9 days old"), ACTIVE, null),
                new ControlResult(AV01, "ws-105", Status.NOT_ASSESSED, List.of("no captures for ws-105"), null, null),
                new ControlResult(AV02, "ws-105", Status.NOT_ASSESSED, List.of("no captures for ws-105"), null, null),
                new ControlResult(VC01, "vc-01", Status.GAP, List.of("AutoAnswer Mode: On (roomos-autoanswer)"),
                        null, null),
                new ControlResult(AV02, "vc-01", Status.NOT_APPLICABLE, List.of(), null, null),
                new ControlResult(AV01, "vc-01", Status.PASS, List.of("ok"), null, null)),
                List.of(EXPIRED));
    }
}
