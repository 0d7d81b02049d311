package io.auditor.collect.parsers;

import io.auditor.collect.Parser;
import io.auditor.collect.UnrecognisedOutputException;
import io.auditor.collect.snmp.WalkEntry;
import io.auditor.collect.snmp.WalkText;
import io.auditor.model.Observation;
import io.auditor.model.facts.CollectedTable;
import io.auditor.model.facts.Fact;
import io.auditor.model.facts.InstalledSoftware;

import java.util.ArrayList;
import java.util.List;

/** HOST-RESOURCES-MIB hrSWInstalledName: the packages a host that only speaks SNMP reports installed. */
public final class SnmpInstalledSoftwareParser implements Parser {
    static final String NAME = "1.3.6.1.2.1.25.6.3.1.2";

    @Override
    public String id() { return "snmp-installed-software"; }

    @Override
    public List<Fact> parse(Observation obs) throws UnrecognisedOutputException {
        List<Fact> facts = new ArrayList<>();
        int n = 0;
        for (WalkEntry e : WalkText.parse(obs.output())) {
            if (e.indexAfter(NAME) == null || e.isException()) continue;
            String name = e.text().strip();
            if (name.isEmpty()) continue;
            facts.add(new InstalledSoftware(obs.deviceId(), obs.probeId(), name));
            n++;
        }
        facts.add(new CollectedTable(obs.deviceId(), obs.probeId(), "installed-software", n));
        return facts;
    }
}
