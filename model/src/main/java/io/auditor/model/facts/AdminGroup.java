package io.auditor.model.facts;

/**
 * An administrative group was read (so an empty membership is known, not missing).
 *
 * @param group for example {@code sudo}, {@code Administrators}, {@code Domain Admins}
 */
public record AdminGroup(String deviceId, String source, String group, int memberCount) implements Fact {
}
