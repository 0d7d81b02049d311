package io.auditor.collect.parsers;

import io.auditor.collect.UnrecognisedOutputException;
import io.auditor.model.Observation;
import io.auditor.model.facts.CollectedTable;
import io.auditor.model.facts.DefaultCommunityCheck;
import io.auditor.model.facts.Fact;
import io.auditor.model.facts.InstalledSoftware;
import io.auditor.model.facts.ManagementService;
import io.auditor.model.facts.NetworkInterface;
import io.auditor.model.facts.NetworkNeighbour;
import io.auditor.model.facts.RunningProcess;
import io.auditor.model.facts.SnmpAccess;
import io.auditor.model.facts.SoftwareRelease;
import io.auditor.model.facts.SystemDescription;
import io.auditor.model.facts.WirelessNetwork;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.auditor.collect.parsers.Samples.DEVICE;
import static io.auditor.collect.parsers.Samples.OBSERVED;
import static io.auditor.collect.parsers.Samples.one;
import static io.auditor.collect.parsers.Samples.only;
import static io.auditor.collect.parsers.Samples.parse;
import static io.auditor.collect.parsers.Samples.rejects;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The SNMP parsers on recorded net-snmp output and on vendor formats written from the MIBs (samples/formats). */
class SnmpParsersTest {

    @Test
    void systemGroupOfARealNetSnmpAgent() throws Exception {
        List<Fact> f = parse(new SnmpSystemParser(), "system", "recorded-netsnmp-debian12.txt");
        SystemDescription s = one(f, SystemDescription.class);
        assertEquals("Linux vm 6.18.44-fc-v669 #1 SMP PREEMPT_DYNAMIC @0 x86_64", s.description());
        assertEquals("1.3.6.1.4.1.8072.3.2.10", s.objectId());
        assertEquals("vm", s.name());
        assertEquals("Unknown", s.location());
        assertEquals("root", s.contact());
        assertEquals(1L, s.uptimeSeconds());
        assertEquals(List.of(), only(f, SoftwareRelease.class), "a Linux kernel is not a release the table knows");
    }

    @Test
    void ciscoDescriptionOverSeveralLinesGivesTheRelease() throws Exception {
        List<Fact> f = parse(new SnmpSystemParser(), "system", "cisco-c2960x-multiline.txt");
        assertTrue(one(f, SystemDescription.class).description().endsWith("Compiled Fri 01-Jan-21 00:00 by prod_rel_team"));
        assertEquals(new SoftwareRelease(DEVICE, "system", "Cisco IOS", "15.2(7)E4"), one(f, SoftwareRelease.class));
    }

    @Test
    void systemRejectsOtherText() {
        for (String g : Samples.GARBAGE) rejects(new SnmpSystemParser(), "system", g);
        rejects(new SnmpSystemParser(), "system", ".1.3.6.1.2.1.1.5.0 = STRING: \"only a name\"\n");
    }

    @Test
    void entityGivesTheChassisSoftwareAndSkipsEntriesWithout() throws Exception {
        assertEquals(List.of(new SoftwareRelease(DEVICE, "entity", "C9300-48U", "17.09.04")),
                only(parse(new SnmpEntityParser(), "entity", "cisco-c9300-stack.txt"), SoftwareRelease.class));
        assertEquals(List.of(new SoftwareRelease(DEVICE, "entity", "AIR-CT3504-K9", "8.10.185.0")),
                only(parse(new SnmpEntityParser(), "entity", "aireos-3504.txt"), SoftwareRelease.class));
        UnrecognisedOutputException e = rejects(new SnmpEntityParser(), "entity",
                ".1.3.6.1.2.1.47.1.1.1.1.2 = No Such Object available on this agent at this OID\n");
        assertTrue(e.getMessage().contains("no entPhysicalTable"), e.getMessage());
    }

    @Test
    void defaultCommunities() throws Exception {
        List<Fact> f = parse(new SnmpDefaultCommunitiesParser(), "default-communities", "public-answers-v2c.txt");
        assertEquals(new SnmpAccess(DEVICE, "default-communities", "2c", "community"), one(f, SnmpAccess.class));
        List<DefaultCommunityCheck> checks = only(f, DefaultCommunityCheck.class);
        assertEquals(2, checks.size());
        assertTrue(checks.get(0).answered() && checks.get(0).community().equals("public"));
        assertTrue(checks.get(0).detail().startsWith("answered: .1.3.6.1.2.1.1.1.0 = STRING: \"Cisco IOS Software"));
        assertTrue(!checks.get(1).answered() && checks.get(1).community().equals("private"));
        List<Fact> v3 = parse(new SnmpDefaultCommunitiesParser(), "default-communities", "none-answer-v3.txt");
        assertEquals(new SnmpAccess(DEVICE, "default-communities", "3", "authPriv"), one(v3, SnmpAccess.class));
        assertTrue(only(v3, DefaultCommunityCheck.class).stream().noneMatch(DefaultCommunityCheck::answered));
        for (String g : Samples.GARBAGE) rejects(new SnmpDefaultCommunitiesParser(), "default-communities", g);
        rejects(new SnmpDefaultCommunitiesParser(), "default-communities", "# SNMP access used by the scan: v2c community\n");
    }

    @Test
    void tcpListenersOfARealAgentAndAnOldOne() throws Exception {
        List<Fact> real = parse(new SnmpTcpListenersParser(), "tcp-listeners", "recorded-netsnmp-debian12.txt");
        assertTrue(one(real, CollectedTable.class).rows() > 0);
        List<Fact> old = parse(new SnmpTcpListenersParser(), "tcp-listeners", "old-tcpconntable.txt");
        assertEquals(List.of(new ManagementService(DEVICE, "tcp-listeners", "ssh", 22, "listening on 0.0.0.0:22"),
                new ManagementService(DEVICE, "tcp-listeners", "telnet", 23, "listening on 0.0.0.0:23")),
                only(old, ManagementService.class), "the established connection is not a listener");
        assertEquals(2, one(old, CollectedTable.class).rows());
    }

    @Test
    void interfaces() throws Exception {
        List<NetworkInterface> real = only(parse(new SnmpInterfacesParser(), "interfaces", "recorded-netsnmp-debian12.txt"),
                NetworkInterface.class);
        NetworkInterface lo = real.stream().filter(i -> i.name().equals("lo")).findFirst().orElseThrow();
        assertNull(lo.macAddress(), "the loopback has no MAC");
        assertTrue(real.stream().anyMatch(i -> i.macAddress() != null && i.macAddress().matches("([0-9a-f]{2}:){5}[0-9a-f]{2}")));
        List<NetworkInterface> cisco = only(parse(new SnmpInterfacesParser(), "interfaces", "cisco-c9300.txt"), NetworkInterface.class);
        assertTrue(cisco.contains(new NetworkInterface(DEVICE, "interfaces", 1, "Vlan1", "70:6d:15:a0:00:01", false, false)));
        rejects(new SnmpInterfacesParser(), "interfaces", "");
    }

    @Test
    void arpFromBothTablesCountedOnce() throws Exception {
        List<Fact> real = parse(new SnmpArpParser(), "arp", "recorded-netsnmp-debian12.txt");
        assertEquals(List.of(new NetworkNeighbour(DEVICE, "arp", "arp", "192.0.2.1", "02:fc:00:00:00:05", "eth0", null, OBSERVED)),
                only(real, NetworkNeighbour.class));
        List<Fact> cisco = parse(new SnmpArpParser(), "arp", "cisco-l3-switch.txt");
        assertEquals(18, one(cisco, CollectedTable.class).rows());
        assertTrue(only(cisco, NetworkNeighbour.class).contains(new NetworkNeighbour(DEVICE, "arp", "arp", "10.20.10.57",
                "3c:22:fb:7a:01:99", "Vlan20", null, OBSERVED)));
        assertEquals(1, one(real, CollectedTable.class).rows());
    }

    @Test
    void lldpNeighboursAndAnAgentWithoutLldp() throws Exception {
        List<NetworkNeighbour> n = only(parse(new SnmpLldpParser(), "lldp", "cisco-two-neighbours.txt"), NetworkNeighbour.class);
        assertEquals(List.of(
                new NetworkNeighbour(DEVICE, "lldp", "lldp", "10.20.0.3", "58:97:bd:41:22:00", "GigabitEthernet1/0/47",
                        "sw-edge.riverside.example.sch.uk", OBSERVED),
                new NetworkNeighbour(DEVICE, "lldp", "lldp", null, "00:a2:89:55:10:00", "GigabitEthernet1/0/48", "wlc-01", OBSERVED)), n);
        UnrecognisedOutputException e = rejects(new SnmpLldpParser(), "lldp", Samples.text("lldp", "recorded-netsnmp-no-lldp.txt"));
        assertTrue(e.getMessage().contains("does not implement LLDP-MIB"));
    }

    @Test
    void installedSoftwareAndProcesses() throws Exception {
        List<Fact> sw = parse(new SnmpInstalledSoftwareParser(), "installed-software", "recorded-netsnmp-debian12-first-40.txt");
        assertEquals(40, only(sw, InstalledSoftware.class).size());
        assertEquals(new CollectedTable(DEVICE, "installed-software", "installed-software", 40), one(sw, CollectedTable.class));
        assertEquals(List.of(new CollectedTable(DEVICE, "installed-software", "installed-software", 0)),
                parse(new SnmpInstalledSoftwareParser(), "installed-software", "empty.txt"));
        List<RunningProcess> ps = only(parse(new SnmpProcessesParser(), "processes", "recorded-netsnmp-debian12.txt"), RunningProcess.class);
        assertTrue(ps.stream().anyMatch(p -> p.name().equals("snmpd") && p.path() != null && p.path().endsWith("snmpd")), ps::toString);
        List<RunningProcess> win = only(parse(new SnmpProcessesParser(), "processes", "windows-snmp-service.txt"), RunningProcess.class);
        assertTrue(win.contains(new RunningProcess(DEVICE, "processes", "MsMpEng.exe",
                "C:\\ProgramData\\Microsoft\\Windows Defender\\Platform\\4.18.24090.11-0\\")), win::toString);
        assertTrue(win.contains(new RunningProcess(DEVICE, "processes", "System", null)));
    }

    static Observation map(String file) {
        return new Observation(DEVICE, "wlans", "map cisco-aireos-wlan", Samples.text("wlans", file), null, OBSERVED, 1, false);
    }

    @Test
    void vendorOidMapGivesEachWlan() throws Exception {
        List<Fact> f = new SnmpOidMapParser().parse(map("aireos-four-wlans.txt"));
        assertEquals(List.of(
                new WirelessNetwork(DEVICE, "wlans", "Riverside-Staff", "wpa2", true, "staff"),
                new WirelessNetwork(DEVICE, "wlans", "Riverside-Pupils", "wpa2", true, "pupils"),
                new WirelessNetwork(DEVICE, "wlans", "Riverside-Guest", "open", true, "pupils"),
                new WirelessNetwork(DEVICE, "wlans", "Old-Printers", "wep", false, "printers")), only(f, WirelessNetwork.class));
        assertEquals(new CollectedTable(DEVICE, "wlans", "wireless-networks", 4), one(f, CollectedTable.class));
        assertEquals(2, only(new SnmpOidMapParser().parse(map("aireos-wpa2-only.txt")), WirelessNetwork.class).size());
    }

    @Test
    void vendorOidMapNeedsItsCommand() {
        Observation wrong = new Observation(DEVICE, "wlans", "walk 1.3.6.1.4.1.14179", "", null, OBSERVED, 1, false);
        UnrecognisedOutputException e = org.junit.jupiter.api.Assertions.assertThrows(UnrecognisedOutputException.class,
                () -> new SnmpOidMapParser().parse(wrong));
        assertTrue(e.getMessage().contains("not 'map NAME'"));
        Observation unknown = new Observation(DEVICE, "wlans", "map no-such-map", "", null, OBSERVED, 1, false);
        org.junit.jupiter.api.Assertions.assertThrows(UnrecognisedOutputException.class, () -> new SnmpOidMapParser().parse(unknown));
    }

    @Test
    void anUnknownSecurityValueIsLeftUnknownNotGuessed() throws Exception {
        String text = ".1.3.6.1.4.1.14179.2.1.1.1.2.7 = STRING: \"Lab\"\n"
                + ".1.3.6.1.4.1.14179.2.1.1.1.6.7 = INTEGER: 1\n"
                + ".1.3.6.1.4.1.14179.2.1.1.1.53.7 = INTEGER: 9\n";
        Observation o = new Observation(DEVICE, "wlans", "map cisco-aireos-wlan", text, null, OBSERVED, 1, false);
        assertEquals(List.of(new WirelessNetwork(DEVICE, "wlans", "Lab", null, true, null)),
                only(new SnmpOidMapParser().parse(o), WirelessNetwork.class));
    }
}
