package io.auditor.collect.parsers;

import io.auditor.collect.Parser;
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
        Integer delay = r.number("Delay", "Standby Delay", "minutes");
        return List.of(new StandbySettings(obs.deviceId(), obs.probeId(), control, enabled, delay));
    }
}
