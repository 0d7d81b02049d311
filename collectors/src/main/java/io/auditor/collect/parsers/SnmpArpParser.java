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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The device's ARP table: RFC 1213 / IP-MIB ipNetToMediaTable (IPv4) and IP-MIB ipNetToPhysicalTable (IPv4 and
 * IPv6), with IF-MIB ifDescr for the port names. Invalid entries are skipped; an IP seen in both tables counts once.
 */
public final class SnmpArpParser implements Parser {
    static final String MEDIA_PHYS = "1.3.6.1.2.1.4.22.1.2", MEDIA_TYPE = "1.3.6.1.2.1.4.22.1.4";
    static final String PHYS_ADDR = "1.3.6.1.2.1.4.35.1.4", PHYS_TYPE = "1.3.6.1.2.1.4.35.1.6";
    static final String IF_DESCR = "1.3.6.1.2.1.2.2.1.2";

    @Override
    public String id() { return "snmp-arp"; }

    @Override
    public List<Fact> parse(Observation obs) throws UnrecognisedOutputException {
        List<WalkEntry> entries = WalkText.parse(obs.output());
        Map<String, String> ports = new HashMap<>();
        for (WalkEntry e : entries) {
            String index = e.indexAfter(IF_DESCR);
            if (index != null) ports.put(index, e.text().strip());
        }
        Map<String, String[]> byIp = new LinkedHashMap<>(); // ip -> {mac, ifIndex}
        WalkTable media = WalkTable.of(entries, List.of(MEDIA_PHYS, MEDIA_TYPE));
        for (Map.Entry<String, Map<String, WalkEntry>> row : media.rows().entrySet()) {
            int[] idx = WalkTable.parts(row.getKey());
            WalkEntry phys = row.getValue().get(MEDIA_PHYS);
            WalkEntry type = row.getValue().get(MEDIA_TYPE);
            if (phys == null || idx.length != 5 || isInvalid(type)) continue;
            String ip = idx[1] + "." + idx[2] + "." + idx[3] + "." + idx[4];
            byIp.putIfAbsent(ip, new String[] {phys.mac(), String.valueOf(idx[0])});
        }
        WalkTable physical = WalkTable.of(entries, List.of(PHYS_ADDR, PHYS_TYPE));
        for (Map.Entry<String, Map<String, WalkEntry>> row : physical.rows().entrySet()) {
            int[] idx = WalkTable.parts(row.getKey());
            WalkEntry phys = row.getValue().get(PHYS_ADDR);
            if (phys == null || idx.length < 3 || isInvalid(row.getValue().get(PHYS_TYPE))) continue;
            String ip = address(idx[1], idx, 2);
            if (ip != null) byIp.putIfAbsent(ip, new String[] {phys.mac(), String.valueOf(idx[0])});
        }
        List<Fact> facts = new ArrayList<>();
        for (Map.Entry<String, String[]> e : byIp.entrySet()) {
            String ifIndex = e.getValue()[1];
            String port = ports.getOrDefault(ifIndex, "ifIndex " + ifIndex);
            facts.add(new NetworkNeighbour(obs.deviceId(), obs.probeId(), "arp", e.getKey(), e.getValue()[0], port,
                    null, obs.observedAt()));
        }
        facts.add(new CollectedTable(obs.deviceId(), obs.probeId(), "arp", byIp.size()));
        return facts;
    }

    /** ipNetToMediaType / ipNetToPhysicalType invalid(2): an entry being removed. */
    private static boolean isInvalid(WalkEntry type) {
        return type != null && Long.valueOf(2).equals(type.number());
    }

    /**
     * An InetAddress written in an index: {@code type.length.bytes…} from {@code at} (IPv4 type 1, IPv6 type 2).
     */
    static String address(int type, int[] idx, int at) {
        if (at >= idx.length) return null;
        int len = idx[at];
        if (at + 1 + len > idx.length) return null;
        if (type == 1 && len == 4) {
            return idx[at + 1] + "." + idx[at + 2] + "." + idx[at + 3] + "." + idx[at + 4];
        }
        if (type == 2 && len == 16) {
            byte[] b = new byte[16];
            for (int i = 0; i < 16; i++) b[i] = (byte) idx[at + 1 + i];
            try {
                return java.net.InetAddress.getByAddress(b).getHostAddress();
            } catch (java.net.UnknownHostException e) {
                return null;
            }
        }
        return null;
    }
}
