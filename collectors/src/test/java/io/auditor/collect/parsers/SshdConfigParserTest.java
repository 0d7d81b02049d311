package io.auditor.collect.parsers;

import io.auditor.collect.UnrecognisedOutputException;
import io.auditor.model.facts.SshServerConfig;
import org.junit.jupiter.api.Test;

import static io.auditor.collect.parsers.Samples.*;
import static org.junit.jupiter.api.Assertions.*;

class SshdConfigParserTest {
    private final SshdConfigParser parser = new SshdConfigParser();
    private static final String PROBE = "sshd-config";

    @Test
    void recordedSshdT() throws Exception {
        SshServerConfig c = one(parse(parser, PROBE, "recorded-debian12-root.txt"), SshServerConfig.class);
        assertTrue(c.effective());
        assertEquals("prohibit-password", c.permitRootLogin(), "sshd -T prints the old spelling without-password");
        assertEquals("yes", c.passwordAuthentication());
        assertEquals("none", c.banner());
    }

    @Test
    void effectiveRootLoginAndBanner() throws Exception {
        SshServerConfig c = one(parse(parser, PROBE, "root-login-yes.txt"), SshServerConfig.class);
        assertEquals("yes", c.permitRootLogin());
        assertEquals("/etc/issue.net", c.banner());
    }

    /** Recorded as an account that is not root on a machine without sudo: Debian's stock file, defaults apply. */
    @Test
    void recordedFallbackToFiles() throws Exception {
        SshServerConfig c = one(parse(parser, PROBE, "recorded-debian12-not-root.txt"), SshServerConfig.class);
        assertFalse(c.effective());
        assertEquals("prohibit-password", c.permitRootLogin(), "not written, so OpenSSH's default");
        assertEquals("yes", c.passwordAuthentication());
        assertEquals("none", c.banner());
        assertTrue(c.detail().contains("/etc/ssh/sshd_config"), c.detail());
        assertTrue(c.detail().contains("sudo: Permission denied"), c.detail());
    }

    /**
     * The drop-in included at the top wins over the main file (first value wins), the Match block is skipped, and
     * a setting first written after an unreadable drop-in is unknown: that file may have set it.
     */
    @Test
    void filesFollowIncludeFirstValueWinsAndUnreadableDropIns() throws Exception {
        SshServerConfig c = one(parse(parser, PROBE, "drop-in-unreadable.txt"), SshServerConfig.class);
        assertFalse(c.effective());
        assertEquals("no", c.permitRootLogin());
        assertEquals("no", c.passwordAuthentication(), "the Match block's yes applies to sftponly only");
        assertNull(c.banner(), "20-local.conf could not be read and comes before the main file's Banner");
        assertTrue(c.detail().contains("20-local.conf could not be read"), c.detail());
        assertTrue(c.detail().contains("10-hardening.conf"), c.detail());
    }

    @Test
    void includeAfterTheSettingDoesNotOverrideIt() throws Exception {
        String out = UNAVAILABLE_LINE + "==> /etc/ssh/sshd_config <==\nPermitRootLogin no\nInclude sshd_config.d/*.conf\n"
                + "==> /etc/ssh/sshd_config.d/50-cloud.conf <==\nPERMITROOTLOGIN yes\nBanner \"/etc/issue net\"\n";
        SshServerConfig c = one(parseText(parser, PROBE, out), SshServerConfig.class);
        assertEquals("no", c.permitRootLogin());
        assertEquals("/etc/issue net", c.banner(), "relative Include, quoted value");
    }

    /** A lying device cannot make the parser spin: a file that includes itself is refused, not followed. */
    @Test
    void includeLoopIsRefused() {
        String out = UNAVAILABLE_LINE + "==> /etc/ssh/sshd_config <==\nInclude sshd_config.d/*.conf\n"
                + "==> /etc/ssh/sshd_config.d/a.conf <==\nInclude /etc/ssh/sshd_config.d/*.conf\n"
                + "==> /etc/ssh/sshd_config.d/b.conf <==\nPermitRootLogin no\n";
        UnrecognisedOutputException e = rejects(parser, PROBE, out);
        assertTrue(e.getMessage().contains("Include loop: /etc/ssh/sshd_config → /etc/ssh/sshd_config.d/a.conf → "
                + "/etc/ssh/sshd_config.d/a.conf"), e.getMessage());
    }

    @Test
    void controlCharactersFromTheDeviceAreRemoved() throws Exception {
        SshServerConfig c = one(parseText(parser, PROBE, "permitrootlogin no\nbanner /etc/\u001b[31missue\n"), SshServerConfig.class);
        assertEquals("/etc/[31missue", c.banner());
    }

    private static final String UNAVAILABLE_LINE = "# sshd -T unavailable (exit 1): sudo: a password is required\n";

    @Test
    void rejectsWhatIsNotUnderstood() {
        for (String g : GARBAGE) rejects(parser, PROBE, g);
        assertEquals(0, rejects(parser, PROBE, "").line());
        UnrecognisedOutputException e = rejects(parser, PROBE, "port 22\nPermitRootLogin no\n");
        assertEquals(2, e.line(), "sshd -T prints keywords in lower case");
        assertTrue(rejects(parser, PROBE, "port 22\nbanner none\n").getMessage().contains("permitrootlogin"));
        e = rejects(parser, PROBE, UNAVAILABLE_LINE
                + "tail: cannot open '/etc/ssh/sshd_config' for reading: Permission denied\n");
        assertTrue(e.getMessage().contains("Permission denied") && e.getMessage().contains("sshd -T"), e.getMessage());
        e = rejects(parser, PROBE, UNAVAILABLE_LINE + "PermitRootLogin no\n");
        assertEquals(2, e.line());
        e = rejects(parser, PROBE, UNAVAILABLE_LINE + "==> /etc/ssh/sshd_config <==\nPermitRootLogin no\n\"broken\n");
        assertEquals(4, e.line());
    }
}
