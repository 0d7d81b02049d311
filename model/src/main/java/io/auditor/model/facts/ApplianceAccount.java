package io.auditor.model.facts;

/**
 * An account kept on an appliance itself (a video-conference unit's user list). Passwords are never read: only
 * whether one of the owner's choosing is set.
 *
 * @param admin         the account holds the appliance's administrative role
 * @param active        the account can log in; null when the device does not say
 * @param passphraseSet a passphrase the owner chose is set (not empty, not an initial one awaiting change); null
 *                      when the device does not say
 * @param vendorDefault the account is the one the vendor ships (for example {@code admin} on Cisco RoomOS)
 * @param roles         the device's own role names, for evidence
 */
public record ApplianceAccount(String deviceId, String source, String name, boolean admin, Boolean active,
                               Boolean passphraseSet, boolean vendorDefault, String roles) implements Fact {
}
