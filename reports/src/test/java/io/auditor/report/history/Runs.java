package io.auditor.report.history;

import io.auditor.model.Control;
import io.auditor.model.ControlResult;
import io.auditor.model.Role;
import io.auditor.model.RunReport;
import io.auditor.model.Severity;
import io.auditor.model.Status;
import io.auditor.model.Waiver;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Hand-made runs for history tests: a result is written as "CONTROL device STATUS". */
final class Runs {
    private Runs() {}

    static final Control AV01 = new Control("AV-01", "Anti-malware installed and running", Severity.CRITICAL,
            List.of("000 §12", "CE"), Set.of(Role.WORKSTATION, Role.SERVER), Set.of("anti-malware"),
            "Without it, malware runs unchecked.", "Reads the service state.", "Start the service.");
    static final Control AV02 = new Control("AV-02", "Anti-malware definitions current", Severity.HIGH,
            List.of("000 §12"), Set.of(Role.WORKSTATION), Set.of("anti-malware"), "Old definitions miss new threats.",
            "Reads the definitions' age.", "Update the definitions.");
    static final Control VC01 = new Control("VC-01", "Video conferencing not set to auto answer", Severity.HIGH,
            List.of("002 §3.6"), Set.of(Role.VC_ENDPOINT), Set.of("vc-settings"), "A caller could see the room.",
            "Reads the auto-answer setting.", "Turn auto answer off.");
    static final Map<String, Control> CONTROLS = Map.of("AV-01", AV01, "AV-02", AV02, "VC-01", VC01);

    static final Waiver ACTIVE = new Waiver("AV-02", "ws-1*", "lab machines are offline", "stale definitions",
            "J Smith (Head)", LocalDate.of(2026, 1, 1), LocalDate.of(2027, 3, 31), "waivers.yaml:4");
    static final Waiver EXPIRED = new Waiver("AV-01", "ws-101", "old exception", "none", "A Jones",
            LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), "waivers.yaml:12");

    static RunReport run(String id, Instant started, String... results) {
        List<ControlResult> list = new ArrayList<>();
        for (String r : results) {
            String[] f = r.split(" ");
            list.add(new ControlResult(CONTROLS.get(f[0]), f[1], Status.valueOf(f[2]),
                    List.of(f[0] + " on " + f[1] + " is " + f[2] + " [probe]"), null, null));
        }
        return new RunReport(id, started, started.plusSeconds(3), "Example Academy", "Example 2026/27",
                "ab".repeat(32), devices(), list, List.of(AV01, AV02, VC01), List.of());
    }

    static List<RunReport.DeviceSummary> devices() {
        return List.of(
                new RunReport.DeviceSummary("ws-101", List.of("workstation"), "windows", true, List.of()),
                new RunReport.DeviceSummary("ws-102", List.of("workstation"), "windows", false,
                        List.of("no captures for ws-102")),
                new RunReport.DeviceSummary("vc-hall", List.of("vc-endpoint"), "cisco-roomos", true, List.of()));
    }

    /** Every field the JSON report shows: waivers, expired waivers, odd text, a control no result uses. */
    static RunReport rich(String id, Instant started) {
        Control unused = new Control("ZZ-09", "A school rule", Severity.LOW, List.of(), Set.of(Role.FIREWALL),
                Set.of(), null, null, null);
        return new RunReport(id, started, started.plusMillis(4250).plusNanos(123_456), "École \"Ångström\" — 学校",
                "built-in defaults", "", devices(), List.of(
                new ControlResult(AV01, "ws-101", Status.GAP,
                        List.of("WinDefend: Stopped \u001b[31m(defender-status)", "second line\nwith newline"),
                        null, EXPIRED),
                new ControlResult(AV02, "ws-101", Status.WAIVED, List.of("definitions 9 days old"), ACTIVE, null),
                new ControlResult(AV01, "ws-102", Status.NOT_ASSESSED, List.of("no captures for ws-102"), null, null),
                new ControlResult(VC01, "vc-hall", Status.PASS, List.of(), null, null),
                new ControlResult(AV02, "vc-hall", Status.NOT_APPLICABLE, List.of(), null, null)),
                List.of(AV01, AV02, VC01, unused), List.of(EXPIRED));
    }
}
