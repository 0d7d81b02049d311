package io.auditor.collect.parsers;

import io.auditor.collect.Parser;
import io.auditor.collect.UnrecognisedOutputException;
import io.auditor.model.Observation;
import io.auditor.model.facts.Fact;
import io.auditor.model.facts.VideoConferenceSettings;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The xAPI reply to {@code xConfiguration Conference AutoAnswer} on Cisco RoomOS/CE units: {@code *c} lines for
 * Mode, Delay and Mute, then {@code ** end} and {@code OK}. Older TC software numbers the conference
 * ({@code Conference 1 AutoAnswer}); both are accepted. An error reply ({@code *r … (status=Error)}) is not.
 */
public final class RoomosAutoAnswerParser implements Parser {
    private static final Pattern SETTING =
            Pattern.compile("\\*c xConfiguration Conference (?:\\d+ )?AutoAnswer (\\w+): ?(.*)");

    @Override
    public String id() { return "roomos-autoanswer"; }

    @Override
    public List<Fact> parse(Observation obs) throws UnrecognisedOutputException {
        XapiReply r = XapiReply.read(obs.output(), SETTING, "xConfiguration Conference AutoAnswer", null,
                "not an xConfiguration Conference AutoAnswer line: ");
        String mode = r.get("Mode");
        if (mode == null || mode.isEmpty()) {
            throw new UnrecognisedOutputException("no xConfiguration Conference AutoAnswer Mode line", 0);
        }
        Integer delay = r.number("Delay", "AutoAnswer Delay", "seconds");
        return List.of(new VideoConferenceSettings(obs.deviceId(), obs.probeId(), mode, !"Off".equalsIgnoreCase(mode),
                delay, r.get("Mute")));
    }
}
