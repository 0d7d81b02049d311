package io.auditor.cli;

import io.auditor.model.InputProblem;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;

/** The {@code auditor} command: entry point of the runnable jar and of {@code bin/auditor}. */
@Command(name = "auditor",
        mixinStandardHelpOptions = true,
        versionProvider = AuditorCommand.Version.class,
        header = "Agentless compliance auditor for a school's IT estate.",
        description = "Checks servers, workstations, firewalls and video-conference units against the school's "
                + "IT security policy, and reports every gap with its evidence and the fix.",
        usageHelpAutoWidth = true,
        subcommands = {CommandLine.HelpCommand.class},
        synopsisSubcommandLabel = "COMMAND",
        commandListHeading = "%nCommands:%n",
        exitCodeListHeading = ExitStatus.HEADING,
        exitCodeList = {ExitStatus.OK, ExitStatus.ATTENTION, ExitStatus.INPUT, ExitStatus.INTERNAL},
        footerHeading = ExitStatus.EXAMPLE_HEADING,
        footer = {ExitStatus.EXAMPLE_1, ExitStatus.EXAMPLE_2})
public final class AuditorCommand implements Callable<Integer> {
    public static final int EXIT_INPUT = 2;
    public static final int EXIT_INTERNAL = 3;

    @Spec
    CommandSpec spec;

    /** Without a command there is nothing to do: show what there is, as a usage error. */
    @Override
    public Integer call() {
        spec.commandLine().getErr().println("auditor: say what to do, for example 'auditor scan --help'");
        spec.commandLine().usage(spec.commandLine().getErr());
        return EXIT_INPUT;
    }

    public static void main(String[] args) {
        CommandLine cl = newCommandLine();
        // UTF-8 whatever the locale: reports use '·' and '—', and device names may not be ASCII.
        cl.setOut(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
        cl.setErr(new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
        System.exit(cl.execute(args));
    }

    /** The command line with the real scan command; tests set out/err on it and call execute. */
    public static CommandLine newCommandLine() {
        return newCommandLine(new ScanCommand());
    }

    static CommandLine newCommandLine(ScanCommand scan) {
        CommandLine cl = new CommandLine(new AuditorCommand());
        cl.addSubcommand("scan", scan);
        cl.addSubcommand("demo", new DemoCommand());
        cl.addSubcommand("capture", new CaptureCommand());
        cl.addSubcommand("history", new HistoryCommand());
        cl.addSubcommand("diff", new DiffCommand());
        cl.addSubcommand("report", new ReportCommand());
        cl.addSubcommand("rules", new RulesCommand());
        // Errors are messages, not stack traces; the scan command catches its own, this is the backstop.
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            return internalError(commandLine.getErr(), ex, parseResult.originalArgs().contains("--debug"));
        });
        return cl;
    }

    /** Prints each problem, then {@code nothingDone} with how many there were; exit 2. */
    static int inputErrors(PrintWriter err, String nothingDone, List<InputProblem> problems) {
        for (InputProblem p : problems) err.println(p.format());
        err.println(nothingDone + "; " + problems.size() + (problems.size() == 1 ? " problem" : " problems")
                + " in the input");
        return EXIT_INPUT;
    }

    /** {@code --out} names a file: the command writes into it as a folder. */
    static void checkOutFolder(Path out, String hint, List<InputProblem> problems) {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            problems.add(new InputProblem("--out", 0, 0, out + " is a file, not a folder", hint));
        }
    }

    /** A folder under {@code --out} could not be created: an input problem, like a file given for a folder. */
    static InputProblem cannotCreate(Path folder, IOException e) {
        return new InputProblem("--out", 0, 0, "cannot create folder " + folder + " (" + e.getClass().getSimpleName()
                + ": " + e.getMessage() + ")", "choose a folder you can write to");
    }

    static int internalError(PrintWriter err, Throwable e, boolean debug) {
        // An exception message may quote device output: clean it like any other untrusted text.
        String message = e.getMessage() == null ? "" : ": " + io.auditor.report.UntrustedText.oneLine(e.getMessage());
        err.println("internal error: " + e.getClass().getName() + message);
        if (debug) {
            e.printStackTrace(err);
        } else {
            err.println("(run again with --debug for the stack trace, and report it)");
        }
        err.flush();
        return EXIT_INTERNAL;
    }

    /** The version Maven wrote into {@code version.properties} when the jar was built. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{"auditor " + version(),
                    "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
        }

        static String version() {
            Properties p = new Properties();
            try (InputStream in = AuditorCommand.class.getResourceAsStream("version.properties")) {
                if (in != null) p.load(in);
            } catch (IOException e) {
                return "unknown";
            }
            return p.getProperty("version", "unknown");
        }
    }
}
