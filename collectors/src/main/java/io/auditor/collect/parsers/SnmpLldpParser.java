package io.auditor.collect.parsers;

import io.auditor.collect.Parser;
import io.auditor.collect.UnrecognisedOutputException;
import io.auditor.collect.snmp.WalkEntry;
import io.auditor.collect.snmp.WalkTable;
import io.auditor.collect.snmp.WalkText;
import io.auditor.model.Observation;
import io.auditor.model.facts.CollectedTable;
import io.auditor.model.facts.Fact;
import io.auditor.model.facts.NetworkNeighbour;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * LLDP-MIB neighbours: lldpRemTable (chassis id, system name) with lldpRemManAddrTable (management address) and the
 * local port descriptions. A chassis id of subtype macAddress(4) gives the neighbour's MAC.
 */
public final class SnmpLldpParser implements Parser {
    static final String REM = "1.0.8802.1.1.2.1.4.1.1";
    static final String CHASSIS_SUBTYPE = REM + ".4", CHASSIS_ID = REM + ".5", PORT_ID = REM + ".7",
            SYS_NAME = REM + ".9";
    static final String MAN_ADDR_IF_SUBTYPE = "1.0.8802.1.1.2.1.4.2.1.3";
    static final String LOC_PORT_DESC = "1.0.8802.1.1.2.1.3.7.1.4";

    @Override
    public String id() { return "snmp-lldp"; }

    @Override
    public List<Fact> parse(Observation obs) throws UnrecognisedOutputException {
        List<WalkEntry> entries = WalkText.parse(obs.output());
        Map<String, String> localPorts = new HashMap<>();
        Map<String, String> addresses = new HashMap<>(); // timeMark.localPort.remIndex -> first management address
        for (WalkEntry e : entries) {
            String lp = e.indexAfter(LOC_PORT_DESC);
            if (lp != null) localPorts.put(lp, e.text().strip());
            String ma = e.indexAfter(MAN_ADDR_IF_SUBTYPE);
            if (ma != null) {
                int[] idx = WalkTable.parts(ma);
                if (idx.length > 4) {
                    String key = idx[0] + "." + idx[1] + "." + idx[2];
                    String ip = SnmpArpParser.address(idx[3], idx, 4);
                    if (ip != null) addresses.putIfAbsent(key, ip);
                }
            }
        }
        if (localPorts.isEmpty()) {
            // An LLDP agent always lists its own ports; none means LLDP-MIB is not there, not "no neighbours".
            throw new UnrecognisedOutputException("the agent lists no LLDP local ports, so it does not implement "
                    + "LLDP-MIB (or LLDP is off); neighbours could not be read", 0);
        }
        WalkTable rem = WalkTable.of(entries, List.of(CHASSIS_SUBTYPE, CHASSIS_ID, PORT_ID, SYS_NAME));
        List<Fact> facts = new ArrayList<>();
        for (Map.Entry<String, Map<String, WalkEntry>> row : rem.rows().entrySet()) {
            int[] idx = WalkTable.parts(row.getKey());
            if (idx.length != 3) continue;
            Map<String, WalkEntry> cols = row.getValue();
            WalkEntry subtype = cols.get(CHASSIS_SUBTYPE);
            WalkEntry chassis = cols.get(CHASSIS_ID);
            String mac = chassis != null && subtype != null && Long.valueOf(4).equals(subtype.number()) ? chassis.mac() : null;
            String name = cols.get(SYS_NAME) == null ? null : blankToNull(cols.get(SYS_NAME).text());
            if (name == null && chassis != null && mac == null) name = blankToNull(chassis.text());
            String port = localPorts.getOrDefault(String.valueOf(idx[1]), "local port " + idx[1]);
            facts.add(new NetworkNeighbour(obs.deviceId(), obs.probeId(), "lldp", addresses.get(row.getKey()), mac,
                    port, name, obs.observedAt()));
        }
        facts.add(new CollectedTable(obs.deviceId(), obs.probeId(), "lldp", facts.size()));
        return facts;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
