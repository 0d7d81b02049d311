package io.auditor.collect.parsers;

import io.auditor.collect.UnrecognisedOutputException;
import io.auditor.model.facts.AutoLogon;
import io.auditor.model.facts.AutoRunPolicy;
import io.auditor.model.facts.AutomaticUpdates;
import io.auditor.model.facts.DiskEncryption;
import io.auditor.model.facts.Fact;
import io.auditor.model.facts.HostFirewall;
import io.auditor.model.facts.LocalAccount;
import io.auditor.model.facts.LogonBanner;
import io.auditor.model.facts.ScreenLock;
import io.auditor.model.facts.ServiceInventory;
import io.auditor.model.facts.ServiceState;
import io.auditor.model.facts.SoftwareRelease;
import io.auditor.model.facts.UpdateHistory;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static io.auditor.collect.parsers.Samples.*;
import static org.junit.jupiter.api.Assertions.*;

/** The Windows endpoint probes' parsers on the samples in samples/formats (PowerShell 5.1 ConvertTo-Json, CRLF). */
class WindowsEndpointParsersTest {

    @Test
    void localAccountsRecogniseBuiltInsBySid() throws Exception {
        var p = new WindowsLocalAccountsParser();
        List<LocalAccount> ws = only(parse(p, "local-accounts", "workstation.txt"), LocalAccount.class);
        assertEquals(5, ws.size());
        assertEquals(new LocalAccount(DEVICE, "local-accounts", "Administrator", false, "administrator"), ws.get(0));
        assertEquals(new LocalAccount(DEVICE, "local-accounts", "Guest", false, "guest"), ws.get(2));
        assertEquals(new LocalAccount(DEVICE, "local-accounts", "itadmin", true, null), ws.get(4));
        List<LocalAccount> renamed = only(parse(p, "local-accounts", "renamed-admin-guest-on.txt"), LocalAccount.class);
        assertEquals(new LocalAccount(DEVICE, "local-accounts", "ladmin", true, "administrator"), renamed.get(0));
        assertEquals(Boolean.TRUE, renamed.get(1).enabled());
        rejectsGarbageJson(p, "local-accounts");
        assertTrue(rejects(p, "local-accounts", "").getMessage().contains("no local users"));
        assertTrue(rejects(p, "local-accounts", "{\"Name\":\"x\",\"Enabled\":true,\"SID\":\"S-1-5-32-544\"}")
                .getMessage().contains("S-1-5-21"));
        assertTrue(rejects(p, "local-accounts", "{\"Name\":\"x\",\"Enabled\":\"yes\",\"SID\":\"S-1-5-21-1-2-3-1001\"}")
                .getMessage().contains("Enabled"));
    }

    @Test
    void idleLockTakesTheShorterOfInactivityLimitAndSecureScreenSaver() throws Exception {
        var p = new WindowsScreenLockParser();
        ScreenLock machine = one(parse(p, "idle-lock-policy", "inactivity-limit.txt"), ScreenLock.class);
        assertEquals(true, machine.lockEnabled());
        assertEquals(600, machine.lockAfterSeconds());
        assertTrue(machine.detail().contains("InactivityTimeoutSecs 600"), machine.detail());
        ScreenLock saver = one(parse(p, "idle-lock-policy", "screensaver-policy.txt"), ScreenLock.class);
        assertEquals(300, saver.lockAfterSeconds(), "REG_SZ numbers as Group Policy writes them");
        ScreenLock none = one(parse(p, "idle-lock-policy", "not-configured.txt"), ScreenLock.class);
        assertEquals(false, none.lockEnabled());
        assertNull(none.lockAfterSeconds());
        assertEquals(true, none.desktop());
        ScreenLock insecure = one(parseText(p, "idle-lock-policy", "{\"InactivityTimeoutSecs\":0,\"ScreenSaveActive\":\"1\","
                + "\"ScreenSaverIsSecure\":\"0\",\"ScreenSaveTimeOut\":\"300\"}"), ScreenLock.class);
        assertEquals(false, insecure.lockEnabled(), "a screen saver without a password does not lock");
        rejectsGarbageJson(p, "idle-lock-policy");
        assertTrue(rejects(p, "idle-lock-policy", "{\"InactivityTimeoutSecs\":\"ten\",\"ScreenSaveActive\":null,"
                + "\"ScreenSaverIsSecure\":null,\"ScreenSaveTimeOut\":null}").getMessage().contains("not a number"));
        assertTrue(rejects(p, "idle-lock-policy", "{\"InactivityTimeoutSecs\":600}").getMessage().contains("ScreenSaveActive"));
    }

    @Test
    void legalNotice() throws Exception {
        var p = new WindowsLegalNoticeParser();
        LogonBanner aup = one(parse(p, "legal-notice", "aup-notice.txt"), LogonBanner.class);
        assertTrue(aup.text().startsWith("Riverside Academy - Acceptable Use\n"), aup.text());
        assertTrue(aup.text().contains("Acceptable Use Policy"));
        assertEquals("", one(parse(p, "legal-notice", "none.txt"), LogonBanner.class).text());
        assertEquals("Line one\nAcceptable Use [1mPolicy", one(parseText(p, "legal-notice",
                "{\"LegalNoticeCaption\":\"\",\"LegalNoticeText\":\"Line one\\nAcceptable Use \\u001b[1mPolicy\"}"),
                LogonBanner.class).text(), "line breaks kept, terminal escapes removed");
        rejectsGarbageJson(p, "legal-notice");
        rejects(p, "legal-notice", "[]");
    }

    @Test
    void autoLogonNeverCarriesThePassword() throws Exception {
        var p = new WindowsAutoLogonParser();
        assertEquals(new AutoLogon(DEVICE, "auto-logon", false, "RIVERSIDE\\jsmith", false),
                one(parse(p, "auto-logon", "off.txt"), AutoLogon.class));
        assertEquals(new AutoLogon(DEVICE, "auto-logon", true, "WS-LIB01\\library", true),
                one(parse(p, "auto-logon", "kiosk-with-password.txt"), AutoLogon.class));
        UnrecognisedOutputException e = rejects(p, "auto-logon", "{\"AutoAdminLogon\":\"1\",\"DefaultDomainName\":null,"
                + "\"DefaultUserName\":\"x\",\"DefaultPasswordSet\":true,\"DefaultPassword\":\"Secret1\"}");
        assertFalse(e.getMessage().contains("Secret1"), "the message must not quote the password");
        rejectsGarbageJson(p, "auto-logon");
    }

    @Test
    void autoRun() throws Exception {
        var p = new WindowsAutoRunParser();
        assertEquals(new AutoRunPolicy(DEVICE, "autorun", 255, 1, true), one(parse(p, "autorun", "all-drives-off.txt"), AutoRunPolicy.class));
        assertEquals(new AutoRunPolicy(DEVICE, "autorun", null, null, false), one(parse(p, "autorun", "windows-default.txt"), AutoRunPolicy.class));
        assertFalse(one(parseText(p, "autorun", "{\"NoDriveTypeAutoRun\":145,\"NoAutorun\":0}"), AutoRunPolicy.class).offForAllDrives(),
                "0x91 is Windows' default and leaves removable drives on");
        assertTrue(one(parseText(p, "autorun", "{\"NoDriveTypeAutoRun\":null,\"NoAutorun\":1}"), AutoRunPolicy.class).offForAllDrives());
        rejectsGarbageJson(p, "autorun");
    }

    @Test
    void firewallProfiles() throws Exception {
        var p = new WindowsFirewallParser();
        List<HostFirewall> on = only(parse(p, "firewall-profiles", "all-on.txt"), HostFirewall.class);
        assertEquals(List.of("Domain", "Private", "Public"), on.stream().map(HostFirewall::scope).toList());
        assertTrue(on.stream().allMatch(f -> f.enabled() && f.inboundDefaultDeny()));
        assertTrue(on.get(0).detail().contains("Windows default: Block"), on.get(0).detail());
        List<HostFirewall> off = only(parse(p, "firewall-profiles", "domain-off.txt"), HostFirewall.class);
        assertEquals(false, off.get(0).enabled());
        assertEquals(false, off.get(1).inboundDefaultDeny());
        rejectsGarbageJson(p, "firewall-profiles");
        assertTrue(rejects(p, "firewall-profiles", "{\"Name\":\"Domain\",\"Enabled\":1,\"DefaultInboundAction\":\"Block\"}")
                .getMessage().contains("Enabled"), "enum numbers mean the probe lost its [string] casts");
        rejects(p, "firewall-profiles", "[]");
    }

    @Test
    void bitLocker() throws Exception {
        var p = new WindowsBitLockerParser();
        DiskEncryption ok = one(parse(p, "bitlocker", "protected.txt"), DiskEncryption.class);
        assertEquals(Boolean.TRUE, ok.protectionOn());
        assertEquals("C:", ok.volume());
        assertEquals(Boolean.FALSE, one(parse(p, "bitlocker", "decrypted.txt"), DiskEncryption.class).protectionOn());
        DiskEncryption suspended = one(parse(p, "bitlocker", "suspended.txt"), DiskEncryption.class);
        assertEquals(Boolean.FALSE, suspended.protectionOn());
        assertTrue(suspended.detail().contains("FullyEncrypted, ProtectionStatus Off"), suspended.detail());
        assertNull(one(parseText(p, "bitlocker", "{\"MountPoint\":\"C:\",\"VolumeStatus\":\"FullyEncrypted\","
                + "\"ProtectionStatus\":\"Unknown\",\"EncryptionPercentage\":100}"), DiskEncryption.class).protectionOn());
        rejectsGarbageJson(p, "bitlocker");
        assertTrue(rejects(p, "bitlocker", "{\"MountPoint\":\"C:\",\"VolumeStatus\":1,\"ProtectionStatus\":\"On\","
                + "\"EncryptionPercentage\":100}").getMessage().contains("VolumeStatus"));
    }

    @Test
    void services() throws Exception {
        var p = new WindowsServicesParser();
        List<Fact> facts = parse(p, "services", "monitoring-running.txt");
        assertEquals(new ServiceInventory(DEVICE, "services", 10), one(facts, ServiceInventory.class));
        ServiceState dna = only(facts, ServiceState.class).stream().filter(s -> s.name().startsWith("NetSupport")).findFirst().orElseThrow();
        assertTrue(dna.running());
        assertEquals("Automatic", dna.startType());
        ServiceState stopped = only(parse(p, "services", "monitoring-stopped.txt"), ServiceState.class).stream()
                .filter(s -> s.name().startsWith("NetSupport")).findFirst().orElseThrow();
        assertFalse(stopped.running());
        assertEquals("Disabled", stopped.startType());
        rejectsGarbageJson(p, "services");
        rejects(p, "services", "");
        rejects(p, "services", "[]");
    }

    @Test
    void updatePolicy() throws Exception {
        var p = new WindowsUpdatePolicyParser();
        AutomaticUpdates def = one(parse(p, "update-policy", "default-automatic.txt"), AutomaticUpdates.class);
        assertTrue(def.enabled());
        assertTrue(def.detail().contains("Windows default"), def.detail());
        assertTrue(one(parse(p, "update-policy", "scheduled-install.txt"), AutomaticUpdates.class).enabled());
        AutomaticUpdates notify = one(parse(p, "update-policy", "notify-only.txt"), AutomaticUpdates.class);
        assertFalse(notify.enabled());
        assertTrue(notify.detail().contains("AUOptions 2 (notify before download)"), notify.detail());
        assertFalse(one(parseText(p, "update-policy", "{\"NoAutoUpdate\":null,\"AUOptions\":null,\"ServiceStartType\":\"Disabled\"}"),
                AutomaticUpdates.class).enabled());
        assertFalse(one(parseText(p, "update-policy", "{\"NoAutoUpdate\":1,\"AUOptions\":4,\"ServiceStartType\":\"Manual\"}"),
                AutomaticUpdates.class).enabled());
        rejectsGarbageJson(p, "update-policy");
        rejects(p, "update-policy", "{\"NoAutoUpdate\":null,\"AUOptions\":null,\"ServiceStartType\":\"\"}");
    }

    @Test
    void hotfixes() throws Exception {
        var p = new WindowsHotfixParser();
        UpdateHistory h = one(parse(p, "hotfixes", "workstation.txt"), UpdateHistory.class);
        assertEquals(4, h.count());
        assertEquals(Instant.parse("2024-10-09T00:00:00Z"), h.newestInstalledAt());
        assertEquals("KB5044033", h.newestId(), "the first of two on the newest day");
        UpdateHistory none = one(parse(p, "hotfixes", "none.txt"), UpdateHistory.class);
        assertEquals(0, none.count());
        assertNull(none.newestInstalledAt());
        rejectsGarbageJson(p, "hotfixes");
        assertTrue(rejects(p, "hotfixes", "{\"HotFixID\":\"KB1\",\"InstalledOn\":\"10/09/2024\"}").getMessage().contains("yyyy-MM-dd"));
        assertTrue(rejects(p, "hotfixes", "{\"HotFixID\":\"KB1\",\"InstalledOn\":\"2099-01-01\"}").getMessage().contains("after"));
    }

    @Test
    void windowsRelease() throws Exception {
        var p = new WindowsOsReleaseParser();
        assertEquals(new SoftwareRelease(DEVICE, "windows-release", "Microsoft Windows 11 Education", "23H2 (10.0.22631.4460)"),
                one(parse(p, "windows-release", "windows11.txt"), SoftwareRelease.class));
        assertEquals(new SoftwareRelease(DEVICE, "windows-release", "Microsoft Windows Server 2019 Standard", "10.0.17763.6414"),
                one(parse(p, "windows-release", "server2019.txt"), SoftwareRelease.class));
        rejectsGarbageJson(p, "windows-release");
        assertTrue(rejects(p, "windows-release", "{\"Caption\":\"Windows\",\"Version\":\"ten\",\"DisplayVersion\":null,\"UBR\":null}")
                .getMessage().contains("Version"));
    }
}
