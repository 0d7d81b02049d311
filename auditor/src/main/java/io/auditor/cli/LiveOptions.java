package io.auditor.cli;

import io.auditor.collect.ssh.SshSettings;
import io.auditor.model.InputProblem;
import io.auditor.scan.Audit;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The options of every command that contacts devices: concurrency, deadlines, host key trust. */
final class LiveOptions {
    @Option(names = "--parallel", paramLabel = "N", defaultValue = "" + Audit.Schedule.DEFAULT_PARALLEL,
            description = "Devices collected at the same time (default: ${DEFAULT-VALUE}).")
    int parallel;

    @Option(names = "--device-timeout", paramLabel = "TIME", defaultValue = "5m", converter = DurationConverter.class,
            description = "Give up on a device that has not finished within TIME, e.g. 90s or 5m; its controls "
                    + "are NOT_ASSESSED and the scan goes on (default: ${DEFAULT-VALUE}).")
    Duration deviceTimeout;

    @Option(names = "--connect-timeout", paramLabel = "TIME", defaultValue = "10s", converter = DurationConverter.class,
            description = "Time allowed to connect over SSH, verify the host key and log in (default: ${DEFAULT-VALUE}). SNMP "
                    + "requests wait 2 s and are tried twice.")
    Duration connectTimeout;

    @Option(names = "--command-timeout", paramLabel = "TIME", defaultValue = "60s", converter = DurationConverter.class,
            description = "Time allowed for each read-only command on a device, or for each SNMP walk (default: ${DEFAULT-VALUE}).")
    Duration commandTimeout;

    @Option(names = "--trust-new-hosts",
            description = "Record the SSH host key of a device not yet in the inventory's knownHosts file "
                    + "(appended to it, fingerprint printed) instead of refusing it. A changed key is never accepted.")
    boolean trustNewHosts;

    Audit.Schedule schedule() {
        return new Audit.Schedule(parallel, deviceTimeout);
    }

    SshSettings ssh(Path knownHosts, Consumer<String> notices) {
        return SshSettings.defaults(knownHosts).withTrustNewHosts(trustNewHosts)
                .withTimeouts(connectTimeout, commandTimeout).withNotices(notices);
    }

    /** Argument problems, worded like the other input problems. */
    List<InputProblem> problems() {
        List<InputProblem> p = new ArrayList<>();
        if (parallel < 1 || parallel > 1024) {
            p.add(new InputProblem("--parallel", 0, 0, "'" + parallel + "' is not a sensible number "
                    + "of devices at once", "give a number from 1 to 1024, e.g. --parallel 8"));
        }
        return p;
    }

    /** {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h}, a bare number of seconds, or ISO-8601 ({@code PT30S}). */
    static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
        private static final Pattern SIMPLE = Pattern.compile("(\\d{1,9})(ms|s|m|h)?");

        @Override
        public Duration convert(String value) {
            String v = value.strip().toLowerCase(Locale.ROOT);
            Matcher m = SIMPLE.matcher(v);
            Duration d = null;
            if (m.matches()) {
                long n = Long.parseLong(m.group(1));
                String unit = m.group(2) == null ? "s" : m.group(2);
                d = switch (unit) {
                    case "ms" -> Duration.ofMillis(n);
                    case "m" -> Duration.ofMinutes(n);
                    case "h" -> Duration.ofHours(n);
                    default -> Duration.ofSeconds(n);
                };
            } else {
                try {
                    d = Duration.parse(value.strip().toUpperCase(Locale.ROOT));
                } catch (DateTimeParseException ignored) {
                    // Reported below with the accepted forms.
                }
            }
            if (d == null || d.isZero() || d.isNegative()) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a positive time; write e.g. "
                        + "500ms, 30s, 5m or 1h");
            }
            return d;
        }
    }
}
