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
        assertEquals("1/13 dc-01", progress.get(0));
        RunReport report = audit.evaluate(in, c, LocalDate.of(2026, 11, 20));
        assertTrue(report.runId().startsWith("20261120T060000Z-"), report.runId());
        assertEquals(1, report.count(Status.WAIVED));
        assertEquals(1, report.exitStatus());
    }
}
