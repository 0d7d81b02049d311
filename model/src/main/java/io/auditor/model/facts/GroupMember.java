package io.auditor.model.facts;

/**
 * A member of an administrative group.
 *
 * @param member     account or group name as the device reports it (for example {@code SCHOOL\jsmith})
 * @param memberType {@code user} or {@code group}
 * @param origin     where the account lives: {@code local}, {@code domain}, {@code azuread} or null if unknown
 */
public record GroupMember(String deviceId, String source, String group, String member, String memberType,
                          String origin) implements Fact {
    /** The member's name without domain, lower case ({@link DirectoryAccount#key}): the key to join accounts on. */
    public String memberKey() {
        return DirectoryAccount.key(member);
    }
}
