package io.auditor.collect.parsers;

import io.auditor.collect.Parser;
import io.auditor.collect.UnrecognisedOutputException;
import io.auditor.collect.snmp.SoftwareReleasePatterns;
import io.auditor.collect.snmp.WalkEntry;
import io.auditor.collect.snmp.WalkTable;
import io.auditor.collect.snmp.WalkText;
import io.auditor.model.Observation;
import io.auditor.model.facts.Fact;
import io.auditor.model.facts.SystemDescription;

import java.util.ArrayList;
import java.util.List;

/**
 * The SNMPv2-MIB system group ({@code walk 1.3.6.1.2.1.1}): what the device says it is. The description also gives
 * the software release for the products in {@code snmp/releases.yaml}.
 */
public final class SnmpSystemParser implements Parser {
    static final String SYSTEM = "1.3.6.1.2.1.1";

    @Override
    public String id() { return "snmp-system"; }

    @Override
    public List<Fact> parse(Observation obs) throws UnrecognisedOutputException {
        List<WalkEntry> entries = WalkText.parse(obs.output());
        WalkEntry descr = WalkTable.find(entries, SYSTEM + ".1.0");
        WalkEntry objectId = WalkTable.find(entries, SYSTEM + ".2.0");
        if (descr == null && objectId == null) {
            throw new UnrecognisedOutputException("no sysDescr.0 or sysObjectID.0 in the system group", 0);
        }
        WalkEntry uptime = WalkTable.find(entries, SYSTEM + ".3.0");
        Long seconds = uptime == null || uptime.number() == null ? null : uptime.number() / 100;
        String description = text(descr);
        List<Fact> facts = new ArrayList<>();
        facts.add(new SystemDescription(obs.deviceId(), obs.probeId(), description, text(objectId),
                text(WalkTable.find(entries, SYSTEM + ".5.0")), text(WalkTable.find(entries, SYSTEM + ".6.0")),
                text(WalkTable.find(entries, SYSTEM + ".4.0")), seconds));
        if (description != null) {
            SoftwareReleasePatterns.builtIn().match(description)
                    .ifPresent(r -> facts.add(new io.auditor.model.facts.SoftwareRelease(obs.deviceId(), obs.probeId(),
                            r.product(), r.version())));
        }
        return facts;
    }

    private static String text(WalkEntry e) {
        if (e == null) return null;
        String t = e.text().strip();
        if (e.type().equals("OID") && t.startsWith(".")) t = t.substring(1);
        return t.isEmpty() ? null : t;
    }
}
