package io.auditor.collect.parsers;

import io.auditor.collect.Parser;
import io.auditor.collect.UnrecognisedOutputException;
import io.auditor.collect.snmp.WalkEntry;
import io.auditor.collect.snmp.WalkTable;
import io.auditor.collect.snmp.WalkText;
import io.auditor.model.Observation;
import io.auditor.model.facts.CollectedTable;
import io.auditor.model.facts.Fact;
import io.auditor.model.facts.RunningProcess;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** HOST-RESOURCES-MIB hrSWRunTable: the name and path of each running process. */
public final class SnmpProcessesParser implements Parser {
    static final String NAME = "1.3.6.1.2.1.25.4.2.1.2", PATH = "1.3.6.1.2.1.25.4.2.1.4";

    @Override
    public String id() { return "snmp-processes"; }

    @Override
    public List<Fact> parse(Observation obs) throws UnrecognisedOutputException {
        WalkTable t = WalkTable.of(WalkText.parse(obs.output()), List.of(NAME, PATH));
        List<Fact> facts = new ArrayList<>();
        int n = 0;
        for (Map<String, WalkEntry> row : t.rows().values()) {
            WalkEntry name = row.get(NAME);
            if (name == null || name.text().isBlank()) continue;
            WalkEntry path = row.get(PATH);
            String p = path == null || path.text().isBlank() ? null : path.text().strip();
            facts.add(new RunningProcess(obs.deviceId(), obs.probeId(), name.text().strip(), p));
            n++;
        }
        facts.add(new CollectedTable(obs.deviceId(), obs.probeId(), "processes", n));
        return facts;
    }
}
