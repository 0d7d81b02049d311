package io.auditor.model.facts;

/**
 * Whether an idle unit goes to standby (sleep) by itself, and after how long.
 *
 * @param control      the unit's own word, for example {@code On}, {@code Off}
 * @param enabled      true when the unit goes to standby by itself; null when not reported
 * @param delayMinutes minutes of inactivity before standby, when reported
 */
public record StandbySettings(String deviceId, String source, String control, Boolean enabled, Integer delayMinutes)
        implements Fact {
}
