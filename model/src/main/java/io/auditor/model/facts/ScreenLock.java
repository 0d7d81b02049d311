package io.auditor.model.facts;

/**
 * Whether an unattended session locks by itself. Fields the probe could not establish are null.
 *
 * @param desktop          the device has a graphical desktop (a server without one has no session to lock)
 * @param lockEnabled      an idle session is locked (screen saver with password, idle lock, machine inactivity limit)
 * @param lockAfterSeconds idle time after which the session locks, when it does
 * @param detail           the settings read, for evidence
 */
public record ScreenLock(String deviceId, String source, Boolean desktop, Boolean lockEnabled,
                         Integer lockAfterSeconds, String detail) implements Fact {
}
