package io.auditor.rules;

import io.auditor.model.PolicyProfile;
import io.auditor.model.facts.DirectoryAccount;
import io.auditor.model.facts.GroupMember;
import io.auditor.model.facts.LocalAccount;

import java.util.Collection;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * ADM-02 and ADM-03: members of a device's administrative groups, joined with what is known about each account
 * (the device's own accounts, the directory's) to tell enabled from disabled.
 */
public final class AdminAccounts {
    private AdminAccounts() {}

    /** {@code jsmith} for {@code RIVERSIDE\jsmith} or {@code WS-101\jsmith}. */
    public static String shortName(String member) {
        if (member == null) return null;
        int slash = member.lastIndexOf('\\');
        return slash < 0 ? member : member.substring(slash + 1);
    }

    /** The member's name, without its domain, is on {@code admins.genericNames}. */
    public static boolean generic(PolicyProfile profile, String member) {
        return ProfileList.matches(profile, "admins.genericNames", shortName(member));
    }

    /**
     * What is known of the member's account: false when the device or the directory says it is disabled, true when
     * one says enabled, null when neither knows the account.
     */
    public static Boolean enabled(GroupMember m, Collection<?> localAccounts, Collection<?> directoryAccounts) {
        String name = shortName(m.member());
        if (name == null) return null;
        if (!"domain".equals(m.origin())) {
            for (Object o : localAccounts) {
                LocalAccount a = (LocalAccount) o;
                if (a.deviceId().equals(m.deviceId()) && a.name() != null && a.name().equalsIgnoreCase(name)) return a.enabled();
            }
        }
        for (Object o : directoryAccounts) {
            DirectoryAccount a = (DirectoryAccount) o;
            if (a.account() != null && a.account().equalsIgnoreCase(m.member())) return a.enabled();
        }
        return null;
    }

    /** How many enabled user accounts a device's admin groups hold, for ADM-03. */
    public record Headcount(int enabled, int unknown, TreeSet<String> counted, TreeSet<String> disabled,
                            TreeSet<String> groups) {
        public String evidence(int cap, String source) {
            return enabled + (enabled == 1 ? " enabled admin account" : " enabled admin accounts") + " (cap " + cap + ")"
                    + (counted.isEmpty() ? "" : ": " + String.join(", ", counted))
                    + (disabled.isEmpty() ? "" : "; disabled, not counted: " + String.join(", ", disabled))
                    + (groups.isEmpty() ? "" : "; groups, counted by the domain cap: " + String.join(", ", groups))
                    + (unknown == 0 ? "" : "; enabled state unknown for " + unknown + ", counted as enabled")
                    + " [" + source + "]";
        }
    }

    /**
     * Distinct user members of all the device's admin groups (case-insensitive), less those known to be disabled.
     * Accounts whose state is unknown are counted: an administrator is assumed able to log on unless shown otherwise.
     */
    public static Headcount headcount(Collection<?> members, Collection<?> localAccounts, Collection<?> directoryAccounts) {
        TreeSet<String> counted = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        TreeSet<String> disabled = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        TreeSet<String> groups = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        TreeSet<String> unknown = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (Object o : members) {
            GroupMember m = (GroupMember) o;
            if (m.member() == null) continue;
            if ("group".equals(m.memberType())) {
                groups.add(m.member());
                continue;
            }
            Boolean on = enabled(m, localAccounts, directoryAccounts);
            if (Boolean.FALSE.equals(on)) {
                disabled.add(m.member());
            } else {
                counted.add(m.member());
                if (on == null) unknown.add(m.member());
            }
        }
        disabled.removeAll(counted);
        return new Headcount(counted.size(), unknown.size(), counted, disabled, groups);
    }

    /** Sources of the facts, for evidence: {@code admin-groups, local-accounts}. */
    public static String sources(Collection<?>... facts) {
        return java.util.Arrays.stream(facts).flatMap(Collection::stream)
                .map(o -> o instanceof io.auditor.model.facts.Fact f ? f.source() : null)
                .filter(Objects::nonNull).map(s -> s.toLowerCase(Locale.ROOT)).distinct().sorted()
                .collect(Collectors.joining(", "));
    }
}
