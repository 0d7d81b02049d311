package io.auditor.collect.parsers;

import io.auditor.model.facts.BlockedCategory;
import io.auditor.model.facts.Fact;
import io.auditor.model.facts.FilterExemption;
import io.auditor.model.facts.FilterPolicy;
import io.auditor.model.facts.FilteredNetwork;
import io.auditor.model.facts.WebFilterStatus;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.auditor.collect.parsers.Samples.*;
import static org.junit.jupiter.api.Assertions.*;

class LinuxWebFilterParserTest {
    private final LinuxWebFilterParser parser = new LinuxWebFilterParser();

    @Test
    void squidGuardWithInterception() throws Exception {
        List<Fact> facts = parse(parser, "webfilter", "squidguard-intercepting.txt");
        WebFilterStatus s = one(facts, WebFilterStatus.class);
        assertEquals("Squid + squidGuard", s.product());
        assertTrue(s.enabled());
        assertEquals(List.of("youtube", "google", "bing"), s.safeSearchEnforced());
        assertEquals(Boolean.TRUE, s.userAttribution(), s.attributionDetail());
        assertTrue(s.attributionDetail().contains("negotiate"));
        assertEquals(Boolean.TRUE, s.loggingEnabled());
        assertEquals(120, s.logRetentionDays());

        Map<String, FilteredNetwork> nets = only(facts, FilteredNetwork.class).stream()
                .collect(Collectors.toMap(FilteredNetwork::network, n -> n));
        FilteredNetwork students = nets.get("eth1.120 (10.20.20.0/23)");
        assertNotNull(students, nets.keySet().toString());
        assertTrue(students.filtered(), students.detail());
        assertEquals(List.of("eth1.120 (10.20.20.0/23)", "guests (10.20.40.0/24)", "localnet (10.20.10.0/23)"),
                nets.keySet().stream().sorted().toList(), "students' acl is covered by the intercepted VLAN");
        assertFalse(nets.get("guests (10.20.40.0/24)").filtered());
        assertTrue(nets.get("guests (10.20.40.0/24)").guest());

        assertEquals(List.of("staff", "students", "default"), only(facts, FilterPolicy.class).stream().map(FilterPolicy::name).toList());
        List<String> staff = only(facts, BlockedCategory.class).stream().filter(b -> b.policy().equals("staff"))
                .map(BlockedCategory::category).toList();
        assertEquals(List.of("child-abuse", "extremism", "adult", "adult", "gambling", "malware", "phishing", "self-harm"), staff);
        assertTrue(only(facts, FilterExemption.class).isEmpty());
    }

    @Test
    void explicitProxyWithoutAuthOrLogs() throws Exception {
        List<Fact> facts = parse(parser, "webfilter", "explicit-proxy-no-auth.txt");
        WebFilterStatus s = one(facts, WebFilterStatus.class);
        assertEquals("Squid", s.product());
        assertEquals(Boolean.FALSE, s.loggingEnabled());
        assertEquals(Boolean.FALSE, s.userAttribution());
        assertEquals(14, s.logRetentionDays(), "weekly, rotate 2");
        assertEquals(List.of(), s.safeSearchEnforced());
        assertFalse(one(facts, FilterPolicy.class).categoriesKnown(), "plain Squid names no categories");
        FilteredNetwork n = one(facts, FilteredNetwork.class);
        assertFalse(n.filtered());
        assertTrue(n.detail().contains("sudo: a password is required"), n.detail());
    }

    @Test
    void aPolicyPassingEverythingIsABypass() throws Exception {
        String out = text("webfilter", "squidguard-intercepting.txt").replace(
                "pass !iwf !extremism !adult !mixed !gambling !malware !phishing !selfharm all\n\t\trewrite safesearch\n\t}\n\n\tstudents",
                "pass all\n\t}\n\n\tstudents");
        List<Fact> facts = parseText(parser, "webfilter", out);
        FilterExemption e = one(facts, FilterExemption.class);
        assertEquals("staff", e.subject());
        assertEquals(List.of("youtube"), one(facts, WebFilterStatus.class).safeSearchEnforced(),
                "the staff acl no longer rewrites searches, so Google and Bing are not forced everywhere");
    }

    @Test
    void rejectsMissingSquidAndSquidGuardConfig() {
        assertTrue(rejects(parser, "webfilter", "==> nft list ruleset <==\ntable inet filter {\n}\n").getMessage()
                .contains("no squid.conf section"));
        String noGuardConf = text("webfilter", "squidguard-intercepting.txt").replace("==> /etc/squidguard/squidGuard.conf <==", "==> /etc/motd <==");
        assertTrue(rejects(parser, "webfilter", noGuardConf).getMessage().contains("no squidGuard.conf section"));
        for (String g : GARBAGE) rejects(parser, "webfilter", g);
        rejects(parser, "webfilter", "");
    }
}
