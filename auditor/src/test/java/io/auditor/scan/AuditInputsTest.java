package io.auditor.scan;

import io.auditor.collect.CaptureTransport;
import io.auditor.collect.PlatformCatalog;
import io.auditor.model.InputProblem;
import io.auditor.model.InvalidInputException;
import io.auditor.model.RunReport;
import io.auditor.model.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuditInputsTest {
    private static final Path ESTATE = Path.of("../samples/estate");

    @Test
    void problemsInEveryFileAreReportedTogether(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("inventory.yaml"), """
                school: Test
                profile: profile.yaml
                devices:
                  - { id: srv-01, roles: [server], platform: debian }
                """);
        Files.writeString(dir.resolve("profile.yaml"), "patch: { maxAgeDays: soon }\n");
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Files.writeString(rules.resolve("bad.drl"), "package x;\nrule \"X-01\" @id(\"X-01\")\nwhen\n  Device( id == )\nthen\nend\n");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> AuditInputs.load(
                dir.resolve("inventory.yaml"), List.of(rules), PlatformCatalog.builtIn(), false,
                List.of(new InputProblem("--format", 0, 0, "unknown format 'pdf'", ""))));
        List<String> files = new ArrayList<>();
        for (InputProblem p : e.problems()) files.add(Path.of(p.file()).getFileName().toString());
        assertTrue(files.contains("--format"), files.toString());
        assertTrue(files.contains("profile.yaml"), files.toString());
        assertTrue(files.contains("bad.drl"), files.toString());
    }

    @Test
    void theSampleEstateRunsThroughCollectAndEvaluate() throws Exception {
        AuditInputs in = AuditInputs.load(ESTATE.resolve("inventory.yaml"), List.of(), PlatformCatalog.builtIn(),
                false, List.of());
        Clock clock = Clock.fixed(Instant.parse("2026-11-20T06:00:00Z"), ZoneOffset.UTC);
        Audit audit = new Audit(PlatformCatalog.builtIn(), clock);
        List<String> progress = new ArrayList<>();
        Audit.Collected c = audit.collect(in, new CaptureTransport(ESTATE.resolve("captures")),
                (done, total, d, o) -> progress.add(done + "/" + total + " " + d.id()));
        assertEquals(in.inventory().devices().size(), progress.size());
        // Each device once, counted up.
        int total = in.inventory().devices().size();
        assertTrue(progress.stream().anyMatch(p -> p.endsWith("/" + total + " dc-01")), progress.toString());
        assertTrue(progress.get(0).startsWith("1/" + total + " ") && progress.get(total - 1).startsWith(total + "/"),
                progress.toString());
        // Without a schedule, one device at a time: progress follows the inventory's order.
        List<String> inOrder = new ArrayList<>();
        for (int i = 0; i < total; i++) inOrder.add((i + 1) + "/" + total + " " + in.inventory().devices().get(i).id());
        assertEquals(inOrder, progress);
        RunReport report = audit.evaluate(in, c, LocalDate.of(2026, 11, 20));
        assertTrue(report.runId().startsWith("20261120T060000Z-"), report.runId());
        assertEquals(1, report.count(Status.WAIVED));
        assertEquals(1, report.exitStatus());
    }

    @Test
    void waiversForUnknownControlsOrDevicesAndBadDatesStopTheRun(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("inventory.yaml"), """
                school: Test
                waivers: waivers.yaml
                devices:
                  - { id: srv-01, roles: [server], platform: debian }
                """);
        Files.writeString(dir.resolve("waivers.yaml"), """
                waivers:
                  - { control: PATCH-99, devices: srv-01, reason: r, riskAccepted: k, approvedBy: a,
                      effective: 2026-01-01, expires: 2026-12-31 }
                  - { control: PATCH-01, devices: ws-*, reason: r, riskAccepted: k, approvedBy: a,
                      effective: 2026-01-01, expires: 2026-12-31 }
                  - { control: PATCH-01, devices: srv-01, reason: r, riskAccepted: k, approvedBy: a,
                      effective: 2026-06-01, expires: 2026-05-31 }
                """);
        // Each alone is valid, so the cross-check with the rule pack's scopes shows: VC-01 never checks a server.
        Files.writeString(dir.resolve("scope.yaml"), """
                waivers:
                  - { control: VC-01, devices: srv-*, reason: r, riskAccepted: k, approvedBy: a,
                      effective: 2026-01-01, expires: 2026-12-31 }
                """);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> AuditInputs.load(
                dir.resolve("inventory.yaml"), List.of(), PlatformCatalog.builtIn(), false, List.of()));
        String all = String.join("\n", e.problems().stream().map(InputProblem::format).toList());
        assertTrue(all.contains("waivers.yaml:2:16: unknown control 'PATCH-99'"), all);
        assertTrue(all.contains("waivers.yaml:4:35: devices pattern 'ws-*' matches no device in the inventory"), all);
        assertTrue(all.contains("waivers.yaml:7:39: waiver expires (2026-05-31) before it takes effect (2026-06-01)"), all);
        assertEquals(3, e.problems().size(), all);

        Files.writeString(dir.resolve("inventory.yaml"), Files.readString(dir.resolve("inventory.yaml"))
                .replace("waivers: waivers.yaml", "waivers: scope.yaml"));
        e = assertThrows(InvalidInputException.class, () -> AuditInputs.load(
                dir.resolve("inventory.yaml"), List.of(), PlatformCatalog.builtIn(), false, List.of()));
        assertEquals(1, e.problems().size(), e.problems().toString());
        String scope = e.problems().get(0).format();
        assertTrue(scope.matches(".*scope\\.yaml:2: waiver for VC-01 on 'srv-\\*' can never apply: VC-01 checks only "
                + "devices with the roles \\[vc-endpoint\\] — check the control id and the devices pattern"), scope);
    }

    @Test
    void theSampleEstateGivesEveryControlAResultAndNamesItsExpiredWaivers() throws Exception {
        AuditInputs in = AuditInputs.load(ESTATE.resolve("inventory.yaml"), List.of(), PlatformCatalog.builtIn(),
                false, List.of());
        Audit audit = new Audit(PlatformCatalog.builtIn(), Clock.fixed(Instant.parse("2026-11-20T06:00:00Z"), ZoneOffset.UTC));
        RunReport report = audit.evaluate(in, audit.collect(in, new CaptureTransport(ESTATE.resolve("captures")),
                (done, total, d, o) -> { }), LocalDate.of(2026, 11, 20));
        for (io.auditor.model.Control c : in.rulePack().controls()) {
            assertTrue(report.results().stream().anyMatch(r -> r.control().id().equals(c.id())),
                    c.id() + " has no result on any sample device");
        }
        for (io.auditor.model.ControlResult r : report.results()) {
            if (r.status() == Status.NOT_ASSESSED) assertTrue(!r.evidenceText().isBlank(), r.control().id() + " on " + r.deviceId());
        }
        assertTrue(report.expiredWaivers().stream().anyMatch(w -> w.control().equals("BAK-03")), report.expiredWaivers().toString());
        assertTrue(report.expiredWaivers().stream().anyMatch(w -> w.control().equals("ADM-01")), report.expiredWaivers().toString());
        // The roster and the backup target the inventory states reach the rules.
        String adm05 = report.results().stream().filter(r -> r.control().id().equals("ADM-05")).findFirst().orElseThrow().evidenceText();
        assertTrue(adm05.contains("RIVERSIDE\\mgreen is enabled but not on the roster"), adm05);
        assertTrue(adm05.contains("roster.csv"), adm05);
        String bak02 = report.results().stream().filter(r -> r.control().id().equals("BAK-02")).findFirst().orElseThrow().evidenceText();
        assertTrue(bak02.startsWith("off-site target b2-offsite (restic, data set /srv/backup-staging): newest copy"), bak02);
        assertTrue(report.profileSha256().matches("[0-9a-f]{64}"), report.profileSha256());
        assertEquals("Riverside Academy 2026/27", report.profileName());
    }
}
