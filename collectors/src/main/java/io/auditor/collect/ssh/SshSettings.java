package io.auditor.collect.ssh;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * How the SSH transport connects: where host keys are verified, the limits every device is held to, and where
 * secrets named by the inventory are looked up.
 *
 * @param knownHosts      the inventory's {@code knownHosts} file; every device's host key must be in it
 * @param trustNewHosts   record the key of a host that is not in {@code knownHosts} (appended, fingerprint
 *                        reported through {@code notices}); a changed key is never accepted
 * @param connectTimeout  TCP connect, SSH handshake and login, each read bounded by it
 * @param commandTimeout  one probe, from opening its channel to its exit status
 * @param maxOutputBytes  a probe's output beyond this is discarded and the observation marked truncated
 * @param notices         lines for the person running the scan (new host keys recorded); never secrets
 * @param environment     looks up {@code passwordEnv}/{@code passphraseEnv} variables ({@code System::getenv})
 */
public record SshSettings(Path knownHosts, boolean trustNewHosts, Duration connectTimeout, Duration commandTimeout,
                          int maxOutputBytes, Consumer<String> notices, Function<String, String> environment,
                          Clock clock) {
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofSeconds(60);

    public SshSettings {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(commandTimeout, "commandTimeout");
        Objects.requireNonNull(notices, "notices");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(clock, "clock");
        if (connectTimeout.isNegative() || connectTimeout.isZero()) throw new IllegalArgumentException("connectTimeout");
        if (commandTimeout.isNegative() || commandTimeout.isZero()) throw new IllegalArgumentException("commandTimeout");
        if (maxOutputBytes <= 0) throw new IllegalArgumentException("maxOutputBytes must be positive");
    }

    /** Defaults for a scan: 10 s to connect, 60 s per command, 4 MiB per output, real environment and clock. */
    public static SshSettings defaults(Path knownHosts) {
        return new SshSettings(knownHosts, false, DEFAULT_CONNECT_TIMEOUT, DEFAULT_COMMAND_TIMEOUT,
                io.auditor.collect.CaptureTransport.DEFAULT_MAX_OUTPUT_BYTES, line -> { }, System::getenv,
                Clock.systemUTC());
    }

    public SshSettings withTrustNewHosts(boolean trust) {
        return new SshSettings(knownHosts, trust, connectTimeout, commandTimeout, maxOutputBytes, notices, environment,
                clock);
    }

    public SshSettings withTimeouts(Duration connect, Duration command) {
        return new SshSettings(knownHosts, trustNewHosts, connect, command, maxOutputBytes, notices, environment,
                clock);
    }

    public SshSettings withMaxOutputBytes(int max) {
        return new SshSettings(knownHosts, trustNewHosts, connectTimeout, commandTimeout, max, notices, environment,
                clock);
    }

    public SshSettings withNotices(Consumer<String> n) {
        return new SshSettings(knownHosts, trustNewHosts, connectTimeout, commandTimeout, maxOutputBytes, n, environment,
                clock);
    }

    public SshSettings withEnvironment(Function<String, String> env) {
        return new SshSettings(knownHosts, trustNewHosts, connectTimeout, commandTimeout, maxOutputBytes, notices, env,
                clock);
    }
}
