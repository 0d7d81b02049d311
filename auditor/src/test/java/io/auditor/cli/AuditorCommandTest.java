package io.auditor.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Argument handling, help and error paths that do not need the rule pack or the collectors. */
class AuditorCommandTest {
    @Test
    void helpListsCommandsAndExitCodes() {
        Run r = Run.of("--help");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("scan"), r.toString());
        assertTrue(r.out().contains("Exit status:"), r.toString());
        assertTrue(r.out().contains("  1   at least one GAP or NOT_ASSESSED"), r.toString());
        assertTrue(r.out().contains("  3   internal error"), r.toString());
    }

    @Test
    void scanHelpDocumentsEveryOptionTheDefaultOutFolderAndExitCodes() {
        Run r = Run.of("scan", "--help");
        assertEquals(0, r.exit(), r.toString());
        String flat = r.out().replaceAll("\\s+", " ");
        for (String option : new String[]{"--inventory=FILE", "--captures=DIR", "--rules=DIR", "--out=DIR",
                "--format=FORMAT", "--as-of=YYYY-MM-DD", "--color=WHEN", "--debug"}) {
            assertTrue(r.out().contains(option), option + " missing from\n" + r);
        }
        assertTrue(flat.contains("(default: auditor-out)"), r.toString());
        assertTrue(flat.contains("(default: console,html,json)"), r.toString());
        for (String file : new String[]{"OUT/report.html", "OUT/report.json", "OUT/results.csv", "OUT/junit.xml"}) {
            assertTrue(flat.contains(file), file + " missing from\n" + r);
        }
        assertTrue(flat.contains(" 2 invalid input (inventory, profile, waivers, rules, arguments); nothing was "
                + "scanned 3 internal error"), r.toString());
    }

    @Test
    void versionComesFromTheBuild() {
        Run r = Run.of("--version");
        assertEquals(0, r.exit());
        assertTrue(r.out().matches("(?s)auditor \\d+\\.\\d+\\.\\d+[^\\n]*\\nJava .*"), r.toString());
        assertFalse(r.out().contains("${"), "resource filtering must have replaced the placeholder");
    }

    @Test
    void noCommandIsAUsageError() {
        Run r = Run.of();
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.err().contains("Usage: auditor"), r.toString());
    }

    @Test
    void missingInventoryIsAUsageError() {
        Run r = Run.of("scan", "--captures", "x");
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.err().contains("Missing required option: '--inventory=FILE'"), r.toString());
    }

    @Test
    void aLiveScanOfAMissingInventoryIsAnInputErrorAndWritesNothing(@TempDir Path dir) {
        Path out = dir.resolve("out");
        Run r = Run.of("scan", "--inventory", dir.resolve("inventory.yaml").toString(), "--out", out.toString());
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.err().contains("auditor scan: nothing was scanned"), r.toString());
        assertFalse(Files.exists(out));
    }

    @Test
    void aCaptureWithBadInputsSaysHowManyProblemsAndWritesNothing(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("file"), "");
        Run r = Run.of("capture", "--inventory", dir.resolve("inventory.yaml").toString(), "--out",
                dir.resolve("file").toString(), "--parallel", "0");
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.err().contains("--parallel: '0' is not a sensible number"), r.toString());
        assertTrue(r.err().contains("is a file, not a folder"), r.toString());
        assertTrue(r.err().matches("(?s).*auditor capture: nothing was captured; [3-9] problems in the input\\s*"),
                r.toString());
        assertEquals("", Files.readString(dir.resolve("file")));
    }

    @Test
    void aCaptureOutFolderThatCannotBeCreatedIsAnInputError(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("inventory.yaml"), """
                school: Test
                credentials:
                  snmp-ro: { type: snmp, version: 2c, communityEnv: AUDITOR_TEST_COMMUNITY }
                devices:
                  - { id: sw-01, roles: [switch], platform: snmp-generic, address: 192.0.2.1, credentials: snmp-ro }
                """);
        Path file = Files.writeString(dir.resolve("a-file"), "not a folder");
        Run r = Run.of("capture", "--inventory", dir.resolve("inventory.yaml").toString(), "--out",
                file.resolve("below").toString());
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.err().contains("--out: cannot create folder"), r.toString());
        assertTrue(r.err().contains("auditor capture: nothing was captured; 1 problem in the input"), r.toString());
    }

    @Test
    void everyUnknownFormatIsReportedAtOnce(@TempDir Path dir) {
        Run r = Run.of("scan", "--inventory", "inventory.yaml", "--captures", dir.toString(),
                "--format", "console,pdf", "--format", "xlsx,html");
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.err().contains("--format: unknown format 'pdf'"), r.toString());
        assertTrue(r.err().contains("--format: unknown format 'xlsx'"), r.toString());
    }

    @Test
    void unknownFormatListsTheAcceptedOnes(@TempDir Path dir) {
        Run r = Run.of("scan", "--inventory", "inventory.yaml", "--captures", dir.toString(), "--format", "pdf");
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.err().contains("--format: unknown format 'pdf' — write one or more of console, html, json, "
                        + "csv, junit, separated by commas"),
                r.toString());
    }

    @Test
    void missingCapturesAndRulesFoldersAreInputErrors(@TempDir Path dir) {
        Run r = Run.of("scan", "--inventory", "inventory.yaml", "--captures", dir.resolve("nope").toString(),
                "--rules", dir.resolve("none").toString());
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.err().contains("--captures: no such folder: " + dir.resolve("nope")), r.toString());
        assertTrue(r.err().contains("--rules: no such folder: " + dir.resolve("none")), r.toString());
    }

    @Test
    void anOutputPathThatIsAFileIsAnInputError(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("taken"), "x");
        Run r = Run.of("scan", "--inventory", "inventory.yaml", "--captures", dir.toString(), "--out", file.toString());
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.err().contains("--out: " + file + " is a file, not a folder"), r.toString());
    }

    @Test
    void badAsOfDaySaysHowToWriteOne(@TempDir Path dir) {
        Run r = Run.of("scan", "--inventory", "inventory.yaml", "--captures", dir.toString(), "--as-of", "20/11/2026");
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.err().contains("'20/11/2026' is not a day; write YYYY-MM-DD"), r.toString());
    }

    @Test
    void badColourChoice(@TempDir Path dir) {
        Run r = Run.of("scan", "--inventory", "inventory.yaml", "--captures", dir.toString(), "--color", "sometimes");
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.err().contains("--color: unknown choice 'sometimes' — write auto, always or never"), r.toString());
    }

    private static Run failingScan(Path dir, String... extra) {
        ScanCommand scan = new ScanCommand(Clock.systemUTC(), () -> {
            throw new IllegalStateException("platform files missing from the jar");
        });
        String[] args = new String[4 + extra.length];
        System.arraycopy(new String[]{"scan", "--inventory=i.yaml", "--captures", dir.toString()}, 0, args, 0, 4);
        System.arraycopy(extra, 0, args, 4, extra.length);
        return Run.of(AuditorCommand.newCommandLine(scan), args);
    }

    @Test
    void anInternalErrorIsOneLineAndExitStatus3(@TempDir Path dir) {
        Run r = failingScan(dir);
        assertEquals(3, r.exit(), r.toString());
        assertTrue(r.err().startsWith(
                "internal error: java.lang.IllegalStateException: platform files missing from the jar\n"), r.toString());
        assertFalse(r.err().contains("\tat "), "no stack trace without --debug\n" + r);
    }

    @Test
    void debugAddsTheStackTrace(@TempDir Path dir) {
        Run r = failingScan(dir, "--debug");
        assertEquals(3, r.exit(), r.toString());
        assertTrue(r.err().contains("\tat io.auditor.cli."), r.toString());
    }

}
