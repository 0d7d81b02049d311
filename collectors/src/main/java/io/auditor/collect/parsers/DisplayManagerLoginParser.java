package io.auditor.collect.parsers;

import io.auditor.collect.Parser;
import io.auditor.collect.Text;
import io.auditor.collect.UnrecognisedOutputException;
import io.auditor.model.Observation;
import io.auditor.model.facts.AutoLogon;
import io.auditor.model.facts.Fact;
import io.auditor.model.facts.LocalAccount;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code display-manager} probe on Linux: for each display-manager configuration file that exists, a
 * {@code ==> file <==} header and its section headers and login keys (grep). Automatic login is on when GDM's
 * {@code [daemon]} has {@code AutomaticLoginEnable} or {@code TimedLoginEnable} true, LightDM's seat section names an
 * {@code autologin-user}, or SDDM's {@code [Autologin]} names a {@code User}. LightDM's {@code allow-guest=true}
 * (or {@code greeter-allow-guest}) is a guest session, reported as the built-in guest. No file: no display
 * manager, so nothing logs on by itself.
 */
public final class DisplayManagerLoginParser implements Parser {
    private static final Pattern HEADER = Pattern.compile("==> (.+) <==");
    private static final Pattern SECTION = Pattern.compile("\\[([^]]+)]");
    private static final Pattern KEY = Pattern.compile("([A-Za-z-]+)\\s*=\\s*(.*?)\\s*");
    private static final Pattern GREP_ERROR = Pattern.compile("grep: (.+): (.+)");

    @Override
    public String id() { return "display-manager-login"; }

    @Override
    public List<Fact> parse(Observation obs) throws UnrecognisedOutputException {
        String file = null;
        String section = "";
        boolean enabled = false;
        String user = null;
        String guestFrom = null;
        List<String> lines = Text.lines(obs.output());
        for (int i = 0; i < lines.size(); i++) {
            String s = lines.get(i).strip();
            if (s.isEmpty()) continue;
            Matcher h = HEADER.matcher(s);
            Matcher e = GREP_ERROR.matcher(s);
            Matcher sec = SECTION.matcher(s);
            Matcher k = KEY.matcher(s);
            if (h.matches()) {
                file = h.group(1);
                section = "";
            } else if (e.matches()) {
                throw new UnrecognisedOutputException("could not read " + Text.clean(e.group(1), 80) + ": "
                        + Text.clean(e.group(2), 80), i + 1);
            } else if (file == null) {
                throw new UnrecognisedOutputException("expected a '==> file <==' header, found " + Text.quote(s), i + 1);
            } else if (sec.matches()) {
                section = sec.group(1).strip();
            } else if (k.matches()) {
                String key = k.group(1);
                String value = k.group(2);
                boolean on = List.of("true", "1", "yes").contains(value.toLowerCase(Locale.ROOT));
                switch (key) {
                    case "AutomaticLoginEnable", "TimedLoginEnable" -> { if (section.equals("daemon") && on) enabled = true; }
                    case "AutomaticLogin", "TimedLogin" -> { if (section.equals("daemon") && !value.isEmpty()) user = value; }
                    case "autologin-user" -> {
                        if (!value.isEmpty()) { enabled = true; user = value; }
                    }
                    case "allow-guest", "greeter-allow-guest" -> { if (on) guestFrom = file; }
                    case "User" -> {
                        if (section.equals("Autologin") && !value.isEmpty()) { enabled = true; user = value; }
                    }
                    default -> { /* other keys the grep pattern lets through carry no login setting */ }
                }
            } else {
                throw new UnrecognisedOutputException("not a configuration line " + Text.quote(s), i + 1);
            }
        }
        List<Fact> facts = new ArrayList<>();
        facts.add(new AutoLogon(obs.deviceId(), obs.probeId(), enabled, user == null ? null : Text.clean(user, 60), false));
        if (guestFrom != null) {
            facts.add(new LocalAccount(obs.deviceId(), obs.probeId(), "guest session (" + Text.clean(guestFrom, 80) + ")",
                    true, "guest"));
        }
        return facts;
    }
}
