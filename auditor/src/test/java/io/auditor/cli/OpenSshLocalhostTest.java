package io.auditor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The machine running the tests, audited as a Debian server through a real OpenSSH server ({@code /usr/sbin/sshd}
 * started here on a free loopback port, with its own host key and an authorised ed25519 test key), end to end
 * through {@code auditor scan}. The expected results are worked out here from the machine itself, independently
 * of the probes and parsers.
 */
class OpenSshLocalhostTest {
    static final Path SSHD = Path.of("/usr/sbin/sshd");
    static final Path SSH_KEYGEN = Path.of("/usr/bin/ssh-keygen");

    @TempDir
    Path dir;
    Process sshd;

    @AfterEach
    void stop() throws Exception {
        if (sshd != null) {
            sshd.destroy();
            if (!sshd.waitFor(10, TimeUnit.SECONDS)) sshd.destroyForcibly();
        }
    }

    @Test
    void auditsThisMachineAsADebianServerOverOpenSsh() throws Exception {
        assertTrue(Files.isExecutable(SSHD), "/usr/sbin/sshd is missing: install the Debian package openssh-server "
                + "(bin/test does); this test must run, not skip");
        assertTrue(Files.isExecutable(SSH_KEYGEN), "/usr/bin/ssh-keygen is missing: install openssh-client");
        assertTrue(Files.isRegularFile(Path.of("/etc/debian_version")), "this test audits a Debian machine");
        run(SSH_KEYGEN.toString(), "-q", "-t", "ed25519", "-N", "", "-C", "host", "-f", dir.resolve("host_key").toString());
        run(SSH_KEYGEN.toString(), "-q", "-t", "ed25519", "-N", "", "-C", "auditor", "-f", dir.resolve("auditor_ed25519").toString());
        Files.copy(dir.resolve("auditor_ed25519.pub"), dir.resolve("authorized_keys"));
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Files.writeString(dir.resolve("sshd_config"), String.join("\n",
                "Port " + port,
                "ListenAddress 127.0.0.1",
                "HostKey " + dir.resolve("host_key"),
                "AuthorizedKeysFile " + dir.resolve("authorized_keys"),
                "PidFile none",
                "UsePAM no",
                "StrictModes no",
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                // CI runs as root; key-only root login is fine for this throw-away test server.
                "PermitRootLogin prohibit-password",
                "") );
        sshd = new ProcessBuilder(SSHD.toString(), "-D", "-e", "-f", dir.resolve("sshd_config").toString())
                .redirectErrorStream(true).start();
        CompletableFuture<Void> listening = new CompletableFuture<>();
        StringBuilder log = new StringBuilder();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(sshd.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    synchronized (log) {
                        log.append(line).append('\n');
                    }
                    if (line.contains("Server listening on 127.0.0.1 port " + port)) listening.complete(null);
                }
                listening.completeExceptionally(new IllegalStateException("sshd exited"));
            } catch (IOException e) {
                listening.completeExceptionally(e);
            }
        }, "sshd-log");
        reader.setDaemon(true);
        reader.start();
        try {
            listening.get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            synchronized (log) {
                fail("sshd did not start listening on 127.0.0.1:" + port + ": " + e + "\n" + log);
            }
        }

        String hostKey = Files.readString(dir.resolve("host_key.pub")).strip().split(" ", 3)[0] + " "
                + Files.readString(dir.resolve("host_key.pub")).strip().split(" ", 3)[1];
        Files.writeString(dir.resolve("known_hosts"), "[127.0.0.1]:" + port + " " + hostKey + "\n");
        String user = System.getProperty("user.name");
        Files.writeString(dir.resolve("inventory.yaml"), String.join("\n",
                "school: This Machine",
                "knownHosts: known_hosts",
                "credentials:",
                "  me: { type: ssh, username: '" + user + "', privateKey: auditor_ed25519 }",
                "devices:",
                "  - { id: this-machine, roles: [server], platform: debian, address: 127.0.0.1, port: " + port
                        + ", credentials: me }",
                ""));
        Path out = dir.resolve("out");
        Run r = Run.of("scan", "--inventory", dir.resolve("inventory.yaml").toString(), "--out", out.toString(),
                "--format", "json", "--no-history");
        assertTrue(r.exit() == 0 || r.exit() == 1, r.toString());
        JsonNode report = Reports.read(out);
        assertTrue(report.get("devices").get(0).get("reachable").asBoolean(), r.toString());
        Map<String, String> status = Reports.statuses(report);

        assertEquals(expectedAntiMalware(), status.get("AV-01 this-machine"), "AV-01\n" + r);
        if (!clamscanInstalled()) assertEquals("GAP", status.get("AV-02 this-machine"), "AV-02 without ClamAV\n" + r);
        assertEquals(expectedAdmins(), status.get("ADM-01 this-machine"), "ADM-01\n" + Reports.resultsOf(report, "this-machine"));
        assertEquals(expectedPatch(), status.get("PATCH-01 this-machine"), "PATCH-01\n" + Reports.resultsOf(report, "this-machine"));
        String adm07 = expectedRootLogin();
        if (adm07 != null && status.containsKey("ADM-07 this-machine")) {
            assertEquals(adm07, status.get("ADM-07 this-machine"), "ADM-07\n" + Reports.resultsOf(report, "this-machine"));
        }
    }

    // --- The machine's real state, worked out without the auditor's probes or parsers. ---

    static boolean clamscanInstalled() {
        for (String d : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (Files.isExecutable(Path.of(d, "clamscan"))) return true;
        }
        return Files.isExecutable(Path.of("/usr/bin/clamscan"));
    }

    /** AV-01: without ClamAV a GAP; with it, PASS only while clamav-daemon runs. */
    static String expectedAntiMalware() throws Exception {
        if (!clamscanInstalled()) return "GAP";
        String active = run("systemctl", "is-active", "clamav-daemon.service").strip();
        return active.equals("active") ? "PASS" : "GAP";
    }

    /** ADM-01: every member of sudo/wheel/admin and every uid-0 account must match the default approved list. */
    static String expectedAdmins() throws IOException {
        List<String> members = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("/etc/group"))) {
            String[] f = line.split(":", -1);
            if (f.length == 4 && List.of("sudo", "wheel", "admin").contains(f[0]) && !f[3].isBlank()) {
                members.addAll(Arrays.asList(f[3].split(",")));
            }
        }
        for (String line : Files.readAllLines(Path.of("/etc/passwd"))) {
            String[] f = line.split(":", -1);
            if (f.length > 2 && f[2].equals("0")) members.add(f[0]);
        }
        // The default admins.approved: root, Administrator, *\Administrator, *\Domain Admins (case-insensitive).
        for (String m : members) {
            String n = m.toLowerCase(Locale.ROOT);
            if (!n.equals("root") && !n.equals("administrator") && !n.endsWith("\\administrator")
                    && !n.endsWith("\\domain admins")) return "GAP";
        }
        return "PASS";
    }

    /**
     * PATCH-01: apt gives no release dates, so with a package index refreshed within 14 days (the default) nothing
     * pending can be overdue (PASS); an older index hides newer security updates (GAP); no index time: NOT_ASSESSED.
     */
    static String expectedPatch() throws IOException {
        Long refreshed = null;
        for (String p : List.of("/var/lib/apt/periodic/update-success-stamp", "/var/lib/apt/lists/partial")) {
            Path path = Path.of(p);
            if (Files.exists(path)) {
                refreshed = Files.getLastModifiedTime(path).toMillis();
                break;
            }
        }
        if (refreshed == null) return "NOT_ASSESSED";
        long ageDays = (System.currentTimeMillis() - refreshed) / 86_400_000L;
        return ageDays > 14 ? "GAP" : "PASS";
    }

    /** ADM-07 from the effective sshd settings of this machine (sshd -T), or null when they cannot be read. */
    static String expectedRootLogin() throws Exception {
        Process p = new ProcessBuilder(SSHD.toString(), "-T").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(20, TimeUnit.SECONDS) || p.exitValue() != 0) return null;
        var m = Pattern.compile("(?m)^permitrootlogin (\\S+)$").matcher(out);
        if (!m.find()) return null;
        // The default profile does not allow key-only root login (ssh.allowRootKeyLogin: false).
        return m.group(1).equals("no") ? "PASS" : "GAP";
    }

    static String run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), String.join(" ", cmd) + " did not finish");
        return out;
    }
}
