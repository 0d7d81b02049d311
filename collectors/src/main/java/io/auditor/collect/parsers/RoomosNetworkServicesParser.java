package io.auditor.collect.parsers;

import io.auditor.collect.Parser;
import io.auditor.collect.UnrecognisedOutputException;
import io.auditor.model.Observation;
import io.auditor.model.facts.Fact;
import io.auditor.model.facts.ManagementAccess;
import io.auditor.model.facts.ManagementService;

import java.util.ArrayList;
import java.util.List;

/**
 * The reply to {@code xConfiguration NetworkServices} on Cisco RoomOS/CE, read for the remote management services:
 * {@code HTTP Mode} ({@code Off}, {@code HTTPS}, {@code HTTP+HTTPS}; old CE also {@code HTTP}), {@code SSH Mode} and
 * {@code Telnet Mode} (On/Off; absent on RoomOS 10 and later, where Telnet was removed). The unit has no firewall
 * of its own, so whether the internet can reach a service is not known here.
 */
public final class RoomosNetworkServicesParser implements Parser {
    @Override
    public String id() { return "roomos-network-services"; }

    @Override
    public List<Fact> parse(Observation obs) throws UnrecognisedOutputException {
        XapiReply r = XapiReply.read(obs.output(), "*c xConfiguration NetworkServices ", "xConfiguration NetworkServices");
        String http = r.get("HTTP Mode");
        if (http == null) throw new UnrecognisedOutputException("no xConfiguration NetworkServices HTTP Mode line", 0);
        List<Fact> facts = new ArrayList<>();
        String mode = http.toUpperCase(java.util.Locale.ROOT);
        if (!List.of("OFF", "HTTPS", "HTTP+HTTPS", "HTTP").contains(mode)) {
            throw new UnrecognisedOutputException("HTTP Mode '" + http + "' is none of Off, HTTPS, HTTP+HTTPS",
                    r.line("HTTP Mode"));
        }
        facts.add(service(obs, "https", 443, mode.contains("HTTPS"), "HTTP Mode: " + http));
        facts.add(service(obs, "http", 80, mode.equals("HTTP") || mode.equals("HTTP+HTTPS"), "HTTP Mode: " + http));
        String ssh = r.get("SSH Mode");
        if (ssh != null) facts.add(service(obs, "ssh", 22, ssh.equalsIgnoreCase("On"), "SSH Mode: " + ssh));
        String telnet = r.get("Telnet Mode");
        facts.add(telnet == null
                ? service(obs, "telnet", 23, false, "no Telnet Mode setting (removed from this software)")
                : service(obs, "telnet", 23, telnet.equalsIgnoreCase("On"), "Telnet Mode: " + telnet));
        // The same services in the shape the management-protocol control (NET-02) reads.
        for (Fact f : List.copyOf(facts)) {
            if (f instanceof ManagementAccess a && a.enabled()) {
                facts.add(new ManagementService(obs.deviceId(), obs.probeId(), a.service(), a.port(), a.detail()));
            }
        }
        return facts;
    }

    private static ManagementAccess service(Observation obs, String service, int port, boolean on, String detail) {
        return new ManagementAccess(obs.deviceId(), obs.probeId(), service, port, on, null, null, detail);
    }
}
