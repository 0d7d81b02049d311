package io.auditor.collect.parsers;

import io.auditor.collect.UnrecognisedOutputException;
import io.auditor.model.facts.AdminGroup;
import io.auditor.model.facts.AntiMalwareStatus;
import io.auditor.model.facts.BackupRun;
import io.auditor.model.facts.BackupStatus;
import io.auditor.model.facts.Fact;
import io.auditor.model.facts.GroupMember;
import io.auditor.model.facts.PendingUpdate;
import io.auditor.model.facts.UpdateStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static io.auditor.collect.parsers.Samples.*;
import static org.junit.jupiter.api.Assertions.*;

class WindowsParsersTest {
    private final WindowsDefenderParser defender = new WindowsDefenderParser();
    private final WindowsLocalAdminsParser admins = new WindowsLocalAdminsParser();
    private final WindowsPendingUpdatesParser updates = new WindowsPendingUpdatesParser();
    private final WindowsServerBackupParser wsb = new WindowsServerBackupParser();

    @Test
    void defenderHealthy() throws Exception {
        assertEquals(new AntiMalwareStatus(DEVICE, "defender-status", OBSERVED,
                        "Microsoft Defender Antivirus 4.18.24090.11", true, true, true, null, "1.421.1448.0",
                        Instant.parse("2024-11-19T08:00:00Z")),
                one(parse(defender, "defender-status", "healthy.txt"), AntiMalwareStatus.class));
    }

    @Test
    void defenderRealtimeOffPowerShell7() throws Exception {
        AntiMalwareStatus s = one(parse(defender, "defender-status", "realtime-off-ps7.txt"), AntiMalwareStatus.class);
        assertFalse(s.realTimeProtection());
        assertTrue(s.serviceRunning());
        assertEquals(Instant.parse("2024-10-02T05:12:44Z"), s.signaturesUpdatedAt());
        assertEquals("1.419.163.0", s.signatureVersion());
    }

    @Test
    void defenderPassive() throws Exception {
        AntiMalwareStatus s = one(parse(defender, "defender-status", "passive-mode.txt"), AntiMalwareStatus.class);
        assertFalse(s.serviceRunning(), "antivirus disabled");
        assertTrue(s.installed());
    }

    @Test
    void defenderDateObjectWithValue() throws Exception {
        String out = "[{\"AMProductVersion\":\"4.18.1\",\"AMServiceEnabled\":true,\"AntivirusEnabled\":null,"
                + "\"RealTimeProtectionEnabled\":true,\"AntivirusSignatureVersion\":\"1.0\","
                + "\"AntivirusSignatureLastUpdated\":{\"value\":\"\\/Date(1732003200000)\\/\",\"DisplayHint\":2}}]";
        AntiMalwareStatus s = one(parseText(defender, "defender-status", "\uFEFF" + out), AntiMalwareStatus.class);
        assertNull(s.serviceRunning(), "unknown when AntivirusEnabled is null");
        assertEquals(Instant.parse("2024-11-19T08:00:00Z"), s.signaturesUpdatedAt());
    }

    @Test
    void defenderRejectsGarbage() {
        rejectsGarbageJson(defender, "defender-status");
        rejects(defender, "defender-status", "");
        rejects(defender, "defender-status", "{\"AMProductVersion\": \"4.18\"}");
        rejects(defender, "defender-status", "[]");
        rejects(defender, "defender-status", text("defender-status", "healthy.txt").replace("true,", "\"yes\","));
        rejects(defender, "defender-status", text("defender-status", "healthy.txt").replace("\\/Date(", "\\/Dote("));
    }

    @Test
    void adminsDomainJoined() throws Exception {
        List<Fact> facts = parse(admins, "local-admins", "domain-joined.txt");
        assertEquals(new AdminGroup(DEVICE, "local-admins", "Administrators", 4), one(facts, AdminGroup.class));
        assertEquals(List.of(
                new GroupMember(DEVICE, "local-admins", "Administrators", "WS-101\\Administrator", "user", "local"),
                new GroupMember(DEVICE, "local-admins", "Administrators", "SCHOOL\\Domain Admins", "group", "domain"),
                new GroupMember(DEVICE, "local-admins", "Administrators", "SCHOOL\\IT Support", "group", "domain"),
                new GroupMember(DEVICE, "local-admins", "Administrators", "WS-101\\teacher", "user", "local")),
                only(facts, GroupMember.class));
    }

    @Test
    void adminsSingleObject() throws Exception {
        List<Fact> facts = parse(admins, "local-admins", "single-member.txt");
        assertEquals(1, one(facts, AdminGroup.class).memberCount());
        assertEquals("SRV-02\\Administrator", one(facts, GroupMember.class).member());
    }

    @Test
    void adminsNumericSources() throws Exception {
        List<Fact> facts = parse(admins, "local-admins", "cloud-joined-numeric.txt");
        assertEquals(java.util.Arrays.asList("local", "azuread", "microsoft", null),
                only(facts, GroupMember.class).stream().map(GroupMember::origin).toList());
        assertEquals("group", only(facts, GroupMember.class).get(3).memberType());
    }

    @Test
    void adminsNoMembers() throws Exception {
        assertEquals(List.of(new AdminGroup(DEVICE, "local-admins", "Administrators", 0)),
                parse(admins, "local-admins", "no-members.txt"));
        assertEquals(0, one(parseText(admins, "local-admins", "\r\n"), AdminGroup.class).memberCount());
    }

    @Test
    void adminsBlankSourceIsUnknown() throws Exception {
        GroupMember m = one(parseText(admins, "local-admins",
                "{\"Name\":\"OLD\\\\Administrator\",\"ObjectClass\":\"User\",\"PrincipalSource\":\"\"}"), GroupMember.class);
        assertNull(m.origin());
    }

    @Test
    void adminsRejectGarbage() {
        rejectsGarbageJson(admins, "local-admins");
        rejects(admins, "local-admins", "{\"Name\":\"X\\\\a\",\"ObjectClass\":\"Computer\",\"PrincipalSource\":\"Local\"}");
        rejects(admins, "local-admins", "{\"Name\":\"X\\\\a\",\"ObjectClass\":\"User\",\"PrincipalSource\":\"Cloud\"}");
        rejects(admins, "local-admins", "{\"Name\":\"X\\\\a\",\"ObjectClass\":\"User\",\"PrincipalSource\":7}");
        rejects(admins, "local-admins", "{\"ObjectClass\":\"User\"}");
    }

    @Test
    void pendingUpdates() throws Exception {
        List<Fact> facts = parse(updates, "pending-updates", "pending.txt");
        assertEquals(new UpdateStatus(DEVICE, "pending-updates", OBSERVED, Instant.parse("2024-11-19T08:00:00Z"), 3),
                one(facts, UpdateStatus.class));
        List<PendingUpdate> ups = only(facts, PendingUpdate.class);
        assertEquals(new PendingUpdate(DEVICE, "pending-updates",
                "2024-11 Cumulative Update for Windows 11 Version 23H2 for x64-based Systems (KB5046633)", null,
                "KB5046633", true, Instant.parse("2024-11-12T00:00:00Z")), ups.get(0));
        assertFalse(ups.get(1).security(), "definition update without MSRC severity");
        assertEquals("KB2267602", ups.get(1).availableVersion());
        assertFalse(ups.get(2).security());
        assertEquals(Instant.parse("2024-11-19T00:00:00Z"), ups.get(1).releasedAt());
    }

    @Test
    void noPendingUpdates() throws Exception {
        List<Fact> facts = parse(updates, "pending-updates", "none.txt");
        assertEquals(List.of(new UpdateStatus(DEVICE, "pending-updates", OBSERVED,
                Instant.parse("2024-11-19T08:00:00Z"), 0)), facts);
    }

    @Test
    void singleUpdatePowerShell7() throws Exception {
        List<Fact> facts = parse(updates, "pending-updates", "single-update-ps7.txt");
        assertEquals(Instant.parse("2024-11-18T22:14:03Z"), one(facts, UpdateStatus.class).indexRefreshedAt());
        PendingUpdate u = one(facts, PendingUpdate.class);
        assertEquals("KB5046616", u.availableVersion());
        assertTrue(u.security());
        assertEquals(Instant.parse("2024-11-12T00:00:00Z"), u.releasedAt());
    }

    /** An agent that never completed a search knows of no updates: its empty list is no evidence of being patched. */
    @Test
    void neverSearchedIsRefused() {
        UnrecognisedOutputException e = rejects(updates, "pending-updates",
                "{\"LastSearchSuccessDate\": null, \"Updates\": null}");
        assertTrue(e.getMessage().contains("never completed a search"), e.getMessage());
        rejects(updates, "pending-updates",
                "{\"LastSearchSuccessDate\": \"\\/Date(-62135596800000)\\/\", \"Updates\": []}");
    }

    @Test
    void datesInTheFutureAreRefused() {
        String year9999 = "\"\\/Date(253402300799000)\\/\"";
        UnrecognisedOutputException e = rejects(updates, "pending-updates",
                "{\"LastSearchSuccessDate\": " + year9999 + ", \"Updates\": []}");
        assertTrue(e.getMessage().startsWith("LastSearchSuccessDate 9999-12-31T23:59:59Z is after"), e.getMessage());
        e = rejects(updates, "pending-updates", "{\"LastSearchSuccessDate\": "
                + "\"2024-11-18T22:14:03Z\", \"Updates\": [{\"Title\": \"KB1\", \"MsrcSeverity\": \"Critical\", "
                + "\"LastDeploymentChangeTime\": " + year9999 + "}]}");
        assertTrue(e.getMessage().contains("update 1 LastDeploymentChangeTime 9999-12-31T23:59:59Z is after"),
                e.getMessage());
        e = rejects(defender, "defender-status", "{\"AMProductVersion\": \"4.18\", \"AMServiceEnabled\": true, "
                + "\"AntivirusEnabled\": true, \"RealTimeProtectionEnabled\": true, \"AntivirusSignatureVersion\": "
                + "\"1.4\", \"AntivirusSignatureLastUpdated\": " + year9999 + "}");
        assertTrue(e.getMessage().startsWith("AntivirusSignatureLastUpdated 9999-12-31T23:59:59Z is after"), e.getMessage());
        e = rejects(wsb, "wsb-summary", "{\"LastSuccessfulBackupTime\": " + year9999 + ", \"LastBackupTime\": null, "
                + "\"LastBackupResultHR\": 0, \"NumberOfVersions\": 1}");
        assertTrue(e.getMessage().startsWith("LastSuccessfulBackupTime 9999-12-31T23:59:59Z is after"), e.getMessage());
    }

    @Test
    void pendingUpdatesRejectGarbage() {
        rejectsGarbageJson(updates, "pending-updates");
        rejects(updates, "pending-updates", "");
        rejects(updates, "pending-updates", "[]");
        rejects(updates, "pending-updates", "{\"Updates\": []}");
        UnrecognisedOutputException e = rejects(updates, "pending-updates",
                "{\"LastSearchSuccessDate\": \"2024-11-18T22:14:03Z\", \"Updates\": [{\"KBArticleIDs\": []}]}");
        assertEquals("update 1 has no Title", e.getMessage());
        rejects(updates, "pending-updates", "{\"LastSearchSuccessDate\": \"soon\", \"Updates\": []}");
    }

    @Test
    void backupSuccess() throws Exception {
        List<Fact> facts = parse(wsb, "wsb-summary", "success.txt");
        assertEquals(List.of(new BackupStatus(DEVICE, "wsb-summary", OBSERVED, "windows-server-backup", 14),
                new BackupRun(DEVICE, "wsb-summary", "windows-server-backup", "system backup",
                        Instant.parse("2024-11-19T03:00:00Z"), true, "last successful backup; 14 backup versions kept")),
                facts);
    }

    @Test
    void backupNever() throws Exception {
        assertEquals(List.of(new BackupStatus(DEVICE, "wsb-summary", OBSERVED, "windows-server-backup", 0)),
                parse(wsb, "wsb-summary", "never-backed-up.txt"));
    }

    @Test
    void backupFailed() throws Exception {
        List<Fact> facts = parse(wsb, "wsb-summary", "failed.txt");
        assertEquals(9, one(facts, BackupStatus.class).runCount());
        List<BackupRun> runs = only(facts, BackupRun.class);
        assertEquals(2, runs.size());
        assertTrue(runs.get(0).success());
        assertEquals(Instant.parse("2024-11-12T03:00:00Z"), runs.get(0).finishedAt());
        assertEquals(new BackupRun(DEVICE, "wsb-summary", "windows-server-backup", "system backup",
                Instant.parse("2024-11-19T03:00:00Z"), false, "HRESULT 0x80070070"), runs.get(1));
    }

    @Test
    void backupDetailedHresultAndPowerShell7Dates() throws Exception {
        String out = "{\"LastSuccessfulBackupTime\":\"0001-01-01T00:00:00\",\"LastBackupTime\":\"2024-11-19T03:00:00+00:00\","
                + "\"LastBackupResultHR\":-2139684818,\"LastBackupResultDetailedHR\":-2147024784,\"NumberOfVersions\":0,"
                + "\"NextBackupTime\":\"2024-11-20T03:00:00+00:00\"}";
        List<BackupRun> runs = only(parseText(wsb, "wsb-summary", out), BackupRun.class);
        assertEquals(1, runs.size());
        assertFalse(runs.get(0).success());
        assertEquals("HRESULT 0x8077002E (detailed 0x80070070)", runs.get(0).detail());
    }

    @Test
    void backupRejectsGarbage() {
        rejectsGarbageJson(wsb, "wsb-summary");
        rejects(wsb, "wsb-summary", "");
        rejects(wsb, "wsb-summary", text("wsb-summary", "success.txt").replace("14", "\"many\""));
        rejects(wsb, "wsb-summary", text("wsb-summary", "success.txt").replace("\"LastBackupResultHR\":  0", "\"LastBackupResultHR\":  \"ok\""));
        rejects(wsb, "wsb-summary", "{\"NumberOfVersions\": 3}");
    }
}
