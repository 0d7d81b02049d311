package io.auditor.collect.parsers;

import io.auditor.collect.Parser;
import io.auditor.collect.Text;
import io.auditor.collect.UnrecognisedOutputException;
import io.auditor.model.Observation;
import io.auditor.model.facts.AutomaticUpdates;
import io.auditor.model.facts.Fact;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code dnf-automatic} probe: {@code systemctl show} blocks (Id, LoadState, ActiveState, UnitFileState) for
 * {@code dnf-automatic.timer} and {@code dnf-automatic-install.timer}, then the {@code apply_updates} line of
 * {@code /etc/dnf/automatic.conf} (or grep's complaint that the file does not exist). Updates install by themselves
 * when dnf-automatic-install.timer is active, or dnf-automatic.timer is active with {@code apply_updates = yes}.
 */
public final class DnfAutomaticParser implements Parser {
    static final String TIMER = "dnf-automatic.timer";
    static final String INSTALL_TIMER = "dnf-automatic-install.timer";
    private static final Pattern APPLY = Pattern.compile("apply_updates\\s*=\\s*(\\S+)");
    private static final Pattern NO_CONF = Pattern.compile("grep: /etc/dnf/automatic\\.conf: No such file or directory");

    @Override
    public String id() { return "dnf-automatic"; }

    @Override
    public List<Fact> parse(Observation obs) throws UnrecognisedOutputException {
        SystemctlShow units = new SystemctlShow();
        String apply = null;
        boolean conf = true;
        List<String> lines = Text.lines(obs.output());
        for (int i = 0; i <= lines.size(); i++) {
            String s = i < lines.size() ? lines.get(i).strip() : "";
            if (units.property(s)) continue; // apply_updates (an underscore) and grep's complaint are not properties
            Matcher a = APPLY.matcher(s);
            if (a.matches()) {
                apply = a.group(1);
            } else if (NO_CONF.matcher(s).matches()) {
                conf = false;
            } else if (!s.isEmpty()) {
                throw new UnrecognisedOutputException("expected systemctl properties or apply_updates, found " + Text.quote(s), i + 1);
            }
            units.end(i);
        }
        Map<String, String> timerUnit = units.unit(TIMER);
        Map<String, String> installUnit = units.unit(INSTALL_TIMER);
        boolean timer = units.active(TIMER);
        boolean installTimer = units.active(INSTALL_TIMER);
        boolean applies = apply != null && List.of("yes", "true", "1", "on").contains(apply.toLowerCase(java.util.Locale.ROOT));
        boolean enabled = installTimer || (timer && applies);
        String detail = TIMER + " " + state(timerUnit) + ", " + INSTALL_TIMER + " " + state(installUnit)
                + "; " + (!conf ? "/etc/dnf/automatic.conf missing (dnf-automatic not installed)"
                : apply == null ? "apply_updates not set (default no)" : "apply_updates = " + Text.clean(apply, 20));
        return List.of(new AutomaticUpdates(obs.deviceId(), obs.probeId(), "dnf-automatic", enabled, detail));
    }

    private static String state(Map<String, String> u) {
        return "not-found".equals(u.get("LoadState")) ? "not installed" : u.get("ActiveState")
                + (u.get("UnitFileState") == null ? "" : " (" + u.get("UnitFileState") + ")");
    }
}
