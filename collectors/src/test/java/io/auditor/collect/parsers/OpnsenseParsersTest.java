package io.auditor.collect.parsers;

import io.auditor.model.facts.Fact;
import io.auditor.model.facts.FilterExemption;
import io.auditor.model.facts.FilterPolicy;
import io.auditor.model.facts.FilteredNetwork;
import io.auditor.model.facts.FirewallPolicy;
import io.auditor.model.facts.FirewallRule;
import io.auditor.model.facts.GroupMember;
import io.auditor.model.facts.ManagementAccess;
import io.auditor.model.facts.SoftwareRelease;
import io.auditor.model.facts.WebFilterStatus;
import io.auditor.model.facts.BlockedCategory;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.auditor.collect.parsers.Samples.*;
import static org.junit.jupiter.api.Assertions.*;

class OpnsenseParsersTest {
    private final OpnsenseFirewallParser firewall = new OpnsenseFirewallParser();
    private final OpnsenseAdminsParser admins = new OpnsenseAdminsParser();
    private final OpnsenseWebFilterParser webfilter = new OpnsenseWebFilterParser();

    @Test
    void floatingRuleOnTwoInterfacesAndSshOpenToTheInternet() throws Exception {
        List<Fact> facts = parse(firewall, "opn-firewall", "school-web-proxy.txt");
        List<FirewallRule> rules = only(facts, FirewallRule.class);
        assertEquals(List.of("wan", "wan", "lan", "opt1", "opt2"), rules.stream().map(FirewallRule::interfaceName).toList());
        assertEquals(4, rules.get(4).position(), "both copies of the floating rule keep its position");
        assertEquals("any", rules.get(0).sourceAddress(), "<any>1</any> is any");
        assertEquals("self (WAN address)", rules.get(0).destinationAddress());
        assertEquals("block", one(facts, FirewallPolicy.class).defaultInboundAction());
        Map<String, ManagementAccess> m = only(facts, ManagementAccess.class).stream()
                .collect(Collectors.toMap(ManagementAccess::service, a -> a));
        assertEquals(Boolean.FALSE, m.get("https").reachableFromWan(), "the GUI listens only on lan");
        assertTrue(m.get("https").detail().contains("listens only on lan"));
        assertEquals(Boolean.TRUE, m.get("ssh").reachableFromWan());
        assertNull(m.get("ssh").allowedFrom());
    }

    @Test
    void defaultInstall() throws Exception {
        List<Fact> facts = parse(firewall, "opn-firewall", "default-install.txt");
        assertEquals(2, only(facts, FirewallRule.class).size());
        assertEquals("any", only(facts, FirewallRule.class).get(0).destinationAddress(), "<any/> is any");
        Map<String, ManagementAccess> m = only(facts, ManagementAccess.class).stream()
                .collect(Collectors.toMap(ManagementAccess::service, a -> a));
        assertFalse(m.get("ssh").enabled());
        assertEquals(Boolean.FALSE, m.get("https").reachableFromWan());
    }

    @Test
    void mvcRulesFollowTheLegacyOnes() throws Exception {
        String xml = text("opn-firewall", "default-install.txt").replace("</opnsense>", """
                  <OPNsense><Firewall><Filter><rules>
                    <rule uuid="1"><enabled>1</enabled><action>pass</action><interface>wan</interface><direction>in</direction>
                      <protocol>TCP</protocol><source_net>any</source_net><destination_net>(self)</destination_net>
                      <destination_port>443</destination_port><description></description></rule>
                    <rule uuid="2"><enabled>0</enabled><action>pass</action><interface>wan</interface>
                      <source_net>any</source_net><destination_net>any</destination_net></rule>
                  </rules></Filter></Firewall></OPNsense>
                </opnsense>""");
        List<Fact> facts = parseText(firewall, "opn-firewall", xml);
        List<FirewallRule> rules = only(facts, FirewallRule.class);
        assertEquals(4, rules.size());
        assertEquals(new FirewallRule(DEVICE, "opn-firewall", 3, "wan", "WAN", true, "in", "pass", "tcp", "any", "self",
                "443", null, false), rules.get(2));
        assertTrue(rules.get(3).disabled());
        assertFalse(rules.get(3).allowsEverything(), "a disabled rule lets nothing in");
        ManagementAccess gui = only(facts, ManagementAccess.class).stream().filter(a -> a.service().equals("https")).findFirst().orElseThrow();
        assertEquals(Boolean.TRUE, gui.reachableFromWan());
    }

    @Test
    void rulesOnlyInTheMvcModel() throws Exception {
        String xml = "<opnsense><system/><interfaces><wan><enable>1</enable></wan></interfaces><OPNsense><Firewall><Filter><rules>"
                + "<rule><enabled>1</enabled><action>block</action><interface>wan</interface><source_net>any</source_net>"
                + "<destination_net>any</destination_net></rule></rules></Filter></Firewall></OPNsense></opnsense>";
        assertEquals("block", one(parseText(firewall, "opn-firewall", xml), FirewallRule.class).action());
        assertTrue(rejects(firewall, "opn-firewall", "<opnsense><system/><interfaces><wan/></interfaces></opnsense>")
                .getMessage().contains("no <filter> section"));
    }

    @Test
    void admins() throws Exception {
        List<String> members = only(parse(admins, "opn-admins", "school-web-proxy.txt"), GroupMember.class).stream()
                .map(m -> m.group() + ":" + m.member()).toList();
        assertEquals(List.of("admins:root", "admins:netadmin", "admins:oldsupplier", "page-all (user privilege):oldsupplier"), members);
        assertEquals(List.of("admins:root"), only(parse(admins, "opn-admins", "default-install.txt"), GroupMember.class).stream()
                .map(m -> m.group() + ":" + m.member()).toList());
    }

    @Test
    void webProxy() throws Exception {
        List<Fact> facts = parse(webfilter, "opn-webfilter", "school-web-proxy.txt");
        WebFilterStatus s = one(facts, WebFilterStatus.class);
        assertTrue(s.enabled());
        assertEquals(List.of(), s.safeSearchEnforced(), "SafeSearch is ticked but the DNS blocklist is off");
        assertEquals(Boolean.FALSE, s.userAttribution(), s.attributionDetail());
        assertEquals(Boolean.TRUE, s.loggingEnabled());
        assertEquals(31, s.logRetentionDays());
        FilterPolicy p = one(facts, FilterPolicy.class);
        assertTrue(p.categoriesKnown());
        List<String> cats = only(facts, BlockedCategory.class).stream().map(BlockedCategory::category).toList();
        assertTrue(cats.containsAll(List.of("child-abuse", "extremism", "self-harm", "adult", "gambling", "malware", "phishing")), cats.toString());
        Map<String, FilteredNetwork> nets = only(facts, FilteredNetwork.class).stream()
                .collect(Collectors.toMap(FilteredNetwork::network, n -> n));
        assertEquals(List.of("lan (ADMIN)", "opt1 (STUDENTS)", "opt2 (BYOD)"), nets.keySet().stream().sorted().toList(),
                "the loopback is no user network");
        assertTrue(nets.get("opt1 (STUDENTS)").filtered());
        assertFalse(nets.get("opt2 (BYOD)").filtered());
        assertTrue(nets.get("opt2 (BYOD)").guest());
        assertEquals(List.of("10.40.0.10", "10.40.0.11"), only(facts, FilterExemption.class).stream().map(FilterExemption::subject).toList());
    }

    @Test
    void wholeListsAndDnsBlocklist() throws Exception {
        String xml = text("opn-webfilter", "school-web-proxy.txt")
                .replace("<filter>iwf,ctiru,selfharm</filter>", "<filter/>")
                .replace("<enabled>0</enabled>\n        <safesearch>1</safesearch>", "<enabled>1</enabled>\n        <safesearch>1</safesearch>");
        List<Fact> facts = parseText(webfilter, "opn-webfilter", xml);
        assertFalse(one(facts, FilterPolicy.class).categoriesKnown());
        WebFilterStatus s = one(facts, WebFilterStatus.class);
        assertEquals(List.of("google", "bing", "youtube"), s.safeSearchEnforced());
        assertTrue(only(facts, FilteredNetwork.class).stream().allMatch(FilteredNetwork::filtered), "DNS filtering covers every network");
    }

    @Test
    void explicitProxyCountsOnlyWhereNoRuleGoesAroundIt() throws Exception {
        String xml = text("opn-webfilter", "school-web-proxy.txt")
                .replace("<transparentMode>1</transparentMode>", "<transparentMode>0</transparentMode>")
                .replace("<interface>opt1,opt2</interface>", "<interface>opt2</interface>");
        Map<String, FilteredNetwork> nets = only(parseText(webfilter, "opn-webfilter", xml), FilteredNetwork.class).stream()
                .collect(Collectors.toMap(FilteredNetwork::network, n -> n));
        assertTrue(nets.get("opt1 (STUDENTS)").filtered(), "no rule on the student VLAN passes web traffic: only the proxy can");
        FilteredNetwork admin = nets.get("lan (ADMIN)");
        assertFalse(admin.filtered());
        assertTrue(admin.detail().contains("Default allow LAN to any rule"), admin.detail());
    }

    @Test
    void aRuleGoesAroundTheProxyOnlyWhenItsPortShows443() throws Exception {
        String base = text("opn-webfilter", "school-web-proxy.txt")
                .replace("<transparentMode>1</transparentMode>", "<transparentMode>0</transparentMode>");
        String lanRule = "</destination>\n      <descr>Default allow LAN to any rule";
        assertTrue(base.contains(lanRule));
        Map<String, Boolean> filteredByPort = Map.of("443", false, "80-443", false, "1:1024", false, "80", true,
                "8443", true, "WebPorts", true);
        for (Map.Entry<String, Boolean> e : filteredByPort.entrySet()) {
            String xml = base.replace(lanRule, "  <port>" + e.getKey() + "</port>\n      " + lanRule);
            FilteredNetwork lan = only(parseText(webfilter, "opn-webfilter", xml), FilteredNetwork.class).stream()
                    .filter(n -> n.network().equals("lan (ADMIN)")).findFirst().orElseThrow();
            assertEquals(e.getValue(), lan.filtered(), "destination port " + e.getKey() + ": " + lan.detail());
        }
    }

    @Test
    void noFilter() throws Exception {
        WebFilterStatus s = one(parse(webfilter, "opn-webfilter", "default-install.txt"), WebFilterStatus.class);
        assertFalse(s.enabled());
        assertNull(s.logRetentionDays());
    }

    @Test
    void versions() throws Exception {
        OpnsenseVersionParser p = new OpnsenseVersionParser();
        assertEquals(new SoftwareRelease(DEVICE, "opn-version", "OPNsense", "24.7.5_2"),
                one(parse(p, "opn-version", "24.7.5.txt"), SoftwareRelease.class));
        assertEquals("25.1", one(parse(p, "opn-version", "25.1.txt"), SoftwareRelease.class).version());
        assertEquals(1, rejects(p, "opn-version", "pfSense 2.7.2\n").line());
        for (String g : GARBAGE) rejects(p, "opn-version", g);
    }

    @Test
    void rejectsPfsenseConfigAndGarbage() {
        assertTrue(rejects(webfilter, "opn-webfilter", text("pf-webfilter", "default-install.txt")).getMessage()
                .contains("not a OPNsense config.xml"));
        for (String g : GARBAGE) {
            rejects(firewall, "opn-firewall", g);
            rejects(admins, "opn-admins", g);
            rejects(webfilter, "opn-webfilter", g);
        }
    }
}
