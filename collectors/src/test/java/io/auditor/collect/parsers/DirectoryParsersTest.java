package io.auditor.collect.parsers;

import io.auditor.collect.UnrecognisedOutputException;
import io.auditor.model.facts.AdminGroup;
import io.auditor.model.facts.BackupCheck;
import io.auditor.model.facts.DirectoryAccount;
import io.auditor.model.facts.Fact;
import io.auditor.model.facts.GroupMember;
import io.auditor.model.facts.PasswordPolicy;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.auditor.collect.parsers.Samples.*;
import static org.junit.jupiter.api.Assertions.*;

/** Domain controller probes (privileged groups, accounts, password policy), net accounts and the backup check unit. */
class DirectoryParsersTest {
    private final AdPrivilegedGroupsParser groups = new AdPrivilegedGroupsParser();
    private final AdAccountsParser accounts = new AdAccountsParser();
    private final AdPasswordPolicyParser domainPolicy = new AdPasswordPolicyParser();
    private final NetAccountsParser netAccounts = new NetAccountsParser();
    private final SystemdCheckUnitParser checkUnit = new SystemdCheckUnitParser();

    @Test
    void privilegedGroupsOfAForestRoot() throws Exception {
        List<Fact> facts = parse(groups, "ad-privileged-groups", "single-domain.txt");
        Map<String, Integer> counts = only(facts, AdminGroup.class).stream()
                .collect(Collectors.toMap(AdminGroup::group, AdminGroup::memberCount));
        assertEquals(Map.of("RIVERSIDE\\Domain Admins", 3, "RIVERSIDE\\Enterprise Admins", 1, "RIVERSIDE\\Schema Admins", 1,
                "RIVERSIDE\\Administrators", 3, "RIVERSIDE\\Account Operators", 0, "RIVERSIDE\\Backup Operators", 1,
                "RIVERSIDE\\Server Operators", 0), counts);
        List<GroupMember> members = only(facts, GroupMember.class);
        assertEquals(9, members.size());
        assertTrue(members.contains(new GroupMember(DEVICE, "ad-privileged-groups", "RIVERSIDE\\Domain Admins",
                "RIVERSIDE\\kbrown", "user", "domain")), members.toString());
        assertTrue(members.contains(new GroupMember(DEVICE, "ad-privileged-groups", "RIVERSIDE\\Backup Operators",
                "RIVERSIDE\\svc-backup", "user", "domain")), members.toString());
    }

    @Test
    void childDomainWithComputerAndManagedServiceAccounts() throws Exception {
        List<Fact> facts = parse(groups, "ad-privileged-groups", "child-domain-computer-members.txt");
        assertEquals(5, only(facts, AdminGroup.class).size());
        List<String> types = only(facts, GroupMember.class).stream()
                .filter(m -> m.group().equals("NORTH\\Administrators")).map(m -> m.member() + "=" + m.memberType()).toList();
        assertEquals(List.of("NORTH\\Administrator=user", "NORTH\\gmsa-sql$=msds-groupmanagedserviceaccount",
                "NORTH\\MGMT01$=computer"), types);
    }

    @Test
    void privilegedGroupsRejectWhatIsNotTheScriptsOutput() {
        for (String bad : GARBAGE) rejects(groups, "ad-privileged-groups", bad);
        rejects(groups, "ad-privileged-groups", "{\"Domain\": \"X\", \"Groups\": []}");
        rejects(groups, "ad-privileged-groups", "{\"Domain\": \"\", \"Groups\": [{\"Name\": \"Domain Admins\", \"Members\": []}]}");
        rejects(groups, "ad-privileged-groups",
                "{\"Domain\": \"X\", \"Groups\": [{\"Name\": \"Domain Admins\", \"Members\": [{\"SamAccountName\": \"a\"}]}]}");
        rejects(groups, "ad-privileged-groups", "Import-Module : The specified module 'ActiveDirectory' was not loaded\r\n");
        rejects(groups, "ad-privileged-groups", "");
    }

    @Test
    void accountsOfASmallSchool() throws Exception {
        List<DirectoryAccount> all = only(parse(accounts, "ad-accounts", "small-school.txt"), DirectoryAccount.class);
        assertEquals(10, all.size());
        Map<String, DirectoryAccount> by = all.stream().collect(Collectors.toMap(DirectoryAccount::account, a -> a));
        DirectoryAccount kbrown = by.get("RIVERSIDE\\kbrown");
        assertEquals(Instant.parse("2026-02-03T09:12:00Z"), kbrown.lastLogonAt());
        assertEquals(Instant.parse("2020-01-06T09:30:00Z"), kbrown.createdAt());
        assertEquals(Boolean.TRUE, kbrown.enabled());
        assertEquals(List.of("Domain Admins", "Staff"), kbrown.groups());
        assertEquals(OBSERVED, kbrown.observedAt());
        assertNull(by.get("RIVERSIDE\\Guest").lastLogonAt(), "null means never");
        assertNull(by.get("RIVERSIDE\\24newp").lastLogonAt(), "0 means never");
        assertEquals(Boolean.FALSE, by.get("RIVERSIDE\\20oldr").enabled());
        assertEquals("CN=17smithj,OU=Year 8,OU=Students,DC=riverside,DC=local", by.get("RIVERSIDE\\17smithj").distinguishedName());
        assertEquals("CN=Green\\, Mary,OU=Teaching,OU=Staff,DC=riverside,DC=local", by.get("RIVERSIDE\\mgreen").distinguishedName());
        assertEquals("kbrown", kbrown.samAccountName());
    }

    @Test
    void oneAccountInPowerShell7Layout() throws Exception {
        DirectoryAccount a = one(parse(accounts, "ad-accounts", "one-account-ps7.txt"), DirectoryAccount.class);
        assertEquals(Instant.parse("2019-09-02T08:00:00Z"), a.createdAt(), "offset +01:00 honoured");
        assertEquals(List.of("Domain Admins"), a.groups(), "a lone MemberOf string is one group");
        assertEquals(Instant.parse("2026-11-17T08:01:02Z"), a.lastLogonAt());
    }

    @Test
    void fileTimeConversion() throws Exception {
        assertEquals(Instant.parse("1970-01-01T00:00:00Z"),
                AdAccountsParser.fileTime(new com.fasterxml.jackson.databind.node.LongNode(116_444_736_000_000_000L), "x"));
        assertEquals(Instant.parse("2026-11-19T07:42:10.0000001Z"),
                AdAccountsParser.fileTime(new com.fasterxml.jackson.databind.node.LongNode(134395477300000001L), "x"));
        assertEquals("Green, Mary", AdAccountsParser.commonName("CN=Green\\, Mary,OU=Staff,DC=x"));
    }

    @Test
    void accountsRejectNonsenseAndFutureLogons() {
        for (String bad : GARBAGE) rejects(accounts, "ad-accounts", bad);
        rejects(accounts, "ad-accounts", "{\"Domain\":\"X\",\"Accounts\":[]}");
        rejects(accounts, "ad-accounts", "{\"Domain\":\"X\",\"Accounts\":[{\"SamAccountName\":\"a\",\"Enabled\":true,"
                + "\"LastLogonTimestamp\":\"yesterday\",\"DistinguishedName\":\"CN=a\"}]}");
        rejects(accounts, "ad-accounts", "{\"Domain\":\"X\",\"Accounts\":[{\"SamAccountName\":\"a\",\"Enabled\":\"yes\","
                + "\"LastLogonTimestamp\":0,\"DistinguishedName\":\"CN=a\"}]}");
        // A logon a year after the output was taken: a wrong clock, not a recent logon.
        UnrecognisedOutputException e = rejects(accounts, "ad-accounts", "{\"Domain\":\"X\",\"Accounts\":[{\"SamAccountName\":\"a\","
                + "\"Enabled\":true,\"LastLogonTimestamp\":134710000000000000,\"DistinguishedName\":\"CN=a\"}]}");
        assertTrue(e.getMessage().contains("after the output was taken"), e.getMessage());
    }

    @Test
    void domainPasswordPolicies() throws Exception {
        assertEquals(new PasswordPolicy(DEVICE, "ad-password-policy", "domain", 7, 0, true),
                one(parse(domainPolicy, "ad-password-policy", "windows-defaults.txt"), PasswordPolicy.class));
        assertEquals(new PasswordPolicy(DEVICE, "ad-password-policy", "domain", 14, 5, true),
                one(parse(domainPolicy, "ad-password-policy", "hardened.txt"), PasswordPolicy.class));
        for (String bad : GARBAGE) rejects(domainPolicy, "ad-password-policy", bad);
        rejects(domainPolicy, "ad-password-policy", "{\"MinPasswordLength\": \"twelve\", \"LockoutThreshold\": 0, \"ComplexityEnabled\": true}");
        rejects(domainPolicy, "ad-password-policy", "{\"MinPasswordLength\": -1, \"LockoutThreshold\": 0, \"ComplexityEnabled\": true}");
        rejects(domainPolicy, "ad-password-policy", "[]");
    }

    @Test
    void localPasswordPolicies() throws Exception {
        assertEquals(new PasswordPolicy(DEVICE, "net-accounts", "local", 0, 10, null),
                one(parse(netAccounts, "net-accounts", "workstation-defaults.txt"), PasswordPolicy.class));
        assertEquals(new PasswordPolicy(DEVICE, "net-accounts", "local", 7, 0, null),
                one(parse(netAccounts, "net-accounts", "server-never-locks.txt"), PasswordPolicy.class));
        assertEquals(14, one(parse(netAccounts, "net-accounts", "hardened.txt"), PasswordPolicy.class).minLength());
        for (String bad : GARBAGE) rejects(netAccounts, "net-accounts", bad);
        // German display language: not guessed.
        rejects(netAccounts, "net-accounts", "Minimale Kennwortlänge:                              0\r\n"
                + "Sperrschwelle:                                       Nie\r\nDer Befehl wurde erfolgreich ausgeführt.\r\n");
    }

    @Test
    void backupCheckUnit() throws Exception {
        BackupCheck ok = one(parse(checkUnit, "restic-check", "succeeded.txt"), BackupCheck.class);
        assertEquals(new BackupCheck(DEVICE, "restic-check", OBSERVED, "restic", Instant.parse("2026-11-01T03:12:44Z"),
                true, "restic-check.service Result=success, exit status 0"), ok);
        BackupCheck failed = one(parse(checkUnit, "restic-check", "failed.txt"), BackupCheck.class);
        assertEquals(Boolean.FALSE, failed.success());
        assertEquals(Instant.parse("2026-11-22T03:10:02Z"), failed.lastRunAt());
        BackupCheck missing = one(parse(checkUnit, "restic-check", "not-installed.txt"), BackupCheck.class);
        assertNull(missing.lastRunAt());
        assertTrue(missing.detail().contains("not installed"), missing.detail());
        BackupCheck never = one(parse(checkUnit, "restic-check", "never-run.txt"), BackupCheck.class);
        assertNull(never.lastRunAt());
        assertTrue(never.detail().contains("has not run"), never.detail());
        for (String bad : GARBAGE) rejects(checkUnit, "restic-check", bad);
        rejects(checkUnit, "restic-check", "Id=restic-check.service\nLoadState=loaded\nResult=success\nExecMainStatus=0\n"
                + "ExecMainExitTimestamp=Sun 2026-11-01 03:12:44 GMT\n");
    }
}
