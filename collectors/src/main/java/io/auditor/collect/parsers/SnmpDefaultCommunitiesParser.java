package io.auditor.collect.parsers;

import io.auditor.collect.Parser;
import io.auditor.collect.Text;
import io.auditor.collect.UnrecognisedOutputException;
import io.auditor.model.Observation;
import io.auditor.model.facts.DefaultCommunityCheck;
import io.auditor.model.facts.Fact;
import io.auditor.model.facts.SnmpAccess;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The auditor's own default-community check ({@code default-communities}):
 * <pre>
 * # SNMP access used by the scan: v3 authPriv (SHA-256/AES-256)
 * public: answered: .1.3.6.1.2.1.1.1.0 = STRING: "…"
 * private: no answer within 1500 ms (2 tries)
 * </pre>
 * The comment line gives how the scan itself reached the device ({@link SnmpAccess}), for NET-02.
 */
public final class SnmpDefaultCommunitiesParser implements Parser {
    private static final Pattern ACCESS = Pattern.compile("# SNMP access used by the scan: v(1|2c|3) (\\S+).*");
    private static final Pattern RESULT = Pattern.compile("([^:\\s]+): (answered|no answer|refused)(.*)");

    @Override
    public String id() { return "snmp-default-communities"; }

    @Override
    public List<Fact> parse(Observation obs) throws UnrecognisedOutputException {
        List<Fact> facts = new ArrayList<>();
        List<String> lines = Text.lines(obs.output());
        int checks = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) continue;
            Matcher a = ACCESS.matcher(line);
            if (a.matches()) {
                facts.add(new SnmpAccess(obs.deviceId(), obs.probeId(), a.group(1), a.group(2)));
                continue;
            }
            Matcher m = RESULT.matcher(line);
            if (!m.matches()) {
                throw new UnrecognisedOutputException("not a default-community result such as 'public: no answer "
                        + "within 1500 ms', found " + Text.quote(line), i + 1);
            }
            boolean answered = m.group(2).equals("answered") && !m.group(3).startsWith(" with no data");
            facts.add(new DefaultCommunityCheck(obs.deviceId(), obs.probeId(), m.group(1), answered,
                    Text.clean(m.group(2) + m.group(3), 300)));
            checks++;
        }
        if (checks == 0) throw new UnrecognisedOutputException("no community was checked", 0);
        return facts;
    }
}
