package io.auditor.collect.parsers;

import io.auditor.collect.Text;
import io.auditor.collect.UnrecognisedOutputException;
import io.auditor.model.Observation;
import io.auditor.model.facts.Fact;
import io.auditor.model.facts.SoftwareRelease;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One line naming a firewall's release, read with a pattern per product; anything else is not understood. */
abstract class FirmwareVersionParser implements io.auditor.collect.Parser {
    private final String product;
    private final Pattern line;
    private final String expected;

    /** @param line a pattern whose group 1 is the version */
    FirmwareVersionParser(String product, Pattern line, String expected) {
        this.product = product;
        this.line = line;
        this.expected = expected;
    }

    @Override
    public List<Fact> parse(Observation obs) throws UnrecognisedOutputException {
        List<String> lines = Text.lines(obs.output()).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (lines.size() != 1) {
            throw new UnrecognisedOutputException("expected one line like " + expected + ", got " + lines.size()
                    + " lines", lines.isEmpty() ? 0 : 2);
        }
        Matcher m = line.matcher(lines.get(0));
        if (!m.matches()) {
            throw new UnrecognisedOutputException("not a " + product + " version line like " + expected + ": "
                    + Text.quote(lines.get(0)), 1);
        }
        return List.of(new SoftwareRelease(obs.deviceId(), obs.probeId(), product, m.group(1)));
    }
}
