package io.auditor.collect.parsers;

import io.auditor.collect.UnrecognisedOutputException;
import io.auditor.model.facts.AdminGroup;
import io.auditor.model.facts.BlockedCategory;
import io.auditor.model.facts.Fact;
import io.auditor.model.facts.FilterExemption;
import io.auditor.model.facts.FilterPolicy;
import io.auditor.model.facts.FilteredNetwork;
import io.auditor.model.facts.FirewallPolicy;
import io.auditor.model.facts.FirewallRule;
import io.auditor.model.facts.GroupMember;
import io.auditor.model.facts.ManagementAccess;
import io.auditor.model.facts.ManagementService;
import io.auditor.model.facts.SoftwareRelease;
import io.auditor.model.facts.WebFilterStatus;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.auditor.collect.parsers.Samples.*;
import static org.junit.jupiter.api.Assertions.*;

class PfsenseParsersTest {
    private final PfsenseFirewallParser firewall = new PfsenseFirewallParser();
    private final PfsenseAdminsParser admins = new PfsenseAdminsParser();
    private final PfsenseWebFilterParser webfilter = new PfsenseWebFilterParser();

    @Test
    void schoolRulesInOrderWithInterfaceLabels() throws Exception {
        List<FirewallRule> rules = only(parse(firewall, "pf-firewall", "school-squidguard.txt"), FirewallRule.class);
        assertEquals(12, rules.size());
        FirewallRule nat = rules.get(0);
        assertEquals(new FirewallRule(DEVICE, "pf-firewall", 1, "wan", "WAN", true, "in", "pass", "tcp", "any",
                "10.20.1.21", "443", "NAT Public website (srv-web)", false), nat);
        FirewallRule supplier = rules.get(1);
        assertEquals("203.0.113.0/24", supplier.sourceAddress());
        assertEquals("self (WAN address)", supplier.destinationAddress());
        FirewallRule undocumented = rules.get(2);
        assertNull(undocumented.description(), "an empty <descr> is no description");
        assertTrue(undocumented.inboundAllow());
        assertTrue(rules.get(3).disabled(), "<disabled></disabled> switches the rule off");
        assertFalse(rules.get(3).inboundAllow());
        FirewallRule lan = rules.get(4);
        assertEquals("INFRA net", lan.sourceAddress());
        assertEquals("any", lan.destinationAddress());
        assertFalse(lan.wan());
        assertEquals("self", rules.get(5).destinationAddress(), "(self) is the firewall itself");
        assertEquals("block", rules.get(10).action());
        assertFalse(rules.stream().anyMatch(FirewallRule::allowsEverything));
    }

    @Test
    void schoolDefaultDenyAndManagement() throws Exception {
        List<Fact> facts = parse(firewall, "pf-firewall", "school-squidguard.txt");
        FirewallPolicy policy = one(facts, FirewallPolicy.class);
        assertEquals("wan", policy.interfaceName());
        assertEquals("block", policy.defaultInboundAction());
        Map<String, ManagementAccess> m = only(facts, ManagementAccess.class).stream()
                .collect(Collectors.toMap(ManagementAccess::service, a -> a));
        ManagementAccess gui = m.get("https");
        assertEquals(443, gui.port());
        assertTrue(gui.enabled());
        assertEquals(Boolean.TRUE, gui.reachableFromWan());
        assertEquals("203.0.113.0/24", gui.allowedFrom(), "only the supplier's range may reach the GUI");
        assertTrue(gui.detail().contains("rule #2 on WAN"), gui.detail());
        ManagementAccess ssh = m.get("ssh");
        assertTrue(ssh.enabled());
        assertEquals(Boolean.FALSE, ssh.reachableFromWan(), "the SSH rule on WAN is disabled: " + ssh.detail());
        assertEquals(List.of("https", "ssh"), only(facts, ManagementService.class).stream()
                .map(ManagementService::protocol).sorted().toList());
    }

    @Test
    void defaultInstall() throws Exception {
        List<Fact> facts = parse(firewall, "pf-firewall", "default-install.txt");
        List<FirewallRule> rules = only(facts, FirewallRule.class);
        assertEquals(2, rules.size());
        assertTrue(rules.stream().noneMatch(FirewallRule::inboundAllow));
        assertEquals("block", one(facts, FirewallPolicy.class).defaultInboundAction());
        Map<String, ManagementAccess> m = only(facts, ManagementAccess.class).stream()
                .collect(Collectors.toMap(ManagementAccess::service, a -> a));
        assertFalse(m.get("ssh").enabled(), "SSH is off on a fresh install");
        assertEquals(Boolean.FALSE, m.get("https").reachableFromWan());
        assertEquals(List.of("https"), only(facts, ManagementService.class).stream().map(ManagementService::protocol).toList());
    }

    @Test
    void managementOpenToAnyoneAndFilteringOff() throws Exception {
        String xml = text("pf-firewall", "default-install.txt").replace("<filter>", """
                <filter>
                		<rule><type>pass</type><interface>wan</interface><protocol>tcp</protocol>
                			<source><any></any></source><destination><network>(self)</network><port>80-443</port></destination>
                			<descr>GUI from home</descr></rule>
                		<rule><type>pass</type><interface>wan</interface>
                			<source><any/></source><destination><any/></destination><descr>debug</descr></rule>""");
        List<Fact> facts = parseText(firewall, "pf-firewall", xml);
        ManagementAccess gui = only(facts, ManagementAccess.class).stream().filter(a -> a.service().equals("https"))
                .findFirst().orElseThrow();
        assertEquals(Boolean.TRUE, gui.reachableFromWan());
        assertNull(gui.allowedFrom(), "a source of any is no allow-list");
        assertTrue(only(facts, FirewallRule.class).get(1).allowsEverything());

        String off = text("pf-firewall", "default-install.txt").replace("<system>", "<system><disablefilter>enabled</disablefilter>");
        List<Fact> unfiltered = parseText(firewall, "pf-firewall", off);
        assertEquals("pass", one(unfiltered, FirewallPolicy.class).defaultInboundAction());
    }

    @Test
    void admins() throws Exception {
        List<Fact> facts = parse(admins, "pf-admins", "school-squidguard.txt");
        assertEquals(new AdminGroup(DEVICE, "pf-admins", "admins", 1), one(facts, AdminGroup.class),
                "the disabled built-in admin holds no access; the auditor's own account is outside admins");
        assertEquals(new GroupMember(DEVICE, "pf-admins", "admins", "itadmin", "user", "local"), one(facts, GroupMember.class));

        List<Fact> fresh = parse(admins, "pf-admins", "default-install.txt");
        assertEquals("admin", one(fresh, GroupMember.class).member());
    }

    @Test
    void pageAllGrantedDirectlyAndDanglingMembers() throws Exception {
        String xml = text("pf-admins", "default-install.txt")
                .replace("<member>0</member>\n\t\t\t<priv>page-all</priv>", "<member>0</member>\n\t\t\t<member>2005</member>\n\t\t\t<priv>page-all</priv>")
                .replace("<nextuid>", "<user><name>contractor</name><uid>2001</uid><priv>page-all</priv></user><nextuid>");
        List<Fact> facts = parseText(admins, "pf-admins", xml);
        List<String> members = only(facts, GroupMember.class).stream().map(m -> m.group() + ":" + m.member()).toList();
        assertEquals(List.of("admins:admin", "admins:uid 2005", "page-all (user privilege):contractor"), members);
    }

    @Test
    void noAdminsGroupIsNotUnderstood() {
        String xml = text("pf-admins", "default-install.txt").replace("<name>admins</name>", "<name>operators</name>")
                .replace("<priv>page-all</priv>", "");
        assertTrue(rejects(admins, "pf-admins", xml).getMessage().contains("no <group> named admins"));
    }

    @Test
    void schoolWebFilter() throws Exception {
        List<Fact> facts = parse(webfilter, "pf-webfilter", "school-squidguard.txt");
        WebFilterStatus s = one(facts, WebFilterStatus.class);
        assertTrue(s.enabled());
        assertEquals("Squid + squidGuard", s.product());
        assertEquals(List.of("google", "bing", "youtube"), s.safeSearchEnforced());
        assertEquals(Boolean.TRUE, s.userAttribution(), s.attributionDetail());
        assertTrue(s.attributionDetail().contains("logged by address"), s.attributionDetail());
        assertEquals(Boolean.TRUE, s.loggingEnabled());
        assertEquals(120, s.logRetentionDays());
        assertEquals(OBSERVED, s.observedAt());

        Map<String, FilteredNetwork> nets = only(facts, FilteredNetwork.class).stream()
                .collect(Collectors.toMap(FilteredNetwork::network, n -> n));
        assertEquals(6, nets.size(), nets.keySet().toString());
        assertTrue(nets.get("opt2 (STAFF)").filtered(), "explicit proxy and no direct web rule");
        assertTrue(nets.get("opt4 (VC)").filtered(), "transparent HTTP and HTTPS");
        FilteredNetwork guest = nets.get("opt5 (GUEST_WIFI)");
        assertFalse(guest.filtered());
        assertTrue(guest.guest());
        assertEquals("10.20.40.1/24", guest.address());

        assertEquals(List.of("default", "students", "staff"), only(facts, FilterPolicy.class).stream().map(FilterPolicy::name).toList());
        List<BlockedCategory> staff = only(facts, BlockedCategory.class).stream().filter(b -> b.policy().equals("staff")).toList();
        assertEquals(List.of("child-abuse", "extremism", "self-harm", "adult", "adult", "gambling", "malware", "phishing", "extremism"),
                staff.stream().map(BlockedCategory::category).toList());
        assertEquals("mixed_adult", staff.get(4).productCategory(), "the blk_BL_ prefix is the package's, not the list's");
        assertEquals(List.of(new FilterExemption(DEVICE, "pf-webfilter", "address", "10.20.1.30",
                "Squid: Bypass Proxy for These Source IPs")), only(facts, FilterExemption.class));
    }

    @Test
    void noFilterPackage() throws Exception {
        List<Fact> facts = parse(webfilter, "pf-webfilter", "default-install.txt");
        WebFilterStatus s = one(facts, WebFilterStatus.class);
        assertFalse(s.enabled());
        assertEquals("none", s.product());
        assertNull(s.safeSearchEnforced());
        assertFalse(one(facts, FilteredNetwork.class).filtered());
        assertTrue(only(facts, FilterPolicy.class).isEmpty());
    }

    @Test
    void offTimeRulesMustBlockTooAndAnAclBlockingNothingIsABypass() throws Exception {
        String xml = text("pf-webfilter", "school-squidguard.txt")
                .replace("!blk_BL_dating !blk_BL_vpn all</dest>", "!blk_BL_dating !blk_BL_vpn all [ !blk_BL_adult !blk_BL_dating all]</dest>")
                .replace("<name>staff</name>", "<name>slt</name>")
                .replace("!IWF_CAIC !CTIRU !selfharm !blk_BL_adult !blk_BL_mixed_adult !blk_BL_gambling !blk_BL_malware !blk_BL_phishing !blk_BL_agressif all</dest>",
                        "^whitelist all</dest>");
        List<Fact> facts = parseText(webfilter, "pf-webfilter", xml);
        List<String> students = only(facts, BlockedCategory.class).stream().filter(b -> b.policy().equals("students"))
                .map(BlockedCategory::productCategory).toList();
        assertEquals(List.of("adult", "dating"), students, "outside school hours only these stay blocked");
        assertTrue(only(facts, FilterExemption.class).stream().anyMatch(e -> e.kind().equals("policy") && e.subject().equals("slt")));
    }

    @Test
    void versions() throws Exception {
        PfsenseVersionParser p = new PfsenseVersionParser();
        assertEquals(new SoftwareRelease(DEVICE, "pf-version", "pfSense", "2.7.2-RELEASE"),
                one(parse(p, "pf-version", "ce-2.7.2.txt"), SoftwareRelease.class));
        assertEquals("24.03-RELEASE", one(parse(p, "pf-version", "plus-24.03.txt"), SoftwareRelease.class).version());
        for (String g : GARBAGE) rejects(p, "pf-version", g);
        rejects(p, "pf-version", "");
        assertEquals(2, rejects(p, "pf-version", "2.7.2-RELEASE\n2.7.1-RELEASE\n").line());
    }

    @Test
    void rejectsOtherDocumentsAndGarbage() {
        for (String g : GARBAGE) {
            rejects(firewall, "pf-firewall", g);
            rejects(admins, "pf-admins", g);
            rejects(webfilter, "pf-webfilter", g);
        }
        UnrecognisedOutputException opn = rejects(firewall, "pf-firewall", text("opn-firewall", "default-install.txt"));
        assertTrue(opn.getMessage().contains("root element is <opnsense>"), opn.getMessage());
        UnrecognisedOutputException cut = rejects(firewall, "pf-firewall",
                text("pf-firewall", "default-install.txt").substring(0, 2000));
        assertTrue(cut.getMessage().startsWith("not well-formed XML"), cut.getMessage());
        assertTrue(cut.line() > 0);
        assertTrue(rejects(firewall, "pf-firewall", "<pfsense><system/><interfaces><wan/></interfaces></pfsense>")
                .getMessage().contains("no <filter> section"));
        assertTrue(rejects(firewall, "pf-firewall", "<pfsense><system/><interfaces><wan/></interfaces><filter>"
                + "<rule><type>allow</type><interface>wan</interface></rule></filter></pfsense>").getMessage().contains("type 'allow'"));
    }
}
