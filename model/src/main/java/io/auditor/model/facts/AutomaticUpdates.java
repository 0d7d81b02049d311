package io.auditor.model.facts;

/**
 * Whether the operating system installs updates by itself (unattended-upgrades, Windows Update policy).
 *
 * @param mechanism for example {@code unattended-upgrades}
 * @param detail    the settings read, for evidence
 */
public record AutomaticUpdates(String deviceId, String source, String mechanism, boolean enabled, String detail)
        implements Fact {
}
