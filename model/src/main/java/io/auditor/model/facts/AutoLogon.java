package io.auditor.model.facts;

/**
 * Whether the device logs a user on by itself at start-up. The stored password itself is never read.
 *
 * @param enabled        automatic logon is switched on
 * @param userName       the account it logs on, when configured
 * @param passwordStored a password for it is stored in plain text in the registry (its presence only)
 */
public record AutoLogon(String deviceId, String source, boolean enabled, String userName, boolean passwordStored)
        implements Fact {
}
