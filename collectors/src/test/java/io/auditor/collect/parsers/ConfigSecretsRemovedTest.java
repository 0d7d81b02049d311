package io.auditor.collect.parsers;

import io.auditor.collect.PlatformCatalog;
import io.auditor.collect.Probe;
import io.auditor.model.facts.GroupMember;
import io.auditor.model.facts.WebFilterStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.auditor.collect.parsers.Samples.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The pfSense/OPNsense config.xml probes remove secrets on the device. Their exact command is run here with the
 * system's sed (GNU; the firewalls run FreeBSD's, which accepts the same -E expression) on a config full of
 * secrets: none survives, and the parsers still read the result.
 */
class ConfigSecretsRemovedTest {
    private static final String SECRETS = """
            <?xml version="1.0"?>
            <pfsense>
            	<system>
            		<group><name>admins</name><gid>1999</gid><member>0</member><priv>page-all</priv></group>
            		<user><name>admin</name><bcrypt-hash>$2y$10$SECRET-HASH-1</bcrypt-hash><uid>0</uid></user>
            		<user><name>ops</name><password>$6$SECRET-HASH-2</password><uid>2000</uid><authorizedkeys>SECRET-KEYS-3</authorizedkeys></user>
            		<authserver><ldap_bindpw>SECRET-BIND-4</ldap_bindpw></authserver>
            	</system>
            	<interfaces><wan><enable/><if>em0</if></wan><lan><enable/><if>em1</if><ipaddr>10.0.0.1</ipaddr><subnet>24</subnet></lan></interfaces>
            	<filter><rule><type>pass</type><interface>lan</interface><source><network>lan</network></source><destination><any/></destination><descr>LAN out</descr></rule></filter>
            	<cert><refid>a</refid><crt>PUBLIC-CERT</crt><prv>SECRET-PRIVATE-KEY-5</prv></cert>
            	<openvpn><openvpn-server><tls>SECRET-TLS-6</tls><shared_key>SECRET-SHARED-7</shared_key></openvpn-server></openvpn>
            	<ipsec><phase1><pre-shared-key>SECRET-PSK-8</pre-shared-key></phase1></ipsec>
            	<snmpd><rocommunity>SECRET-COMMUNITY-9</rocommunity></snmpd>
            	<installedpackages>
            		<squid><config><enable_squid>on</enable_squid><active_interface>lan</active_interface><log_enabled>on</log_enabled><log_rotate>90</log_rotate></config></squid>
            		<squidauth><config><auth_method>ldap</auth_method><ldap_pass><![CDATA[SECRET-<LDAP>-10]]></ldap_pass></config></squidauth>
            		<squidguardgeneral><config><squidguard_enable>on</squidguard_enable></config></squidguardgeneral>
            		<squidguarddefault><config><dest>!blk_BL_adult all</dest></config></squidguarddefault>
            	</installedpackages>
            </pfsense>
            """;

    @Test
    void theProbesCommandRemovesEverySecretAndTheConfigStillParses(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("config.xml");
        Files.writeString(config, SECRETS);
        for (String platform : List.of("pfsense", "opnsense")) {
            int checked = 0;
            for (Probe p : PlatformCatalog.builtIn().find(platform).orElseThrow().probes()) {
                if (!p.command().contains("/conf/config.xml")) continue;
                checked++;
                String out = run(p.command().replace("/conf/config.xml", config.toString()));
                assertFalse(out.contains("SECRET"), platform + "/" + p.id() + " let a secret through:\n" + out);
                assertTrue(out.contains("PUBLIC-CERT") && out.contains("LAN out"), "only secrets are removed");
                assertTrue(out.contains("<prv>[removed by auditor]</prv>"), out);
            }
            assertEquals(3, checked, platform + ": the firewall, admins and web-filter probes read config.xml");
        }
        String redacted = run(PlatformCatalog.builtIn().find("pfsense").orElseThrow().probes().get(0).command()
                .replace("/conf/config.xml", config.toString()));
        assertEquals("admin", one(parseText(new PfsenseAdminsParser(), "pf-admins", redacted), GroupMember.class).member());
        assertEquals(Boolean.TRUE, one(parseText(new PfsenseWebFilterParser(), "pf-webfilter", redacted), WebFilterStatus.class)
                .userAttribution());
    }

    @Test
    void anUnreadableConfigFailsWithANonZeroExit(@TempDir Path dir) throws Exception {
        String cmd = PlatformCatalog.builtIn().find("pfsense").orElseThrow().probes().get(0).command()
                .replace("/conf/config.xml", dir.resolve("missing.xml").toString())
                .replace("sudo -n ", "false && ");  // no sudo in the test: the fallback fails as sudo -n would
        Process p = new ProcessBuilder("/bin/sh", "-c", cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(p.waitFor(20, TimeUnit.SECONDS), "the command did not finish");
        assertNotEquals(0, p.exitValue(), "a failed read must not look like an empty configuration");
    }

    /** Runs the command with its output in a file, so a hung command fails the test instead of blocking it. */
    private static String run(String command) throws Exception {
        Path out = Files.createTempFile("probe", ".out");
        try {
            Process p = new ProcessBuilder("/bin/sh", "-c", command).redirectErrorStream(true)
                    .redirectOutput(out.toFile()).start();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("the command did not finish in 20 s: " + command);
            }
            String text = Files.readString(out, StandardCharsets.UTF_8);
            assertEquals(0, p.exitValue(), text);
            return text;
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
