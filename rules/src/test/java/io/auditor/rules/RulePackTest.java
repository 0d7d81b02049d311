package io.auditor.rules;

import io.auditor.model.Control;
import io.auditor.model.InputProblem;
import io.auditor.model.InvalidInputException;
import io.auditor.model.Role;
import io.auditor.model.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RulePackTest {
    static final String HEADER = """
            package school.rules;

            import io.auditor.model.*;
            import io.auditor.model.facts.*;

            global io.auditor.rules.Findings findings;
            global io.auditor.model.PolicyProfile profile;
            """;
    static final String FULL_META = """
                @title("Screen lock on") @severity("medium") @policyRefs("000 §6; 000 §12")
                @scope("workstation, laptop") @needs("updates") @rationale("r") @check("c") @remediation("m")
            """;

    @TempDir
    Path dir;

    static Path write(Path dir, String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    static String rule(String name, String meta, String when) {
        return "rule \"" + name + "\"\n" + meta + "when\n    " + when + "\nthen\n    findings.pass(kcontext, $d, \"ok\");\nend\n";
    }

    InvalidInputException loadFails(String drl) throws IOException {
        write(dir, "school.drl", drl);
        return assertThrows(InvalidInputException.class, () -> RulePack.load(List.of(dir)));
    }

    static int lineOf(String text, String needle) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) if (lines[i].contains(needle)) return i + 1;
        throw new AssertionError(needle + " not in text");
    }

    @Test
    void builtInControlsCarryTheirMetadata() throws Exception {
        RulePack pack = RulePack.load(List.of());
        Control patch = pack.control("PATCH-01").orElseThrow();
        assertEquals(Severity.HIGH, patch.severity());
        assertEquals(List.of("000 §12", "DfE-CS", "CE"), patch.policyRefs());
        assertEquals(Set.of(Role.SERVER, Role.WORKSTATION, Role.LAPTOP, Role.FIREWALL, Role.WEBFILTER), patch.scope());
        assertEquals(Set.of("updates"), patch.needs());
        assertTrue(patch.remediation().contains("apt-get upgrade"), patch.remediation());
        assertEquals(Severity.CRITICAL, pack.control("AV-01").orElseThrow().severity());
        assertEquals(Set.of(Role.VC_ENDPOINT), pack.control("VC-01").orElseThrow().scope());
        assertTrue(pack.definedAt("VC-01").matches("io/auditor/rules/controls/VC-01/VC-01\\.drl:\\d+"), pack.definedAt("VC-01"));
        assertTrue(pack.isBuiltIn("AV-02"));
        for (Control c : pack.controls()) {
            for (String text : List.of(c.title(), c.rationale(), c.check(), c.remediation())) {
                assertFalse(text.isBlank(), c.id());
            }
        }
    }

    @Test
    void schoolRulesAreAddedWithTheirOrigin() throws Exception {
        String drl = HEADER + "\n" + rule("screen lock", "    @id(\"END-91\")\n" + FULL_META, "$d : Device()");
        Path file = write(dir, "endpoint/END-91.drl", drl);
        RulePack pack = RulePack.load(List.of(dir));
        Control c = pack.control("END-91").orElseThrow();
        assertEquals(Severity.MEDIUM, c.severity());
        assertEquals(List.of("000 §6", "000 §12"), c.policyRefs());
        assertEquals(file.toAbsolutePath() + ":" + lineOf(drl, "rule \"screen lock\""), pack.definedAt("END-91"));
        assertFalse(pack.isBuiltIn("END-91"));
        assertEquals(RulePack.load(List.of()).controls().size() + 1, pack.controls().size(), "the built-in controls and END-91");
    }

    @Test
    void syntaxErrorNamesTheRealFileAndLine() throws Exception {
        String drl = HEADER + "\nrule \"broken\"\n    @id(\"END-91\")\nwhen\n    $d : Device( id == )\nthen\nend\n";
        InvalidInputException e = loadFails(drl);
        InputProblem p = e.problems().get(0);
        assertEquals(dir.resolve("school.drl").toAbsolutePath().toString(), p.file());
        assertEquals(lineOf(drl, "id == )"), p.line());
        assertEquals(1, e.problems().size(), "no follow-on noise: " + e.getMessage());
        assertTrue(p.message().contains("no viable alternative"), p.message());
    }

    @Test
    void ruleFileWithoutPackageLineLoads() throws Exception {
        String drl = HEADER.replace("package school.rules;", "") + rule("lock", "    @id(\"END-91\")\n" + FULL_META, "$d : Device()");
        Path file = write(dir, "nopkg.drl", drl);
        RulePack pack = RulePack.load(List.of(dir));
        assertEquals(file + ":" + lineOf(drl, "rule \"lock\""), pack.definedAt("END-91"));
    }

    @Test
    void everyBrokenFileIsReportedInOnePass() throws Exception {
        write(dir, "a.drl", HEADER + "\nrule \"a\" @id(\"X-01\") when $d : Device( id == ) then end\n");
        write(dir, "b.drl", HEADER + "\nrule \"b\" @id(\"X-02\") when $d : Devicee() then end\n");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> RulePack.load(List.of(dir)));
        Set<String> files = Set.copyOf(e.problems().stream().map(InputProblem::file).toList());
        assertTrue(files.contains(dir.resolve("a.drl").toString()), files.toString());
        assertTrue(files.contains(dir.resolve("b.drl").toString()), files.toString());
    }

    @Test
    void missingMetadataIsNamed() throws Exception {
        String drl = HEADER + rule("lock", "    @id(\"END-91\") @title(\"Screen lock\") @severity(\"low\")\n", "$d : Device()");
        InvalidInputException e = loadFails(drl);
        assertTrue(e.getMessage().contains("control END-91 has no @policyRefs"), e.getMessage());
        assertTrue(e.getMessage().contains("has no @remediation"), e.getMessage());
        assertEquals(lineOf(drl, "rule \"lock\""), e.problems().get(0).line());
    }

    @Test
    void ruleWithoutIdIsRefused() throws Exception {
        String drl = HEADER + rule("anonymous", "", "$d : Device()");
        InvalidInputException e = loadFails(drl);
        assertTrue(e.getMessage().contains("rule 'anonymous' has no @id"), e.getMessage());
    }

    @Test
    void queriesAreNotRules() throws Exception {
        String drl = HEADER + rule("lock", "    @id(\"END-91\")\n" + FULL_META, "$d : Device()")
                + "\nquery \"devices\"\n    $d : Device()\nend\n";
        write(dir, "school.drl", drl);
        assertEquals(RulePack.load(List.of()).controls().size() + 1, RulePack.load(List.of(dir)).controls().size(),
                "the query adds no control");
    }

    @Test
    void badIdFormatIsRefused() throws Exception {
        InvalidInputException e = loadFails(HEADER + rule("lock", "    @id(\"end-1\")\n" + FULL_META, "$d : Device()"));
        assertTrue(e.getMessage().contains("@id(\"end-1\"), which is not a control id"), e.getMessage());
    }

    @Test
    void unknownSeverityRoleAndTopicAreRefused() throws Exception {
        String meta = FULL_META.replace("\"medium\"", "\"urgent\"").replace("workstation, laptop", "workstation, toaster")
                .replace("@needs(\"updates\")", "@needs(\"toaster-state\")");
        InvalidInputException e = loadFails(HEADER + rule("lock", "    @id(\"END-91\")\n" + meta, "$d : Device()"));
        assertTrue(e.getMessage().contains("unknown @severity(\"urgent\")"), e.getMessage());
        assertTrue(e.getMessage().contains("unknown role 'toaster'"), e.getMessage());
        assertTrue(e.getMessage().contains("unknown fact topic 'toaster-state'"), e.getMessage());
    }

    @Test
    void unknownMetadataKeyIsRefused() throws Exception {
        InvalidInputException e = loadFails(HEADER + rule("lock", "    @id(\"END-91\") @titel(\"x\")\n" + FULL_META,
                "$d : Device()"));
        assertTrue(e.getMessage().contains("unknown metadata @titel"), e.getMessage());
    }

    @Test
    void metadataOnTwoRulesIsDuplicateOrConflicting() throws Exception {
        String drl = HEADER + rule("a", "    @id(\"END-91\")\n" + FULL_META, "$d : Device()")
                + rule("b", "    @id(\"END-91\")\n" + FULL_META, "$d : Device()")
                + rule("c", "    @id(\"END-91\")\n" + FULL_META.replace("\"medium\"", "\"high\""), "$d : Device()");
        InvalidInputException e = loadFails(drl);
        assertEquals(2, e.problems().size(), e.getMessage());
        assertTrue(e.problems().get(0).message().contains("duplicate metadata on rule 'b'"), e.getMessage());
        assertTrue(e.problems().get(1).message().contains("conflicting metadata on rule 'c'"), e.getMessage());
        assertEquals(lineOf(drl, "rule \"c\""), e.problems().get(1).line());
    }

    @Test
    void controlWithoutDescribingRuleIsRefused() throws Exception {
        InvalidInputException e = loadFails(HEADER + rule("a", "    @id(\"END-91\")\n", "$d : Device()"));
        assertTrue(e.getMessage().contains("control END-91 has no rule carrying its metadata"), e.getMessage());
    }

    @Test
    void schoolFolderCannotRedefineABuiltInControl() throws Exception {
        String drl = HEADER + rule("my patching", "    @id(\"PATCH-01\")\n", "$d : Device()");
        InvalidInputException e = loadFails(drl);
        InputProblem p = e.problems().get(0);
        assertEquals(dir.resolve("school.drl").toString(), p.file());
        assertEquals(lineOf(drl, "rule \"my patching\""), p.line());
        assertTrue(p.message().contains("redefines built-in control PATCH-01"), p.message());
    }

    @Test
    void typeErrorThatOnlyShowsWhenRunIsCaughtAtLoad() throws Exception {
        String drl = HEADER + rule("lock", "    @id(\"END-91\")\n" + FULL_META, "$d : Device( port == \"abc\" )");
        InvalidInputException e = loadFails(drl);
        InputProblem p = e.problems().get(0);
        assertEquals(dir.resolve("school.drl").toString(), p.file());
        assertEquals(lineOf(drl, "port == \"abc\""), p.line());
        assertTrue(p.message().contains("NumberFormatException"), p.message());
    }

    @Test
    void failingConsequenceIsCaughtAtLoad() throws Exception {
        String drl = HEADER + "rule \"lock\"\n    @id(\"END-91\")\n" + FULL_META
                + "when\n    $d : Device()\nthen\n    findings.pass(kcontext, $d, \"\" + profile.integer(\"lock.noSuchKey\"));\nend\n";
        InvalidInputException e = loadFails(drl);
        InputProblem p = e.problems().get(0);
        assertEquals(lineOf(drl, "rule \"lock\""), p.line());
        assertTrue(p.message().contains("rule 'lock' fails when run") && p.message().contains("lock.noSuchKey"), p.message());
    }

    @Test
    void missingOrEmptyFolderIsAnInputError() throws Exception {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> RulePack.load(List.of(dir.resolve("nope"))));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
        e = assertThrows(InvalidInputException.class, () -> RulePack.load(List.of(dir)));
        assertTrue(e.getMessage().contains("no .drl files"), e.getMessage());
    }

    @Test
    void twoPacksInOneJvmDoNotReplaceEachOther() throws Exception {
        write(dir, "school.drl", HEADER + rule("lock", "    @id(\"END-91\")\n" + FULL_META, "$d : Device()"));
        RulePack withSchool = RulePack.load(List.of(dir));
        RulePack builtIn = RulePack.load(List.of());
        assertTrue(withSchool.control("END-91").isPresent());
        assertTrue(builtIn.control("END-91").isEmpty());
        assertEquals(1, withSchool.kieBase().getKiePackages().stream()
                .filter(p -> p.getName().equals("school.rules")).count());
    }
}
