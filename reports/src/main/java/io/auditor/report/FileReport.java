package io.auditor.report;

import io.auditor.model.RunReport;
import io.auditor.report.history.RunContext;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A report written as a file in the output folder ({@code --out}). Implementations are found with
 * {@link java.util.ServiceLoader} (listed in {@code META-INF/services/io.auditor.report.FileReport}), so a
 * new format is a new class and a line there, and {@code --format} accepts it by its {@link #format()} name.
 */
public interface FileReport {
    /** The name {@code --format} knows it by, lower case: {@code html}. */
    String format();

    /** The file it writes in the output folder: {@code report.html}. */
    String fileName();

    /** The whole file. Rendering is separate from writing so that every report is complete before any is replaced. */
    byte[] render(RunReport report, RunContext context);

    /** Renders and writes {@code outDir/}{@link #fileName()} atomically (see {@link AtomicFile}). */
    default Path write(RunReport report, RunContext context, Path outDir) throws IOException {
        return write(render(report, context), outDir);
    }

    /** Writes what {@link #render} gave as {@code outDir/}{@link #fileName()}, atomically. */
    default Path write(byte[] rendered, Path outDir) throws IOException {
        Path target = outDir.resolve(fileName());
        AtomicFile.write(target, out -> out.write(rendered));
        return target;
    }
}
