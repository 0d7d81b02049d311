package io.auditor.collect.parsers;

import io.auditor.collect.Parser;
import io.auditor.collect.UnrecognisedOutputException;
import io.auditor.collect.snmp.WalkEntry;
import io.auditor.collect.snmp.WalkTable;
import io.auditor.collect.snmp.WalkText;
import io.auditor.model.Observation;
import io.auditor.model.facts.CollectedTable;
import io.auditor.model.facts.Fact;
import io.auditor.model.facts.ManagementService;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * TCP ports the device listens on: TCP-MIB tcpListenerTable (current) and the older tcpConnTable rows in state
 * listen(2). Well-known management ports become {@link ManagementService} facts for NET-02.
 */
public final class SnmpTcpListenersParser implements Parser {
    static final String LISTENER_PROCESS = "1.3.6.1.2.1.6.20.1.4";
    static final String CONN_STATE = "1.3.6.1.2.1.6.13.1.1";
    static final Map<Integer, String> MANAGEMENT = Map.of(22, "ssh", 23, "telnet", 80, "http", 443, "https",
            8080, "http", 8443, "https");

    @Override
    public String id() { return "snmp-tcp-listeners"; }

    @Override
    public List<Fact> parse(Observation obs) throws UnrecognisedOutputException {
        Map<Integer, String> listening = new LinkedHashMap<>(); // port -> local address
        for (WalkEntry e : WalkText.parse(obs.output())) {
            if (e.isException()) continue;
            String l = e.indexAfter(LISTENER_PROCESS);
            if (l != null) {
                int[] idx = WalkTable.parts(l); // type.len.addr….port
                if (idx.length < 3) continue;
                String addr = idx[0] == 0 ? "*" : SnmpArpParser.address(idx[0], idx, 1);
                listening.putIfAbsent(idx[idx.length - 1], addr == null ? "?" : addr);
            }
            String c = e.indexAfter(CONN_STATE);
            if (c != null && Long.valueOf(2).equals(e.number())) {
                int[] idx = WalkTable.parts(c); // local a.b.c.d . localPort . remote a.b.c.d . remotePort
                if (idx.length == 10) listening.putIfAbsent(idx[4], idx[0] + "." + idx[1] + "." + idx[2] + "." + idx[3]);
            }
        }
        List<Fact> facts = new ArrayList<>();
        for (Map.Entry<Integer, String> p : listening.entrySet()) {
            String protocol = MANAGEMENT.get(p.getKey());
            if (protocol == null) continue;
            facts.add(new ManagementService(obs.deviceId(), obs.probeId(), protocol, p.getKey(),
                    "listening on " + p.getValue() + ":" + p.getKey()));
        }
        facts.add(new CollectedTable(obs.deviceId(), obs.probeId(), "tcp-listeners", listening.size()));
        return facts;
    }
}
