package io.auditor.collect.parsers;

import io.auditor.model.facts.BlockedCategory;
import io.auditor.model.facts.Fact;
import io.auditor.model.facts.FilterExemption;
import io.auditor.model.facts.FilterPolicy;
import io.auditor.model.facts.FilteredNetwork;
import io.auditor.model.facts.WebFilterStatus;
import io.auditor.collect.PlatformCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

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

    /** The probe's exact command, run here on files in a temporary folder: passwords never leave the host. */
    @Test
    void theProbeRemovesPasswordsAndItsOutputParses(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("squid/conf.d"));
        Files.createDirectories(dir.resolve("squidguard"));
        Files.createDirectories(dir.resolve("logrotate.d"));
        Files.writeString(dir.resolve("squid/squid.conf"), """
                auth_param basic program /usr/lib/squid/basic_ldap_auth -b dc=school -D cn=proxy -w Hunter2-SECRET -h dc1
                acl staff proxy_auth REQUIRED
                acl localnet src 10.0.0.0/8
                http_access allow localnet staff
                http_port 3128
                cache_peer upstream.example parent 3128 0 login=proxyuser:Peer-SECRET
                url_rewrite_program /usr/bin/squidGuard
                """);
        Files.writeString(dir.resolve("squidguard/squidGuard.conf"), """
                ldapbindpass Bind-SECRET
                dest adult {
                	domainlist adult/domains
                }
                acl {
                	default {
                		pass !adult all
                	}
                }
                """);
        Files.writeString(dir.resolve("logrotate.d/squid"), "/var/log/squid/*.log {\n\tdaily\n\trotate 100\n}\n");
        String command = PlatformCatalog.builtIn().find("debian").orElseThrow().probes().stream()
                .filter(p -> p.id().equals("webfilter")).findFirst().orElseThrow().command()
                .replace("/etc/squid/", dir.resolve("squid") + "/")
                .replace("/etc/squidguard/", dir.resolve("squidguard") + "/")
                .replace("/etc/logrotate.d/", dir.resolve("logrotate.d") + "/");
        Process p = new ProcessBuilder("/bin/sh", "-c", command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(20, TimeUnit.SECONDS), "the command did not finish");
        assertFalse(out.contains("SECRET"), out);
        assertTrue(out.contains("-w [removed by auditor]"), out);
        List<Fact> facts = parseText(parser, "webfilter", out);
        WebFilterStatus s = one(facts, WebFilterStatus.class);
        assertEquals(100, s.logRetentionDays());
        assertEquals(Boolean.TRUE, s.userAttribution());
        assertEquals(List.of("adult"), only(facts, BlockedCategory.class).stream().map(BlockedCategory::category).toList());
    }
}
