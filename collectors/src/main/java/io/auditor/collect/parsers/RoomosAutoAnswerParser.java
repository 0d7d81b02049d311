package io.auditor.collect.parsers;

import io.auditor.collect.Parser;
import io.auditor.collect.Text;
import io.auditor.collect.UnrecognisedOutputException;
import io.auditor.model.Observation;
import io.auditor.model.facts.Fact;
import io.auditor.model.facts.VideoConferenceSettings;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
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
        List<String> lines = Text.lines(obs.output());
        Map<String, String> values = new HashMap<>();
        Map<String, Integer> lineOf = new HashMap<>();
        boolean end = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.equals("OK") || line.equals("xConfiguration Conference AutoAnswer")) continue;
            if (line.startsWith("*r ") && line.contains("(status=Error)")) {
                throw new UnrecognisedOutputException("the unit answered with an error" + XapiReply.reason(lines, i), i + 1);
            }
            if (line.equals("** end")) {
                end = true;
                continue;
            }
            Matcher m = SETTING.matcher(line);
            if (!m.matches()) {
                throw new UnrecognisedOutputException("not an xConfiguration Conference AutoAnswer line: "
                        + Text.quote(line), i + 1);
            }
            values.put(m.group(1), XapiReply.unquote(m.group(2).strip()));
            lineOf.put(m.group(1), i + 1);
        }
        if (!end) throw new UnrecognisedOutputException("no '** end' line, so the reply is incomplete", 0);
        String mode = values.get("Mode");
        if (mode == null || mode.isEmpty()) {
            throw new UnrecognisedOutputException("no xConfiguration Conference AutoAnswer Mode line", 0);
        }
        Integer delay = null;
        if (values.containsKey("Delay")) {
            try {
                delay = Integer.parseInt(values.get("Delay"));
            } catch (NumberFormatException e) {
                throw new UnrecognisedOutputException("AutoAnswer Delay " + Text.quote(values.get("Delay"))
                        + " is not a number of seconds", lineOf.get("Delay"));
            }
        }
        return List.of(new VideoConferenceSettings(obs.deviceId(), obs.probeId(), mode, !"Off".equalsIgnoreCase(mode),
                delay, values.get("Mute")));
    }
}
