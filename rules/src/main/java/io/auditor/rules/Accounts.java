package io.auditor.rules;

import io.auditor.model.PolicyProfile;
import io.auditor.model.facts.DirectoryAccount;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Account checks for rule conditions: matching names across probes, recognising student accounts, staleness, the
 * roster and the required password length. Static so rules can call them with the {@code profile} global.
 */
public final class Accounts {
    private Accounts() {}

    /**
     * True when two account names denote the same account: Windows names are case-insensitive, and a bare
     * {@code jsmith} is the same as {@code RIVERSIDE\jsmith} when one side has no domain.
     */
    public static boolean same(String a, String b) {
        if (a == null || b == null) return false;
        if (a.equalsIgnoreCase(b)) return true;
        boolean qa = a.indexOf('\\') >= 0, qb = b.indexOf('\\') >= 0;
        return qa != qb && localPart(a).equalsIgnoreCase(localPart(b));
    }

    /**
     * The account name without domain, lower case: {@code RIVERSIDE\JSmith} and {@code jsmith@riverside.sch.uk}
     * both give {@code jsmith}. Rosters and directories spell names differently; this is what they share.
     */
    public static String localPart(String name) {
        return DirectoryAccount.key(name);
    }

    /** Why the account is a student's (its OU or group named in the profile), or null when it is not. */
    public static String studentBy(PolicyProfile profile, DirectoryAccount a) {
        if (a.distinguishedName() != null) {
            for (String part : a.distinguishedName().split("(?<!\\\\),")) {
                String p = part.strip();
                if (p.regionMatches(true, 0, "OU=", 0, 3)) {
                    String ou = p.substring(3).replace("\\,", ",");
                    if (profile.listMatches("students.ous", ou)) return "in OU " + ou;
                }
            }
        }
        for (String g : a.groups()) {
            if (g != null && profile.listMatches("students.groups", g)) return "member of group " + g;
        }
        return null;
    }

    public static boolean isStudent(PolicyProfile profile, DirectoryAccount a) {
        return a != null && studentBy(profile, a) != null;
    }

    /** True when a group named {@code member} (possibly {@code DOMAIN\Students}) is a student group. */
    public static boolean isStudentGroup(PolicyProfile profile, String member) {
        return member != null && profile.listMatches("students.groups", AdminAccounts.shortName(member));
    }

    /**
     * Student accounts by the groups they are directly in (lower case), each group's first student. Rules build it
     * once per run, before the device join, from the collected students, and look up every group that is a member
     * of an admin group on every device in it.
     */
    public record StudentGroups(Map<String, DirectoryAccount> byGroup) {
        public StudentGroups {
            byGroup = Map.copyOf(byGroup);
        }
    }

    public static StudentGroups studentGroups(Collection<?> students) {
        Map<String, DirectoryAccount> index = new HashMap<>();
        for (Object o : students) {
            DirectoryAccount a = (DirectoryAccount) o;
            for (String g : a.groups()) if (g != null) index.putIfAbsent(g.toLowerCase(Locale.ROOT), a);
        }
        return new StudentGroups(index);
    }

    /** The first student directly in the group named {@code group} (domain part ignored), or null. */
    public static DirectoryAccount studentIn(StudentGroups students, String group) {
        if (group == null) return null;
        return students.byGroup().get(AdminAccounts.shortName(group).toLowerCase(Locale.ROOT));
    }

    /**
     * When the account was last used, for staleness: its last logon, or its creation when it never logged on
     * (a new account is not stale). Null when neither is known.
     */
    public static Instant lastUse(DirectoryAccount a) {
        return a.lastLogonAt() != null ? a.lastLogonAt() : a.createdAt();
    }

    /** True when the account's last use lies more than {@code admins.maxUnusedDays} before it was read. */
    public static boolean stale(PolicyProfile profile, DirectoryAccount a) {
        Instant used = lastUse(a);
        return used != null && a.observedAt() != null
                && Age.olderThan(used, a.observedAt(), Duration.ofDays(profile.integer("admins.maxUnusedDays")));
    }

    /** {@code last logon 2026-02-01, 292 days before the scan} or {@code never logged on; created 2025-09-01, …}. */
    public static String lastUseText(DirectoryAccount a) {
        if (a.observedAt() == null) return "read at an unknown time";
        if (a.lastLogonAt() != null) {
            return "last logon " + Age.beforeScan(a.lastLogonAt(), a.observedAt());
        }
        if (a.createdAt() != null) {
            return "never logged on; created " + Age.beforeScan(a.createdAt(), a.observedAt());
        }
        return "never logged on; creation date unknown";
    }

    /** True when the account is a person expected on the roster: not on {@code roster.exempt}, and not in it. */
    public static boolean missingFromRoster(PolicyProfile profile, DirectoryAccount a, Set<?> rosterNames) {
        String name = localPart(a.account());
        if (name == null || profile.listMatches("roster.exempt", name)) return false;
        return !rosterNames.contains(name);
    }

    /** The minimum password length the profile requires: shorter when the school records MFA as enforced. */
    public static int requiredPasswordLength(PolicyProfile profile) {
        return profile.flag("password.mfaEnforced") ? profile.integer("password.minLengthWithMfa")
                : profile.integer("password.minLength");
    }

    public static int maxLockoutThreshold(PolicyProfile profile) {
        return profile.integer("password.maxLockoutThreshold");
    }
}
