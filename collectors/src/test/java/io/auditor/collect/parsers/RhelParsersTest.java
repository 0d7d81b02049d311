package io.auditor.collect.parsers;

import io.auditor.collect.UnrecognisedOutputException;
import io.auditor.model.facts.AntiMalwareStatus;
import io.auditor.model.facts.AutomaticUpdates;
import io.auditor.model.facts.Fact;
import io.auditor.model.facts.PendingUpdate;
import io.auditor.model.facts.UpdateStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static io.auditor.collect.parsers.Samples.*;
import static org.junit.jupiter.api.Assertions.*;

/** The RHEL-family probes' parsers (dnf 4 and dnf 5 output, dnf-automatic, ClamAV's clamd@scan). */
class RhelParsersTest {
    private final DnfUpdatesParser dnf = new DnfUpdatesParser();

    @Test
    void dnf4SecurityAdvisoriesWithoutDates() throws Exception {
        List<Fact> facts = parse(dnf, "dnf-updates", "rhel9-security-pending.txt");
        UpdateStatus status = one(facts, UpdateStatus.class);
        assertEquals(4, status.pendingCount());
        assertEquals(Instant.parse("2026-11-24T03:12:40Z"), status.indexRefreshedAt(), "the newest metadata");
        List<PendingUpdate> u = only(facts, PendingUpdate.class);
        assertEquals(List.of("curl.x86_64 (RHSA-2026:0990)", "openssl.x86_64 (RHSA-2026:1021)",
                "openssl-libs.x86_64 (RHSA-2026:1021)", "tzdata.noarch"), u.stream().map(PendingUpdate::name).toList());
        assertEquals(List.of(true, true, true, false), u.stream().map(PendingUpdate::security).toList());
        assertEquals("1:3.0.7-29.el9_4", u.get(1).availableVersion());
        assertTrue(u.stream().allMatch(p -> p.releasedAt() == null), "dnf 4's list gives no dates");
    }

    @Test
    void dnf5TableGivesIssuedDates() throws Exception {
        List<PendingUpdate> u = only(parse(dnf, "dnf-updates", "dnf5-issued-dates.txt"), PendingUpdate.class);
        assertEquals(2, u.size());
        assertEquals(Instant.parse("2026-11-02T00:00:00Z"), u.get(0).releasedAt());
        assertTrue(u.get(0).name().startsWith("kernel.x86_64 (RLSA-2026:8812)"));
        assertEquals(Instant.parse("2026-11-19T00:00:00Z"), u.get(1).releasedAt());
    }

    @Test
    void nothingPending() throws Exception {
        List<Fact> facts = parse(dnf, "dnf-updates", "up-to-date.txt");
        assertEquals(1, facts.size());
        assertEquals(0, one(facts, UpdateStatus.class).pendingCount());
    }

    @Test
    void advisoryWhosePackageCheckUpdateDidNotListStillCounts() throws Exception {
        List<PendingUpdate> u = only(parseText(dnf, "dnf-updates", "== security\n"
                + "RHSA-2026:1 Critical/Sec. bind-libs-32:9.16.23-18.el9_4.6.x86_64 2026-11-03 10:00:00\n== exit 0\n"
                + "== check-update\n== exit 0\n"), PendingUpdate.class);
        assertEquals(List.of(new PendingUpdate(DEVICE, "dnf-updates", "bind-libs.x86_64 (RHSA-2026:1)", null, "32:9.16.23-18.el9_4.6",
                true, Instant.parse("2026-11-03T00:00:00Z"))), u, "and dnf 4 with a date column");
    }

    @Test
    void dnfRejectsWhatIsNotUnderstood() {
        for (String g : GARBAGE) rejects(dnf, "dnf-updates", g);
        UnrecognisedOutputException e = rejects(dnf, "dnf-updates", text("dnf-updates", "no-cache.txt"));
        assertTrue(e.getMessage().contains("Cache-only enabled but no cache for 'baseos'"), e.getMessage());
        assertTrue(rejects(dnf, "dnf-updates", "== security\n== exit 0\n== check-update\nError: Failed to download metadata\n== exit 1\n")
                .getMessage().contains("check-update exited 1"));
        assertEquals(4, rejects(dnf, "dnf-updates", "== security\n== exit 0\n== check-update\nthis is not a package\n== exit 100\n").line());
        assertTrue(rejects(dnf, "dnf-updates", "== security\n== exit 0\n").getMessage().contains("check-update"));
        assertTrue(rejects(dnf, "dnf-updates", "== security\n== check-update\n== exit 0\n").getMessage()
                .contains("section 'security' has no '== exit' line"), "a section cut off by the next one");
        assertTrue(rejects(dnf, "dnf-updates", "index-refreshed: 4102444800 /var/cache/dnf/x/repodata/repomd.xml\n"
                + "== security\n== exit 0\n== check-update\n== exit 0\n").getMessage().contains("after the output was taken"),
                "metadata from 2100 is a wrong clock");
    }

    @Test
    void dnfAutomatic() throws Exception {
        var p = new DnfAutomaticParser();
        AutomaticUpdates on = one(parse(p, "dnf-automatic", "applying.txt"), AutomaticUpdates.class);
        assertTrue(on.enabled());
        assertTrue(on.detail().contains("apply_updates = yes"), on.detail());
        AutomaticUpdates download = one(parse(p, "dnf-automatic", "download-only.txt"), AutomaticUpdates.class);
        assertFalse(download.enabled(), "downloads but does not apply");
        AutomaticUpdates none = one(parse(p, "dnf-automatic", "not-installed.txt"), AutomaticUpdates.class);
        assertFalse(none.enabled());
        assertTrue(none.detail().contains("dnf-automatic.timer not installed"), none.detail());
        for (String g : GARBAGE) rejects(p, "dnf-automatic", g);
        assertTrue(rejects(p, "dnf-automatic", "Id=dnf-automatic.timer\nActiveState=active\n").getMessage()
                .contains(DnfAutomaticParser.INSTALL_TIMER));
        UnrecognisedOutputException noId = rejects(p, "dnf-automatic", "LoadState=loaded\nActiveState=active\n\n");
        assertTrue(noId.getMessage().contains("no Id="), noId.getMessage());
        assertEquals(2, noId.line(), "the block's last line");
    }

    @Test
    void clamdScanIsRhelsDaemon() throws Exception {
        AntiMalwareStatus a = one(parse(new ClamavParser(), "clamav", "rhel-clamd-scan.txt"), AntiMalwareStatus.class);
        assertEquals(Boolean.TRUE, a.serviceRunning(), "clamav-daemon.service is not-found but clamd@scan runs");
        assertEquals(Instant.parse("2026-11-24T08:23:11Z"), a.signaturesUpdatedAt());
    }
}
