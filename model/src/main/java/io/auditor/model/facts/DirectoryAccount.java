package io.auditor.model.facts;

import java.time.Instant;
import java.util.List;

/**
 * A user account as a directory (Active Directory, read on a domain controller) reports it.
 *
 * @param account           {@code DOMAIN\samAccountName}, the same spelling as the {@link GroupMember} facts of the
 *                          directory's privileged groups, so rules can join the two
 * @param enabled           null when the directory did not say
 * @param lastLogonAt       the replicated last logon ({@code lastLogonTimestamp}, up to about 14 days behind the
 *                          real last logon by design); null when the account never logged on
 * @param createdAt         when the account was created ({@code whenCreated}), or null; a new account that has not
 *                          logged on yet is not stale
 * @param distinguishedName for example {@code CN=Ann Lee,OU=Year 7,OU=Students,DC=riverside,DC=local}
 * @param groups            names of the groups the account is directly a member of ({@code memberOf}, without the
 *                          primary group)
 */
public record DirectoryAccount(String deviceId, String source, Instant observedAt, String account, Boolean enabled,
                               Instant lastLogonAt, Instant createdAt, String distinguishedName, List<String> groups)
        implements Fact {
    public DirectoryAccount {
        groups = groups == null ? List.of() : List.copyOf(groups);
    }

    /**
     * The account's name without domain, in lower case: the key rules join group members and roster entries on
     * ({@code jsmith} for {@code RIVERSIDE\JSmith} and for {@code jsmith@school.sch.uk}). An equality on it lets
     * Drools index the join instead of comparing every member with every account.
     */
    public String samKey() {
        return key(account);
    }

    /** {@link #samKey()} of any account name as a device or roster spells it; null for null. */
    public static String key(String name) {
        if (name == null) return null;
        String n = name.strip();
        int slash = n.lastIndexOf('\\');
        if (slash >= 0) n = n.substring(slash + 1);
        int at = n.indexOf('@');
        if (at > 0) n = n.substring(0, at);
        return n.toLowerCase(java.util.Locale.ROOT);
    }

    /** The name without its domain: {@code jsmith} for {@code RIVERSIDE\jsmith}. */
    public String samAccountName() {
        if (account == null) return null;
        int slash = account.lastIndexOf('\\');
        return slash < 0 ? account : account.substring(slash + 1);
    }
}
