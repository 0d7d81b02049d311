package io.auditor.collect.parsers;

import io.auditor.collect.UnrecognisedOutputException;
import io.auditor.model.facts.AutoLogon;
import io.auditor.model.facts.DiskEncryption;
import io.auditor.model.facts.Fact;
import io.auditor.model.facts.HostFirewall;
import io.auditor.model.facts.LocalAccount;
import io.auditor.model.facts.LogonBanner;
import io.auditor.model.facts.ScreenLock;
import io.auditor.model.facts.SoftwareRelease;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.auditor.collect.parsers.Samples.*;
import static org.junit.jupiter.api.Assertions.*;

/** The Linux endpoint probes' parsers on the samples in samples/formats. */
class LinuxEndpointParsersTest {

    @Test
    void osRelease() throws Exception {
        var p = new OsReleaseParser();
        assertEquals(new SoftwareRelease(DEVICE, "os-release", "Debian GNU/Linux", "12"),
                one(parse(p, "os-release", "recorded-debian12.txt"), SoftwareRelease.class));
        assertEquals(new SoftwareRelease(DEVICE, "os-release", "Rocky Linux", "9.4"),
                one(parse(p, "os-release", "rocky9.txt"), SoftwareRelease.class));
        assertEquals(new SoftwareRelease(DEVICE, "os-release", "Ubuntu", "22.04"),
                one(parseText(p, "os-release", "NAME='Ubuntu'\nVERSION_ID=22.04\n# comment\n"), SoftwareRelease.class));
        for (String g : GARBAGE) rejects(p, "os-release", g);
        assertEquals(2, rejects(p, "os-release", "NAME=Debian\ncat: /etc/os-release: No such file\n").line());
        assertTrue(rejects(p, "os-release", "NAME=\"Debian GNU/Linux\"\nPRETTY_NAME=\"Debian trixie/sid\"\n")
                .getMessage().contains("VERSION_ID"));
    }

    @Test
    void screenLockOnAServerWithoutDesktop() throws Exception {
        ScreenLock s = one(parse(new GnomeScreenLockParser(), "screen-lock", "recorded-debian12-server.txt"), ScreenLock.class);
        assertEquals(false, s.desktop());
        assertEquals(true, s.lockEnabled(), "GNOME's defaults: lock after 300 s idle");
        assertEquals(300, s.lockAfterSeconds());
    }

    @Test
    void screenLockOnDesktops() throws Exception {
        var p = new GnomeScreenLockParser();
        ScreenLock on = one(parse(p, "screen-lock", "desktop-locks-5min.txt"), ScreenLock.class);
        assertEquals(new ScreenLock(DEVICE, "screen-lock", true, true, 300, on.detail()), on);
        ScreenLock off = one(parse(p, "screen-lock", "desktop-lock-off.txt"), ScreenLock.class);
        assertEquals(false, off.lockEnabled());
        assertNull(off.lockAfterSeconds());
        ScreenLock memory = one(parse(p, "screen-lock", "memory-backend.txt"), ScreenLock.class);
        assertNull(memory.lockEnabled(), "the memory backend shows schema defaults, not the machine's settings");
        assertTrue(memory.detail().contains("memory"), memory.detail());
        ScreenLock neverIdle = one(parseText(p, "screen-lock", "desktop sessions: 1\n" + GnomeScreenLockParser.LOCK_ENABLED
                + ": true\n" + GnomeScreenLockParser.LOCK_DELAY + ": uint32 30\n" + GnomeScreenLockParser.IDLE_DELAY
                + ": uint32 0\n"), ScreenLock.class);
        assertEquals(false, neverIdle.lockEnabled(), "idle-delay 0: the session never goes idle");
        ScreenLock delayed = one(parseText(p, "screen-lock", "desktop sessions: 1\n" + GnomeScreenLockParser.LOCK_ENABLED
                + ": true\n" + GnomeScreenLockParser.LOCK_DELAY + ": uint32 300\n" + GnomeScreenLockParser.IDLE_DELAY
                + ": uint32 600\n"), ScreenLock.class);
        assertEquals(900, delayed.lockAfterSeconds(), "idle-delay plus lock-delay");
        ScreenLock noTool = one(parseText(p, "screen-lock", "desktop sessions: 3\ngsettings: not installed\n"), ScreenLock.class);
        assertEquals(true, noTool.desktop());
        assertNull(noTool.lockEnabled());
        for (String g : GARBAGE) rejects(p, "screen-lock", g);
        assertEquals(1, rejects(p, "screen-lock", "ls: cannot access\n").line());
        assertTrue(rejects(p, "screen-lock", GnomeScreenLockParser.LOCK_ENABLED + ": true\n").getMessage()
                .contains("desktop sessions"));
    }

    @Test
    void logonBannerRecordedIsDebiansStockIssue() throws Exception {
        List<LogonBanner> b = only(parse(new LinuxLogonBannerParser(), "logon-banner", "recorded-debian12.txt"), LogonBanner.class);
        assertEquals(List.of(new LogonBanner(DEVICE, "logon-banner", "console /etc/issue", "Debian GNU/Linux 12 \\n \\l")), b,
                "issue.net is not shown anywhere without an sshd Banner");
    }

    @Test
    void logonBannersFromSshdAndGdm() throws Exception {
        var p = new LinuxLogonBannerParser();
        List<LogonBanner> net = only(parse(p, "logon-banner", "aup-issue-net.txt"), LogonBanner.class);
        assertEquals(2, net.size());
        assertEquals("sshd Banner /etc/issue.net", net.get(1).location());
        assertTrue(net.get(1).text().contains("Acceptable Use Policy"), net.get(1).text());
        List<LogonBanner> gdm = only(parse(p, "logon-banner", "sshd-banner-unreadable.txt"), LogonBanner.class);
        assertEquals(List.of("console /etc/issue", "sshd Banner /etc/ssh/banner.txt (/etc/ssh/banner.txt: Permission denied)",
                "GDM login screen"), gdm.stream().map(LogonBanner::location).toList());
        assertNull(gdm.get(1).text(), "unreadable is unknown, not empty");
        assertEquals("Riverside Academy\nBy logging on you accept the Acceptable Use Policy.", gdm.get(2).text());
        assertTrue(gdm.get(0).text().endsWith("Acceptable Use Policy."), "tail's blank separator lines are not the file's");
        for (String g : GARBAGE) rejects(p, "logon-banner", g);
        assertTrue(rejects(p, "logon-banner", "sshd Banner: none\ntail: cannot open '/etc/issue' for reading: Permission denied\n")
                .getMessage().contains("Permission denied"));
        assertEquals(2, rejects(p, "logon-banner", "sshd Banner: none\nDebian\n").line());
    }

    @Test
    void displayManagerLogin() throws Exception {
        var p = new DisplayManagerLoginParser();
        assertEquals(List.of(new AutoLogon(DEVICE, "display-manager", false, null, false)),
                parse(p, "display-manager", "recorded-debian12-none.txt"), "no display manager: nothing logs on by itself");
        assertEquals(List.of(new AutoLogon(DEVICE, "display-manager", true, "library", false)),
                parse(p, "display-manager", "gdm-autologin.txt"));
        List<Fact> guest = parse(p, "display-manager", "lightdm-guest.txt");
        assertEquals(new AutoLogon(DEVICE, "display-manager", false, null, false), guest.get(0));
        assertEquals(new LocalAccount(DEVICE, "display-manager", "guest session (/etc/lightdm/lightdm.conf)", true, "guest"),
                guest.get(1));
        assertFalse(one(parseText(p, "display-manager", "==> /etc/gdm3/custom.conf <==\n[security]\nAutomaticLoginEnable=true\n"),
                AutoLogon.class).enabled(), "only the [daemon] section counts");
        assertTrue(one(parseText(p, "display-manager", "==> /etc/sddm.conf <==\n[Autologin]\nUser=kiosk\n"),
                AutoLogon.class).enabled(), "SDDM");
        for (String g : GARBAGE) rejects(p, "display-manager", g);
        UnrecognisedOutputException e = rejects(p, "display-manager", "==> /etc/gdm3/custom.conf <==\n"
                + "grep: /etc/gdm3/custom.conf: Permission denied\n");
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("Permission denied"));
    }

    @Test
    void rootFileSystemEncryption() throws Exception {
        var p = new LsblkRootParser();
        DiskEncryption vm = one(parse(p, "disk-encryption", "recorded-vm-unencrypted.txt"), DiskEncryption.class);
        assertEquals(Boolean.FALSE, vm.protectionOn());
        assertEquals("root file system on /dev/vda: vda (disk); no dm-crypt layer", vm.detail());
        DiskEncryption luks = one(parse(p, "disk-encryption", "luks-lvm.txt"), DiskEncryption.class);
        assertEquals(Boolean.TRUE, luks.protectionOn());
        assertTrue(luks.detail().contains("dm_crypt-0 (crypt LVM2_member) on nvme0n1p3 (part crypto_LUKS)"), luks.detail());
        DiskEncryption zfs = one(parse(p, "disk-encryption", "zfs-root.txt"), DiskEncryption.class);
        assertNull(zfs.protectionOn(), "ZFS native encryption is not read: unknown, not unencrypted");
        for (String g : GARBAGE) rejects(p, "disk-encryption", g);
        assertTrue(rejects(p, "disk-encryption", "root: /dev/sda2\n").getMessage().contains("no device"));
    }

    @Test
    void hostFirewallRecordedWithout() throws Exception {
        List<HostFirewall> f = only(parse(new LinuxFirewallParser(), "host-firewall", "recorded-debian12-none.txt"), HostFirewall.class);
        assertEquals(List.of("IPv4", "IPv6"), f.stream().map(HostFirewall::scope).toList());
        assertTrue(f.stream().allMatch(h -> Boolean.FALSE.equals(h.enabled()) && Boolean.FALSE.equals(h.inboundDefaultDeny())));
        assertTrue(f.get(0).detail().contains("no inbound filtering found"), f.get(0).detail());
    }

    @Test
    void hostFirewallNftablesPolicyDropCoversBothFamilies() throws Exception {
        List<HostFirewall> f = only(parse(new LinuxFirewallParser(), "host-firewall", "recorded-netns-nft-drop.txt"), HostFirewall.class);
        assertTrue(f.stream().allMatch(h -> h.enabled() && h.inboundDefaultDeny()), f.toString());
        assertTrue(f.get(1).detail().contains("nftables inet filter chain input (input hook, policy drop)"), f.get(1).detail());
    }

    @Test
    void hostFirewallFinalRejectCountsAndAnAcceptingChainDoesNotUndoIt() throws Exception {
        List<HostFirewall> f = only(parse(new LinuxFirewallParser(), "host-firewall", "recorded-netns-reject-last.txt"), HostFirewall.class);
        assertTrue(f.stream().allMatch(h -> h.enabled() && h.inboundDefaultDeny()), f.toString());
        assertTrue(f.get(0).detail().contains("ends in reject with icmpx admin-prohibited"), f.get(0).detail());
    }

    @Test
    void hostFirewallIpv4OnlyLeavesIpv6Open() throws Exception {
        List<HostFirewall> f = only(parse(new LinuxFirewallParser(), "host-firewall", "recorded-netns-iptables-v4-only.txt"), HostFirewall.class);
        assertEquals(true, f.get(0).inboundDefaultDeny());
        assertEquals("IPv6", f.get(1).scope());
        assertEquals(false, f.get(1).enabled());
        assertEquals(false, f.get(1).inboundDefaultDeny());
    }

    @Test
    void hostFirewallUfwAndIpv6Off() throws Exception {
        List<HostFirewall> f = only(parse(new LinuxFirewallParser(), "host-firewall", "ufw-active.txt"), HostFirewall.class);
        assertEquals(1, f.size(), "IPv6 is switched off");
        assertTrue(f.get(0).enabled() && f.get(0).inboundDefaultDeny());
        assertTrue(f.get(0).detail().contains("ufw active, default deny (incoming)"), f.get(0).detail());
    }

    @Test
    void hostFirewallNotReadableIsUnknown() throws Exception {
        List<HostFirewall> f = only(parse(new LinuxFirewallParser(), "host-firewall", "recorded-debian12-not-root.txt"), HostFirewall.class);
        assertEquals(2, f.size());
        assertTrue(f.stream().allMatch(h -> h.enabled() == null && h.inboundDefaultDeny() == null));
        assertTrue(f.get(0).detail().contains("nft list ruleset exited 127"), f.get(0).detail());
    }

    @Test
    void hostFirewallRejectsWhatIsNotUnderstood() {
        var p = new LinuxFirewallParser();
        for (String g : GARBAGE) rejects(p, "host-firewall", g);
        rejects(p, "host-firewall", "");
        assertEquals(2, rejects(p, "host-firewall", "== ipv6 disabled: 0\nhello\n").line());
        assertTrue(rejects(p, "host-firewall", "== ipv6 disabled: 0\n== iptables -S\n-P INPUT DROP\n").getMessage()
                .contains("no '== exit' line"), "a cut-off section");
        assertTrue(rejects(p, "host-firewall", "== ipv6 disabled: 0\n== iptables -S\n== ufw status verbose\nStatus: inactive\n== exit 0\n")
                .getMessage().contains("section 'iptables -S' has no '== exit' line"), "a section cut off by the next one");
        assertTrue(rejects(p, "host-firewall", "== ipv6 disabled: 0\n== iptables -S\nFatal: can't open lock file\n== exit 0\n")
                .getMessage().contains("not a rule"));
        assertTrue(rejects(p, "host-firewall", "== ipv6 disabled: 0\n== nft list ruleset\nchain x {\n== exit 0\n")
                .getMessage().contains("outside a table"));
    }
}
