package io.auditor.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The real browser for report tests: Debian's {@code /usr/bin/chromium}, headless, with a fresh profile per
 * call and everything that would reach the network switched off. {@code bin/test} installs it; a missing
 * binary fails the test with what to do, never skips it.
 */
final class HeadlessChromium {
    private static final long TIMEOUT_SECONDS = 90;

    private final Path binary;

    private HeadlessChromium(Path binary) {
        this.binary = binary;
    }

    /** {@code -Dauditor.chromium=PATH} or {@code /usr/bin/chromium}. */
    static HeadlessChromium find() {
        Path binary = Path.of(System.getProperty("auditor.chromium", "/usr/bin/chromium"));
        if (!Files.isExecutable(binary)) {
            throw new AssertionError("Chromium is needed to test the HTML report and was not found at " + binary
                    + ": install it (apt-get install chromium; bin/test does this) or point -Dauditor.chromium=PATH at it");
        }
        return new HeadlessChromium(binary);
    }

    /** The page's DOM after it loaded and any timers or load events had 2 s of virtual time to run. */
    String dumpDom(Path page) throws IOException, InterruptedException {
        return run(page, List.of("--dump-dom", "--virtual-time-budget=2000"));
    }

    /** A PNG of the top of the page in a window of the given size. */
    void screenshot(Path page, Path png, int width, int height) throws IOException, InterruptedException {
        Files.deleteIfExists(png);
        run(page, List.of("--screenshot=" + png.toAbsolutePath(), "--window-size=" + width + "," + height,
                "--hide-scrollbars"));
        if (!Files.isRegularFile(png) || Files.size(png) == 0) {
            throw new AssertionError("Chromium wrote no screenshot at " + png);
        }
    }

    private String run(Path page, List<String> extra) throws IOException, InterruptedException {
        Path work = Files.createTempDirectory("auditor-chromium");
        try {
            List<String> cmd = new ArrayList<>(List.of(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                    "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--disable-extensions",
                    "--user-data-dir=" + work.resolve("profile")));
            cmd.addAll(extra);
            cmd.add(page.toAbsolutePath().toUri().toString());
            Path out = work.resolve("stdout");
            Path err = work.resolve("stderr");
            Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            p.getOutputStream().close();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new AssertionError("Chromium did not finish within " + TIMEOUT_SECONDS + " s: " + cmd);
            }
            if (p.exitValue() != 0) {
                throw new AssertionError("Chromium exited " + p.exitValue() + ": " + cmd + "\n"
                        + Files.readString(err, StandardCharsets.UTF_8));
            }
            return Files.readString(out, StandardCharsets.UTF_8);
        } finally {
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}
