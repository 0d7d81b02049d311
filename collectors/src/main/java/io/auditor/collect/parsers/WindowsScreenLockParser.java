package io.auditor.collect.parsers;

import com.fasterxml.jackson.databind.JsonNode;
import io.auditor.collect.Parser;
import io.auditor.collect.UnrecognisedOutputException;
import io.auditor.model.Observation;
import io.auditor.model.facts.Fact;
import io.auditor.model.facts.ScreenLock;

import java.util.List;

/**
 * The idle-lock policy: the machine's inactivity limit ({@code InactivityTimeoutSecs}, "Interactive logon: Machine
 * inactivity limit", which locks every session) and the password-protected screen-saver user policy
 * ({@code ScreenSaveActive}, {@code ScreenSaverIsSecure}, {@code ScreenSaveTimeOut}) as applied to the audit
 * account. Either locks the session; the shorter applies.
 */
public final class WindowsScreenLockParser implements Parser {
    static final String[] FIELDS = {"InactivityTimeoutSecs", "ScreenSaveActive", "ScreenSaverIsSecure", "ScreenSaveTimeOut"};

    @Override
    public String id() { return "windows-screen-lock"; }

    @Override
    public List<Fact> parse(Observation obs) throws UnrecognisedOutputException {
        JsonNode s = Json.single(obs.output(), "screen-lock policy", FIELDS);
        Integer inactivity = RegistryValues.number(s, "InactivityTimeoutSecs");
        Integer active = RegistryValues.number(s, "ScreenSaveActive");
        Integer secure = RegistryValues.number(s, "ScreenSaverIsSecure");
        Integer timeout = RegistryValues.number(s, "ScreenSaveTimeOut");
        Integer after = null;
        if (inactivity != null && inactivity > 0) after = inactivity;
        boolean screenSaverLocks = Integer.valueOf(1).equals(active) && Integer.valueOf(1).equals(secure)
                && timeout != null && timeout > 0;
        if (screenSaverLocks && (after == null || timeout < after)) after = timeout;
        String detail = "machine " + RegistryValues.setting("InactivityTimeoutSecs", inactivity) + "; screen-saver policy "
                + RegistryValues.setting("ScreenSaveActive", active) + ", "
                + RegistryValues.setting("ScreenSaverIsSecure", secure) + ", "
                + RegistryValues.setting("ScreenSaveTimeOut", timeout);
        return List.of(new ScreenLock(obs.deviceId(), obs.probeId(), true, after != null, after, detail));
    }
}
