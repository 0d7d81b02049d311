package io.auditor.collect.parsers;

import io.auditor.collect.Parser;
import io.auditor.collect.UnrecognisedOutputException;
import io.auditor.collect.snmp.WalkEntry;
import io.auditor.collect.snmp.WalkTable;
import io.auditor.collect.snmp.WalkText;
import io.auditor.model.Observation;
import io.auditor.model.facts.Fact;
import io.auditor.model.facts.NetworkInterface;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** IF-MIB ifTable (and ifXTable's ifName when walked): each interface's name, MAC and status. */
public final class SnmpInterfacesParser implements Parser {
    static final String IF = "1.3.6.1.2.1.2.2.1";
    static final String DESCR = IF + ".2", PHYS = IF + ".6", ADMIN = IF + ".7", OPER = IF + ".8";
    static final String NAME = "1.3.6.1.2.1.31.1.1.1.1";

    @Override
    public String id() { return "snmp-interfaces"; }

    @Override
    public List<Fact> parse(Observation obs) throws UnrecognisedOutputException {
        List<WalkEntry> entries = WalkText.parse(obs.output());
        WalkTable t = WalkTable.of(entries, List.of(DESCR, PHYS, ADMIN, OPER, NAME));
        List<Fact> facts = new ArrayList<>();
        for (Map.Entry<String, Map<String, WalkEntry>> row : t.rows().entrySet()) {
            int[] idx = WalkTable.parts(row.getKey());
            if (idx.length != 1) continue;
            Map<String, WalkEntry> c = row.getValue();
            String name = c.get(NAME) != null ? c.get(NAME).text().strip() : c.get(DESCR) != null ? c.get(DESCR).text().strip() : null;
            facts.add(new NetworkInterface(obs.deviceId(), obs.probeId(), idx[0], name,
                    c.get(PHYS) == null ? null : c.get(PHYS).mac(), up(c.get(ADMIN)), up(c.get(OPER))));
        }
        if (facts.isEmpty()) throw new UnrecognisedOutputException("the agent returned no interfaces (ifTable)", 0);
        return facts;
    }

    private static Boolean up(WalkEntry e) {
        return e == null || e.number() == null ? null : e.number() == 1;
    }
}
