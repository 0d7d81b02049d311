package io.auditor.report;

import io.auditor.report.history.RunContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A run killed (kill -9, power cut, OOM killer) while writing report.html leaves the previous report.html
 * whole: the half-written bytes are only ever in a temporary file beside it.
 */
class KilledReportWriteTest {
    static final String SIGNAL = "half written";

    /** The child: writes half of a report through AtomicFile, says so, then waits to be killed. */
    public static void main(String[] args) throws IOException {
        Path target = Path.of(args[0]);
        byte[] html = new HtmlReport().render(SampleRuns.mixed(), RunContext.none());
        AtomicFile.write(target, out -> {
            out.write(html, 0, html.length / 2);
            out.flush();
            System.out.println(SIGNAL);
            System.out.flush();
            System.in.read(); // blocks: the parent never writes, it kills
            throw new IOException("the parent should have killed this process");
        });
    }

    @Test
    void aWriterKilledMidFileLeavesThePreviousReportWhole(@TempDir Path dir) throws Exception {
        Path target = dir.resolve(HtmlReport.FILE_NAME);
        byte[] good = new HtmlReport().render(SampleRuns.run(List.of(), List.of()), RunContext.none());
        Files.write(target, good);

        ChildJvm child = ChildJvm.start(dir, KilledReportWriteTest.class, target.toString());
        try {
            String line = child.firstLine();
            assertEquals(SIGNAL, line, () -> "child said " + line + "; stderr: " + child.stderr());
            assertEquals(1, temporaries(dir).size(), "the half-written report is in a temporary file");
        } finally {
            child.kill();
        }
        assertArrayEquals(good, Files.readAllBytes(target), "the previous report is untouched");
        Path partial = temporaries(dir).get(0);
        int half = new HtmlReport().render(SampleRuns.mixed(), RunContext.none()).length / 2;
        assertEquals(half, Files.size(partial), "the killed write's bytes went to " + partial.getFileName() + " only");
    }

    private static List<Path> temporaries(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith("." + HtmlReport.FILE_NAME + "."))
                    .filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
        }
    }
}
