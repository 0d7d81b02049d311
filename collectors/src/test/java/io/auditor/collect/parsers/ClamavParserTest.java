package io.auditor.collect.parsers;

import io.auditor.collect.UnrecognisedOutputException;
import io.auditor.model.facts.AntiMalwareStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static io.auditor.collect.parsers.Samples.*;
import static org.junit.jupiter.api.Assertions.*;

class ClamavParserTest {
    private final ClamavParser parser = new ClamavParser();

    private AntiMalwareStatus status(String file) throws Exception {
        return one(parse(parser, "clamav", file), AntiMalwareStatus.class);
    }

    @Test
    void running() throws Exception {
        assertEquals(new AntiMalwareStatus(DEVICE, "clamav", OBSERVED, "ClamAV 1.0.7", true, true, false, true, "27466",
                Instant.parse("2024-11-19T09:40:49Z")), status("running.txt"));
    }

    @Test
    void onAccessWithSpacePaddedDay() throws Exception {
        AntiMalwareStatus s = status("on-access.txt");
        assertTrue(s.realTimeProtection());
        assertEquals("27453", s.signatureVersion());
        assertEquals(Instant.parse("2024-11-05T09:38:21Z"), s.signaturesUpdatedAt());
    }

    @Test
    void noDatabase() throws Exception {
        AntiMalwareStatus s = status("no-database.txt");
        assertTrue(s.installed());
        assertFalse(s.serviceRunning(), "daemon failed");
        assertFalse(s.realTimeProtection(), "clamonacc not found");
        assertTrue(s.updaterRunning());
        assertNull(s.signatureVersion());
        assertNull(s.signaturesUpdatedAt());
        assertEquals("ClamAV 1.0.7", s.product());
    }

    @Test
    void notInstalled() throws Exception {
        assertEquals(new AntiMalwareStatus(DEVICE, "clamav", OBSERVED, "ClamAV", false, false, false, false, null, null),
                status("not-installed.txt"));
        // The systemctl blocks are not needed to know that nothing is installed.
        assertFalse(one(parseText(parser, "clamav", "clamscan: not installed\n"), AntiMalwareStatus.class).installed());
    }

    @Test
    void propertiesInAnyOrder() throws Exception {
        String out = "ClamAV 1.4.3/27800/Mon Oct 20 07:36:29 2025\n"
                + "ActiveState=active\nSubState=running\nLoadState=loaded\nId=clamav-daemon.service\n\n"
                + "SubState=dead\nActiveState=inactive\nId=clamav-freshclam.service\nLoadState=loaded\n\n"
                + "LoadState=not-found\nId=clamav-clamonacc.service\nActiveState=inactive\nSubState=dead\n";
        AntiMalwareStatus s = one(parseText(parser, "clamav", out), AntiMalwareStatus.class);
        assertTrue(s.serviceRunning());
        assertFalse(s.updaterRunning());
        assertFalse(s.realTimeProtection());
        assertEquals("ClamAV 1.4.3", s.product());
    }

    @Test
    void rejectsGarbage() {
        for (String g : GARBAGE) rejects(parser, "clamav", g);
        rejects(parser, "clamav", "");
        // Installed but no unit states: the daemon's state is unknown, not "stopped".
        assertEquals(0, rejects(parser, "clamav", "ClamAV 1.0.7/27466/Tue Nov 19 09:40:49 2024\n").line());
        assertEquals(1, rejects(parser, "clamav", "ClamAV 1.0.7/27466/yesterday\n").line());
        assertEquals(3, rejects(parser, "clamav", "ClamAV 1.0.7\nId=clamav-daemon.service\nFailed to connect to bus\n").line());
    }

    @Test
    void aSignatureDateInTheFutureIsRefused() {
        UnrecognisedOutputException e = rejects(parser, "clamav",
                "ClamAV 1.0.7/27829/Fri Dec 31 23:59:59 9999\n" + text("clamav", "running.txt").lines().skip(1)
                        .collect(java.util.stream.Collectors.joining("\n")));
        assertTrue(e.getMessage().startsWith("signature date 9999-12-31T23:59:59Z is after the output was taken"),
                e.getMessage());
        assertEquals(1, e.line());
    }
}
