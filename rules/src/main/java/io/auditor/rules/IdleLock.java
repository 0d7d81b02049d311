package io.auditor.rules;

import io.auditor.model.PolicyProfile;
import io.auditor.model.facts.ScreenLock;

/** END-01: an idle session's lock time against {@code screenLock.maxIdleMinutes}. */
public final class IdleLock {
    private IdleLock() {}

    public static int limitSeconds(PolicyProfile profile) {
        return profile.integer("screenLock.maxIdleMinutes") * 60;
    }

    /** {@code locks after 5 min (limit 10 min): <settings> [probe]}. */
    public static String evidence(ScreenLock s, PolicyProfile profile) {
        String state;
        if (Boolean.TRUE.equals(s.lockEnabled()) && s.lockAfterSeconds() != null) {
            state = "locks after " + minutes(s.lockAfterSeconds());
        } else if (Boolean.FALSE.equals(s.lockEnabled())) {
            state = "never locks by itself";
        } else {
            state = "lock state unknown";
        }
        return state + " (limit " + profile.integer("screenLock.maxIdleMinutes") + " min): "
                + Evidence.orUnknown(s.detail()) + " [" + s.source() + "]";
    }

    private static String minutes(int seconds) {
        return seconds % 60 == 0 ? seconds / 60 + " min" : seconds + " s";
    }
}
