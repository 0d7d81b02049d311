package io.auditor.collect.parsers;

import io.auditor.collect.Parser;
import io.auditor.collect.UnrecognisedOutputException;
import io.auditor.collect.snmp.WalkEntry;
import io.auditor.collect.snmp.WalkTable;
import io.auditor.collect.snmp.WalkText;
import io.auditor.model.Observation;
import io.auditor.model.facts.Fact;
import io.auditor.model.facts.SoftwareRelease;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * ENTITY-MIB entPhysicalTable: the software (or, failing that, firmware) revision of each chassis, stack member or
 * module that reports one. The product is the model name (or description), as the profile's FW-04 minimums name it.
 */
public final class SnmpEntityParser implements Parser {
    static final String TABLE = "1.3.6.1.2.1.47.1.1.1.1";
    static final String DESCR = TABLE + ".2", CLASS = TABLE + ".5", FIRMWARE = TABLE + ".9", SOFTWARE = TABLE + ".10",
            MODEL = TABLE + ".13";
    /** entPhysicalClass: chassis(3), module(9), stack(11). Other classes (ports, fans) carry no release. */
    private static final Set<Long> CLASSES = Set.of(3L, 9L, 11L);

    @Override
    public String id() { return "snmp-entity"; }

    @Override
    public List<Fact> parse(Observation obs) throws UnrecognisedOutputException {
        List<WalkEntry> entries = WalkText.parse(obs.output());
        WalkTable table = WalkTable.of(entries, List.of(DESCR, CLASS, FIRMWARE, SOFTWARE, MODEL));
        Set<String> seen = new LinkedHashSet<>();
        List<Fact> facts = new ArrayList<>();
        for (Map<String, WalkEntry> row : table.rows().values()) {
            WalkEntry cls = row.get(CLASS);
            if (cls != null && cls.number() != null && !CLASSES.contains(cls.number())) continue;
            String version = nonBlank(row.get(SOFTWARE));
            if (version == null) version = nonBlank(row.get(FIRMWARE));
            if (version == null) continue;
            String product = nonBlank(row.get(MODEL));
            if (product == null) product = nonBlank(row.get(DESCR));
            if (product == null) product = "unnamed entity";
            if (seen.add(product + "\u0000" + version)) {
                facts.add(new SoftwareRelease(obs.deviceId(), obs.probeId(), product, version));
            }
        }
        if (facts.isEmpty()) {
            throw new UnrecognisedOutputException("the entity table names no software or firmware revision"
                    + (table.rows().isEmpty() ? " (the agent returned no entPhysicalTable)" : ""), 0);
        }
        return facts;
    }

    private static String nonBlank(WalkEntry e) {
        if (e == null) return null;
        String t = e.text().strip();
        return t.isEmpty() ? null : t;
    }
}
