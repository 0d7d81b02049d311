package io.auditor.report;

import io.auditor.report.history.RunContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                KilledReportWriteTest.class.getName(), target.toString())
                .redirectError(dir.resolve("child-stderr.txt").toFile())
                .start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            CompletableFuture<String> signal = CompletableFuture.supplyAsync(() -> {
                try {
                    return out.readLine();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            String line = signal.get(120, TimeUnit.SECONDS);
            assertEquals(SIGNAL, line, () -> "child said " + line + "; stderr: " + read(dir.resolve("child-stderr.txt")));
            assertEquals(1, temporaries(dir).size(), "the half-written report is in a temporary file");
        } finally {
            child.destroyForcibly();
            assertTrue(child.waitFor(60, TimeUnit.SECONDS), "child ended");
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

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }
}
