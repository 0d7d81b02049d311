package io.auditor.collect;

import io.auditor.model.Observation;
import io.auditor.model.facts.Fact;
import io.auditor.model.facts.HostFirewall;
import io.auditor.model.facts.LogonBanner;
import io.auditor.model.facts.ScreenLock;
import io.auditor.model.facts.SoftwareRelease;
import io.auditor.model.facts.SshServerConfig;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The Linux endpoint probes' commands, exactly as debian.yaml declares them, run with {@code sh -c} on the machine
 * running the tests (a Debian system, as bin/test sets up) and parsed: the commands are valid shell, exit 0 whatever
 * is or is not installed, and print what their parsers understand. The SSH end-to-end test runs them over a real
 * session; this one pins each probe's command to its parser without one.
 */
class LinuxProbesOnThisMachineTest {
    private static final Platform DEBIAN = PlatformCatalog.builtIn().find("debian").orElseThrow();

    private static List<Fact> run(String probeId) throws Exception {
        Probe probe = DEBIAN.probes().stream().filter(p -> p.id().equals(probeId)).findFirst().orElseThrow();
        Process p = new ProcessBuilder("sh", "-c", probe.command()).redirectErrorStream(true).start();
        p.getOutputStream().close();
        CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), probeId + " did not finish within 60 s");
        String output = new String(out.get(10, TimeUnit.SECONDS), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), probeId + " exited " + p.exitValue() + ": " + output);
        Observation obs = new Observation("this-host", probeId, probe.command(), output, 0, Instant.now(), 0, false);
        try {
            return Parsers.installed().find(probe.parser()).orElseThrow().parse(obs);
        } catch (UnrecognisedOutputException e) {
            throw new AssertionError(probeId + ": " + e.getMessage() + " (line " + e.line() + ") in:\n" + output, e);
        }
    }

    private static byte[] readAll(InputStream in) {
        try (in; ByteArrayOutputStream b = new ByteArrayOutputStream()) {
            in.transferTo(b);
            return b.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void sshdConfig() throws Exception {
        assertTrue(Files.isExecutable(Path.of("/usr/sbin/sshd")), "OpenSSH's /usr/sbin/sshd is missing: bin/test installs "
                + "openssh-server");
        SshServerConfig c = (SshServerConfig) run("sshd-config").get(0);
        assertNotNull(c.permitRootLogin(), c.toString());
        assertTrue(List.of("yes", "no", "prohibit-password", "forced-commands-only").contains(c.permitRootLogin()), c.toString());
        // As root sshd -T runs (when /run/sshd exists); otherwise the files are read: either way the source is named.
        assertTrue(c.effective() ? c.detail().contains("sshd -T") : c.detail().contains("/etc/ssh/sshd_config"), c.detail());
    }

    @Test
    void osRelease() throws Exception {
        SoftwareRelease r = (SoftwareRelease) run("os-release").get(0);
        assertFalse(r.product().isBlank());
        assertFalse(r.version().isBlank());
    }

    @Test
    void screenLock() throws Exception {
        ScreenLock s = (ScreenLock) run("screen-lock").get(0);
        assertNotNull(s.desktop(), "the session-file count is always printed");
    }

    @Test
    void logonBanner() throws Exception {
        List<Fact> facts = run("logon-banner");
        assertFalse(facts.isEmpty());
        assertTrue(facts.stream().allMatch(f -> f instanceof LogonBanner));
    }

    @Test
    void displayManager() throws Exception {
        assertTrue(run("display-manager").get(0) instanceof io.auditor.model.facts.AutoLogon);
    }

    @Test
    void rootDiskEncryption() throws Exception {
        assertTrue(run("disk-encryption").get(0) instanceof io.auditor.model.facts.DiskEncryption);
    }

    @Test
    void hostFirewall() throws Exception {
        List<Fact> facts = run("host-firewall");
        assertFalse(facts.isEmpty());
        assertEquals("IPv4", ((HostFirewall) facts.get(0)).scope());
    }
}
