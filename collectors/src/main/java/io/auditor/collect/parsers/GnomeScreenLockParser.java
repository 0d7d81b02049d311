package io.auditor.collect.parsers;

import io.auditor.collect.Parser;
import io.auditor.collect.Text;
import io.auditor.collect.UnrecognisedOutputException;
import io.auditor.model.Observation;
import io.auditor.model.facts.Fact;
import io.auditor.model.facts.ScreenLock;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code screen-lock} probe on Linux: {@code desktop sessions: N} (session files under
 * {@code /usr/share/xsessions} and {@code /usr/share/wayland-sessions}), then either {@code gsettings: not installed}
 * or one {@code <schema> <key>: <gsettings get output>} line for GNOME's {@code screensaver lock-enabled},
 * {@code screensaver lock-delay} and {@code session idle-delay}. The session locks {@code idle-delay + lock-delay}
 * seconds after the last input; an idle-delay of 0 means the session never goes idle, so it never locks.
 * A value that is not a GVariant boolean or uint32 (an error, or GLib's "memory backend" warning, which means the
 * real settings could not be read) leaves the lock state unknown.
 */
public final class GnomeScreenLockParser implements Parser {
    static final String LOCK_ENABLED = "org.gnome.desktop.screensaver lock-enabled";
    static final String LOCK_DELAY = "org.gnome.desktop.screensaver lock-delay";
    static final String IDLE_DELAY = "org.gnome.desktop.session idle-delay";
    private static final Pattern SESSIONS = Pattern.compile("desktop sessions: (\\d+)");
    private static final Pattern SETTING = Pattern.compile("(org\\.gnome\\.[a-z.]+ [a-z-]+): ?(.*)");
    private static final Pattern UINT32 = Pattern.compile("(?:uint32 )?(\\d{1,10})");
    private static final String NO_GSETTINGS = "gsettings: not installed";

    @Override
    public String id() { return "gnome-screen-lock"; }

    @Override
    public List<Fact> parse(Observation obs) throws UnrecognisedOutputException {
        Integer sessions = null;
        boolean gsettings = true;
        Map<String, StringBuilder> raw = new LinkedHashMap<>();
        StringBuilder last = null;
        List<String> lines = Text.lines(obs.output());
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) continue;
            Matcher s = SESSIONS.matcher(line);
            Matcher k = SETTING.matcher(line);
            if (s.matches() && sessions == null) {
                sessions = Integer.valueOf(s.group(1));
            } else if (line.equals(NO_GSETTINGS)) {
                gsettings = false;
            } else if (k.matches()) {
                last = new StringBuilder(k.group(2).strip());
                raw.put(k.group(1), last);
            } else if (last != null) {
                // gsettings' own warnings arrive on the following lines of the same value
                last.append(' ').append(line);
            } else {
                throw new UnrecognisedOutputException("expected 'desktop sessions: N' or gsettings values, found "
                        + Text.quote(line), i + 1);
            }
        }
        if (sessions == null) throw new UnrecognisedOutputException("no 'desktop sessions: N' line", 0);
        boolean desktop = sessions > 0;
        if (!gsettings || raw.isEmpty()) {
            return List.of(new ScreenLock(obs.deviceId(), obs.probeId(), desktop, null, null,
                    sessions + " desktop session type(s); gsettings not installed, so GNOME's lock settings cannot be read"));
        }
        String enabledText = value(raw, LOCK_ENABLED);
        Boolean enabled = "true".equals(enabledText) ? Boolean.TRUE : "false".equals(enabledText) ? Boolean.FALSE : null;
        Integer idle = uint(value(raw, IDLE_DELAY));
        Integer delay = uint(value(raw, LOCK_DELAY));
        Boolean locks = null;
        Integer after = null;
        if (Boolean.FALSE.equals(enabled) || Integer.valueOf(0).equals(idle)) {
            locks = false;
        } else if (Boolean.TRUE.equals(enabled) && idle != null && delay != null) {
            locks = true;
            after = idle + delay;
        }
        String detail = sessions + " desktop session type(s); " + "screensaver lock-enabled " + shown(raw, LOCK_ENABLED)
                + ", session idle-delay " + shown(raw, IDLE_DELAY) + ", screensaver lock-delay " + shown(raw, LOCK_DELAY)
                + " (GNOME settings as the audit account sees them: defaults and /etc/dconf)";
        return List.of(new ScreenLock(obs.deviceId(), obs.probeId(), desktop, locks, after, detail));
    }

    private static String value(Map<String, StringBuilder> raw, String key) {
        StringBuilder v = raw.get(key);
        return v == null ? null : v.toString();
    }

    private static String shown(Map<String, StringBuilder> raw, String key) {
        String v = value(raw, key);
        return v == null ? "not read" : Text.quote(v);
    }

    private static Integer uint(String v) {
        if (v == null) return null;
        Matcher m = UINT32.matcher(v);
        if (!m.matches()) return null;
        long n = Long.parseLong(m.group(1));
        return n > Integer.MAX_VALUE ? null : (int) n;
    }
}
