package io.auditor.collect.ssh;

import com.jcraft.jsch.HostKeyRepository;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * known_hosts handling checked against OpenSSH's own ssh-keygen: the fingerprint format, hashed host names and
 * the line a technician must remove.
 */
class KnownHostsFileTest {
    static final Path SSH_KEYGEN = Path.of("/usr/bin/ssh-keygen");

    @TempDir
    static Path dir;
    static byte[] blob;
    static String type;
    static String keyLine;

    @BeforeAll
    static void key() throws Exception {
        assertTrue(Files.isExecutable(SSH_KEYGEN), "ssh-keygen is needed (Debian package openssh-client; bin/test "
                + "installs it)");
        run(SSH_KEYGEN.toString(), "-q", "-t", "ed25519", "-N", "", "-f", dir.resolve("host").toString());
        keyLine = Files.readString(dir.resolve("host.pub")).strip();
        String[] f = keyLine.split(" ");
        type = f[0];
        blob = Base64.getDecoder().decode(f[1]);
    }

    static String run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "ssh-keygen did not finish");
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    @Test
    void fingerprintIsTheOneSshKeygenPrints() throws Exception {
        String expected = run(SSH_KEYGEN.toString(), "-l", "-E", "sha256", "-f", dir.resolve("host.pub").toString())
                .split(" ")[1];
        assertEquals(expected, KnownHostsFile.fingerprint(blob));
        assertEquals("ssh-ed25519", KnownHostsFile.keyType(blob));
    }

    @Test
    void hashedEntriesMatchAndTheirLineIsNamed() throws Exception {
        Path kh = dir.resolve("known_hosts_hashed");
        Files.writeString(kh, "# fleet\nother.example " + keyLine + "\n[10.0.0.5]:2222 " + keyLine + "\n");
        run(SSH_KEYGEN.toString(), "-H", "-f", kh.toString());
        assertTrue(Files.readString(kh).contains("|1|"), "ssh-keygen hashed the names");
        KnownHostsFile known = KnownHostsFile.load(kh);
        assertEquals(HostKeyRepository.OK, known.check("[10.0.0.5]:2222", blob));
        assertEquals(HostKeyRepository.NOT_INCLUDED, known.check("10.0.0.6", blob));
        List<Integer> lines = known.linesFor("[10.0.0.5]:2222", "ssh-ed25519");
        assertEquals(1, lines.size(), lines.toString());
        String line = Files.readAllLines(kh).get(lines.get(0) - 1);
        assertTrue(line.startsWith("|1|"), line);
    }

    @Test
    void aMissingFileIsEmptyAndRecordingCreatesItWithoutRewriting() throws Exception {
        Path kh = dir.resolve("sub/known_hosts_new");
        KnownHostsFile known = KnownHostsFile.load(kh);
        assertEquals(HostKeyRepository.NOT_INCLUDED, known.check("[127.0.0.1]:2200", blob));
        known.record("[127.0.0.1]:2200", blob);
        assertEquals(HostKeyRepository.OK, known.check("[127.0.0.1]:2200", blob));
        assertEquals("[127.0.0.1]:2200 " + keyLine.split(" ")[0] + " " + keyLine.split(" ")[1] + "\n",
                Files.readString(kh));
        assertEquals(HostKeyRepository.OK, KnownHostsFile.load(kh).check("[127.0.0.1]:2200", blob),
                "JSch reads the line back");
    }
}
