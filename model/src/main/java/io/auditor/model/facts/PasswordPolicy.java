package io.auditor.model.facts;

/**
 * The password and lockout policy that applies to accounts on the device. Fields the probe could not read are null.
 *
 * @param scope            {@code domain} (the domain's default policy, read on a domain controller) or {@code local}
 *                         (the device's own account policy)
 * @param minLength        minimum password length in characters (0 means none)
 * @param lockoutThreshold failed attempts before the account locks; 0 means it never locks
 * @param complexity       complexity rules on, when the platform reports it
 */
public record PasswordPolicy(String deviceId, String source, String scope, Integer minLength, Integer lockoutThreshold,
                             Boolean complexity) implements Fact {
}
