package io.auditor.report;

import io.auditor.model.InputProblem;
import io.auditor.model.RunReport;
import io.auditor.report.history.RunContext;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The reports one command produces, as chosen with {@code --format}: {@code console} (standard output) and any
 * of the {@link FileReport}s on the class path (html, json, csv, junit). Shared by {@code auditor scan} and
 * {@code auditor report}, so both accept the same names and write the same files.
 */
public final class ReportFormats {
    public static final String CONSOLE = "console";

    private final boolean console;
    private final List<FileReport> files;

    private ReportFormats(boolean console, List<FileReport> files) {
        this.console = console;
        this.files = List.copyOf(files);
    }

    /** Every file report found, by format name, in the order {@code META-INF/services} lists them. */
    public static Map<String, FileReport> available() {
        Map<String, FileReport> found = new LinkedHashMap<>();
        for (FileReport r : ServiceLoader.load(FileReport.class, FileReport.class.getClassLoader())) {
            found.putIfAbsent(r.format(), r);
        }
        return found;
    }

    /** {@code console, html, json, csv, junit}: for messages and help. */
    public static List<String> names() {
        return names(available());
    }

    private static List<String> names(Map<String, FileReport> available) {
        List<String> names = new ArrayList<>();
        names.add(CONSOLE);
        names.addAll(available.keySet());
        return names;
    }

    /**
     * Reads {@code --format} values (each may hold several names separated by commas; case and blanks are
     * ignored; a name given twice counts once). Unknown names are added to {@code problems} as
     * {@code --format} problems that list the accepted names.
     *
     * @param option the option's name, for the messages ({@code --format})
     */
    public static ReportFormats parse(List<String> values, String option, List<InputProblem> problems) {
        Map<String, FileReport> available = available();
        String hint = "write one or more of " + String.join(", ", names(available)) + ", separated by commas";
        boolean console = false;
        Map<String, FileReport> chosen = new LinkedHashMap<>();
        boolean any = false;
        for (String value : values) {
            for (String part : value.split(",", -1)) {
                String name = part.strip().toLowerCase(Locale.ROOT);
                if (name.isEmpty()) continue;
                any = true;
                if (name.equals(CONSOLE)) {
                    console = true;
                } else if (available.containsKey(name)) {
                    chosen.putIfAbsent(name, available.get(name));
                } else {
                    problems.add(new InputProblem(option, 0, 0, "unknown format '" + UntrustedText.oneLine(part)
                            + "'", hint));
                }
            }
        }
        if (!any) {
            problems.add(new InputProblem(option, 0, 0, "no format given", hint));
        }
        return new ReportFormats(console, new ArrayList<>(chosen.values()));
    }

    public boolean console() { return console; }

    public List<FileReport> files() { return files; }

    /** True when at least one report goes to the output folder (which must then exist). */
    public boolean writesFiles() { return !files.isEmpty(); }

    /** Names of the chosen reports, console first: for tests and messages. */
    public List<String> chosen() {
        List<String> out = new ArrayList<>();
        if (console) out.add(CONSOLE);
        for (FileReport f : files) out.add(f.format());
        return out;
    }

    /**
     * Prints the console report (when chosen) and writes every chosen file report into {@code outDir}. All
     * files are rendered before the first is written, and each is replaced atomically, so a failure leaves
     * every previous report whole.
     *
     * @return the files written, in the order chosen
     */
    public List<Path> write(RunReport report, RunContext context, Path outDir, PrintWriter stdout, boolean colour)
            throws IOException {
        RunContext ctx = context == null ? RunContext.none() : context;
        if (console) new ConsoleReport(colour).render(report, stdout);
        List<byte[]> rendered = new ArrayList<>();
        for (FileReport f : files) rendered.add(f.render(report, ctx));
        List<Path> written = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) written.add(files.get(i).write(rendered.get(i), outDir));
        return written;
    }
}
