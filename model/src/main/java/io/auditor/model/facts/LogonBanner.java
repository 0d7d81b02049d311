package io.auditor.model.facts;

/**
 * A place where a notice is shown before logon was read.
 *
 * @param location for example {@code /etc/issue}, {@code sshd Banner /etc/issue.net}, {@code LegalNoticeText}
 * @param text     the notice as configured; empty when the place holds none, null when it could not be read
 */
public record LogonBanner(String deviceId, String source, String location, String text) implements Fact {
}
