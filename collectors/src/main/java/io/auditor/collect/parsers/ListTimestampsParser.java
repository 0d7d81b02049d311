package io.auditor.collect.parsers;

import io.auditor.collect.Parser;
import io.auditor.collect.Text;
import io.auditor.collect.UnrecognisedOutputException;
import io.auditor.model.Observation;
import io.auditor.model.facts.Fact;
import io.auditor.model.facts.FilterListUpdate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Modification times of a web filter's blocklist files, one {@code <seconds since 1970> <path>} line each, as
 * {@code stat -c '%Y %n'} (Linux) and {@code stat -f '%m %N'} (FreeBSD: pfSense, OPNsense) print them. No line
 * at all means no list was found, which is not an answer.
 */
public final class ListTimestampsParser implements Parser {
    private static final Pattern LINE = Pattern.compile("(\\d{1,12}) (\\S.*)");

    @Override
    public String id() { return "list-timestamps"; }

    @Override
    public List<Fact> parse(Observation obs) throws UnrecognisedOutputException {
        List<Fact> facts = new ArrayList<>();
        List<String> lines = Text.lines(obs.output());
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) continue;
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                throw new UnrecognisedOutputException("not a '<epoch seconds> <file>' line: " + Text.quote(line), i + 1);
            }
            Instant at = Times.notAfter(Instant.ofEpochSecond(Long.parseLong(m.group(1))), obs.observedAt(),
                    "list " + Text.clean(m.group(2), 80) + " modified", i + 1);
            facts.add(new FilterListUpdate(obs.deviceId(), obs.probeId(), m.group(2), at, obs.observedAt()));
        }
        if (facts.isEmpty()) {
            throw new UnrecognisedOutputException("no blocklist files were found, so their age is unknown", 0);
        }
        return facts;
    }
}
