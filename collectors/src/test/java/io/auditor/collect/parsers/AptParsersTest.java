package io.auditor.collect.parsers;

import io.auditor.collect.UnrecognisedOutputException;
import io.auditor.model.facts.AutomaticUpdates;
import io.auditor.model.facts.Fact;
import io.auditor.model.facts.PendingUpdate;
import io.auditor.model.facts.UpdateStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static io.auditor.collect.parsers.Samples.*;
import static org.junit.jupiter.api.Assertions.*;

class AptParsersTest {
    private final AptUpgradableParser upgradable = new AptUpgradableParser();
    private final AptAutomaticParser automatic = new AptAutomaticParser();

    @Test
    void recordedDebianList() throws Exception {
        List<Fact> facts = parse(upgradable, "apt-upgradable", "recorded-debian12.txt");
        UpdateStatus s = one(facts, UpdateStatus.class);
        assertEquals(106, s.pendingCount());
        assertEquals(Instant.ofEpochSecond(1779295758), s.indexRefreshedAt());
        assertEquals(OBSERVED, s.observedAt());
        List<PendingUpdate> ups = only(facts, PendingUpdate.class);
        assertEquals(106, ups.size());
        assertEquals(new PendingUpdate(DEVICE, "apt-upgradable", "appstream", "0.16.1-2", "0.16.1-2+b1", false, null),
                ups.get(0));
        assertTrue(ups.stream().noneMatch(PendingUpdate::security));
        assertTrue(ups.stream().anyMatch(u -> u.name().equals("libcap2") && u.availableVersion().equals("1:2.66-4+deb12u3+b1")));
    }

    @Test
    void securitySuiteAndFirstStampWins() throws Exception {
        List<Fact> facts = parse(upgradable, "apt-upgradable", "security-pending.txt");
        UpdateStatus s = one(facts, UpdateStatus.class);
        assertEquals(3, s.pendingCount());
        assertEquals(Instant.ofEpochSecond(1732003200), s.indexRefreshedAt());
        List<PendingUpdate> ups = only(facts, PendingUpdate.class);
        assertEquals(List.of("libssl3", "openssl", "tzdata"), ups.stream().map(PendingUpdate::name).toList());
        assertEquals(List.of(true, true, false), ups.stream().map(PendingUpdate::security).toList());
        assertEquals("3.0.14-1~deb12u2", ups.get(1).installedVersion());
        assertEquals("3.0.15-1~deb12u1", ups.get(1).availableVersion());
        assertNull(ups.get(1).releasedAt());
    }

    @Test
    void ubuntuSeveralSuitesAndListingDone() throws Exception {
        List<Fact> facts = parse(upgradable, "apt-upgradable", "ubuntu-jammy.txt");
        List<PendingUpdate> ups = only(facts, PendingUpdate.class);
        assertEquals(2, ups.size());
        assertTrue(ups.get(0).security(), "jammy-updates,jammy-security");
        assertFalse(ups.get(1).security());
        assertEquals(Instant.ofEpochSecond(1731916800), one(facts, UpdateStatus.class).indexRefreshedAt());
    }

    @Test
    void nothingPending() throws Exception {
        List<Fact> facts = parse(upgradable, "apt-upgradable", "none-pending.txt");
        assertEquals(1, facts.size());
        assertEquals(0, one(facts, UpdateStatus.class).pendingCount());
    }

    /**
     * No index-refreshed line: neither stamp exists, so the index was wiped or never fetched, and apt's list (empty
     * or not) says nothing about the updates the archive has. Refused, so PATCH-01 is NOT_ASSESSED rather than the
     * PASS "index refreshed at an unknown time" an UpdateStatus without a refresh time leads to.
     */
    @Test
    void noStampIsRefusedBecauseTheListCannotBeTrusted() {
        UnrecognisedOutputException e = rejects(upgradable, "apt-upgradable", "Listing...\n");
        assertTrue(e.getMessage().contains("no 'index-refreshed: …' line"), e.getMessage());
        e = rejects(upgradable, "apt-upgradable",
                "Listing...\ntzdata/bookworm-updates 2024b-0+deb12u1 all [upgradable from: 2024a-0+deb12u1]\n");
        assertTrue(e.getMessage().contains("no 'index-refreshed: …' line"), e.getMessage());
    }

    @Test
    void anIndexRefreshedInTheFutureIsRefusedButClockSkewIsNot() throws Exception {
        long dayAhead = OBSERVED.plus(java.time.Duration.ofHours(23)).getEpochSecond();
        assertEquals(Instant.ofEpochSecond(dayAhead), one(parseText(upgradable, "apt-upgradable",
                "index-refreshed: " + dayAhead + " /x\nListing...\n"), UpdateStatus.class).indexRefreshedAt());
        long twoDaysAhead = OBSERVED.plus(java.time.Duration.ofHours(49)).getEpochSecond();
        UnrecognisedOutputException e = rejects(upgradable, "apt-upgradable",
                "index-refreshed: " + twoDaysAhead + " /x\nListing...\n");
        assertTrue(e.getMessage().contains("after the output was taken"), e.getMessage());
        assertEquals(1, e.line());
        rejects(upgradable, "apt-upgradable", "index-refreshed: 999999999999 /x\nListing...\n");
        // The epoch itself is a (very old) time, not a lie: PATCH-01 makes it a gap.
        assertEquals(Instant.EPOCH, one(parseText(upgradable, "apt-upgradable", "index-refreshed: 0 /x\nListing...\n"),
                UpdateStatus.class).indexRefreshedAt());
    }

    @Test
    void upgradableRejectsGarbage() {
        for (String g : GARBAGE) rejects(upgradable, "apt-upgradable", g);
        rejects(upgradable, "apt-upgradable", "");
        UnrecognisedOutputException e = rejects(upgradable, "apt-upgradable",
                "index-refreshed: 1732003200 /x\n");
        assertEquals(0, e.line());
        e = rejects(upgradable, "apt-upgradable", "Listing...\nopenssl/bookworm-security 3.0.15 amd64\n");
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("openssl/bookworm-security"), e.getMessage());
    }

    @Test
    void automaticEnabled() throws Exception {
        AutomaticUpdates a = one(parse(automatic, "unattended-upgrades", "enabled.txt"), AutomaticUpdates.class);
        assertTrue(a.enabled());
        assertEquals("unattended-upgrades", a.mechanism());
        assertEquals("unattended-upgrades 2.9.1+nmu3 installed (ii); APT::Periodic::Update-Package-Lists \"1\"; "
                + "APT::Periodic::Unattended-Upgrade \"1\"", a.detail());
    }

    @Test
    void automaticInstalledButNotScheduled() throws Exception {
        AutomaticUpdates a = one(parse(automatic, "unattended-upgrades", "installed-not-scheduled.txt"),
                AutomaticUpdates.class);
        assertFalse(a.enabled());
        assertTrue(a.detail().contains("Unattended-Upgrade \"0\""), a.detail());
    }

    @Test
    void automaticRecordedNotInstalled() throws Exception {
        AutomaticUpdates a = one(parse(automatic, "unattended-upgrades", "recorded-not-installed-debian12.txt"),
                AutomaticUpdates.class);
        assertFalse(a.enabled());
        assertEquals("unattended-upgrades not installed; APT::Periodic::Update-Package-Lists not set; "
                + "APT::Periodic::Unattended-Upgrade not set", a.detail());
    }

    @Test
    void automaticNeedsThePackageInstalled() throws Exception {
        String removed = "APT::Periodic::Update-Package-Lists \"1\";\nAPT::Periodic::Unattended-Upgrade \"1\";\n"
                + "unattended-upgrades rc  2.9.1+nmu3\n";
        AutomaticUpdates a = one(parseText(automatic, "unattended-upgrades", removed), AutomaticUpdates.class);
        assertFalse(a.enabled());
        assertTrue(a.detail().startsWith("unattended-upgrades not installed (dpkg status rc)"), a.detail());
        String always = "APT::Periodic::Update-Package-Lists \"always\";\nAPT::Periodic::Unattended-Upgrade \"1d\";\n"
                + "unattended-upgrades ii  2.8\r\n";
        assertTrue(one(parseText(automatic, "unattended-upgrades", always), AutomaticUpdates.class).enabled());
    }

    @Test
    void automaticRejectsGarbage() {
        for (String g : GARBAGE) rejects(automatic, "unattended-upgrades", g);
        assertEquals(0, rejects(automatic, "unattended-upgrades", "").line());
        assertEquals(0, rejects(automatic, "unattended-upgrades", "APT::Periodic::Unattended-Upgrade \"1\";\n").line());
        UnrecognisedOutputException e = rejects(automatic, "unattended-upgrades",
                "APT::Periodic \"\";\ndpkg-query: error: cannot access archive\n");
        assertEquals(2, e.line());
        assertEquals(1, rejects(automatic, "unattended-upgrades", "unattended-upgrades zz  1.0\n").line());
    }
}
