package io.auditor.collect.parsers;

import io.auditor.collect.Parser;
import io.auditor.collect.Text;
import io.auditor.collect.UnrecognisedOutputException;
import io.auditor.model.Observation;
import io.auditor.model.facts.Fact;
import io.auditor.model.facts.StandbySettings;

import java.util.List;

/**
 * The reply to {@code xConfiguration Standby} on Cisco RoomOS/CE: {@code Control} (On/Off) and {@code Delay}
 * (minutes, 1–480), among other standby settings that are ignored.
 */
public final class RoomosStandbyParser implements Parser {
    @Override
    public String id() { return "roomos-standby"; }

    @Override
    public List<Fact> parse(Observation obs) throws UnrecognisedOutputException {
        XapiReply r = XapiReply.read(obs.output(), "*c xConfiguration Standby ", "xConfiguration Standby");
        String control = r.get("Control");
        if (control == null || control.isEmpty()) {
            throw new UnrecognisedOutputException("no xConfiguration Standby Control line", 0);
        }
        Boolean enabled = control.equalsIgnoreCase("On") ? Boolean.TRUE
                : control.equalsIgnoreCase("Off") ? Boolean.FALSE : null;
        Integer delay = null;
        String d = r.get("Delay");
        if (d != null) {
            try {
                delay = Integer.parseInt(d);
            } catch (NumberFormatException e) {
                throw new UnrecognisedOutputException("Standby Delay " + Text.quote(d) + " is not a number of minutes",
                        r.line("Delay"));
            }
        }
        return List.of(new StandbySettings(obs.deviceId(), obs.probeId(), control, enabled, delay));
    }
}
