package io.auditor.model.facts;

/**
 * One SSID served by a wireless controller or access point, read through a vendor OID map.
 *
 * @param security {@code open}, {@code wep}, {@code wpa}, {@code wpa2}, {@code wpa3}, {@code wpa2-enterprise},
 *                 {@code wpa3-enterprise}, or null when the map could not tell
 * @param enabled  the SSID is broadcast/active, or null when not reported
 * @param vlan     the VLAN or interface the SSID's clients are put on, or null when not reported
 */
public record WirelessNetwork(String deviceId, String source, String ssid, String security, Boolean enabled,
                             String vlan) implements Fact {
}
