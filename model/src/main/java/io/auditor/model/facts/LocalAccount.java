package io.auditor.model.facts;

/**
 * An account defined on the device itself (not in a directory).
 *
 * @param enabled null when the probe could not tell
 * @param builtIn {@code administrator} or {@code guest} for the accounts the operating system creates (found by
 *                their well-known SIDs, ending -500 and -501, so a renamed account is still recognised), else null
 */
public record LocalAccount(String deviceId, String source, String name, Boolean enabled, String builtIn)
        implements Fact {
}
