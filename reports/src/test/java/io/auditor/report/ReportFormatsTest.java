package io.auditor.report;

import io.auditor.model.InputProblem;
import io.auditor.report.history.RunContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportFormatsTest {
    @Test
    void everyFormatIsFoundWithItsFileName() {
        assertEquals(List.of("console", "html", "json", "csv", "junit"), ReportFormats.names());
        assertEquals("report.html", ReportFormats.available().get("html").fileName());
        assertEquals("report.json", ReportFormats.available().get("json").fileName());
        assertEquals("results.csv", ReportFormats.available().get("csv").fileName());
        assertEquals("junit.xml", ReportFormats.available().get("junit").fileName());
    }

    @Test
    void namesAreReadInAnyCombinationCaseAndRepetition() {
        List<InputProblem> problems = new ArrayList<>();
        ReportFormats f = ReportFormats.parse(List.of(" JUnit,csv ", "html,csv", "console"), "--format", problems);
        assertEquals(List.of(), problems);
        assertEquals(List.of("console", "junit", "csv", "html"), f.chosen());
        assertTrue(f.console() && f.writesFiles());
        ReportFormats consoleOnly = ReportFormats.parse(List.of("console"), "--format", problems);
        assertEquals(false, consoleOnly.writesFiles());
    }

    @Test
    void unknownOrEmptyNamesAreInputProblems() {
        List<InputProblem> problems = new ArrayList<>();
        ReportFormats.parse(List.of("html,pdf"), "--format", problems);
        assertEquals(1, problems.size());
        assertEquals("--format: unknown format 'pdf' — write one or more of console, html, json, csv, junit, "
                + "separated by commas", problems.get(0).format());
        problems.clear();
        ReportFormats.parse(List.of(" , "), "--format", problems);
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).format().contains("no format given"), problems.get(0).format());
    }

    @Test
    void writesEveryChosenFileAndNothingElse(@TempDir Path dir) throws Exception {
        List<InputProblem> problems = new ArrayList<>();
        ReportFormats f = ReportFormats.parse(List.of("html,json,csv,junit"), "--format", problems);
        StringWriter console = new StringWriter();
        List<Path> written = f.write(SampleRuns.mixed(), RunContext.none(), dir, new PrintWriter(console), false);
        assertEquals(List.of(dir.resolve("report.html"), dir.resolve("report.json"), dir.resolve("results.csv"),
                dir.resolve("junit.xml")), written);
        assertEquals("", console.toString(), "console not chosen");
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(4, files.count(), "no temporary file left behind");
        }
        assertEquals(new JsonReport().render(SampleRuns.mixed()), Files.readString(dir.resolve("report.json")));
    }
}
