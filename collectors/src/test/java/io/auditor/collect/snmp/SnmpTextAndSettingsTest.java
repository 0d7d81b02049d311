package io.auditor.collect.snmp;

import io.auditor.collect.CollectionException;
import io.auditor.collect.UnrecognisedOutputException;
import io.auditor.model.Credential;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snmp4j.smi.Counter64;
import org.snmp4j.smi.Gauge32;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.IpAddress;
import org.snmp4j.smi.Null;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.TimeTicks;
import org.snmp4j.smi.VariableBinding;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The snmpwalk -On text format both ways, probe commands, credentials, OID maps and sysDescr patterns. */
class SnmpTextAndSettingsTest {

    @Test
    void formatsValuesAsNetSnmpPrintsThem() {
        assertEquals(".1.3.6.1.2.1.1.5.0 = STRING: \"sw \\\"core\\\"\"",
                WalkText.format(new VariableBinding(new OID("1.3.6.1.2.1.1.5.0"), new OctetString("sw \"core\""))));
        assertEquals(".1.3.6.1.2.1.2.2.1.6.2 = Hex-STRING: 06 27 13 55 CB 92 ",
                WalkText.format(new VariableBinding(new OID("1.3.6.1.2.1.2.2.1.6.2"),
                        OctetString.fromHexString("06:27:13:55:cb:92"))));
        assertEquals(".1.3.6.1.2.1.1.3.0 = Timeticks: (150) 0:00:01.50",
                WalkText.format(new VariableBinding(new OID("1.3.6.1.2.1.1.3.0"), new TimeTicks(150))));
        assertEquals("Timeticks: (1234567890) 142 days, 21:21:18.90", WalkText.timeticks(1234567890));
        assertEquals("Timeticks: (8640000) 1 day, 0:00:00.00", WalkText.timeticks(8640000));
        assertEquals("IpAddress: 10.20.0.1", WalkText.formatValue(new IpAddress("10.20.0.1")));
        assertEquals("\"\"", WalkText.formatValue(new OctetString()));
        assertEquals("NULL", WalkText.formatValue(new Null()));
        assertEquals("OID: .1.3.6.1.4.1.9", WalkText.formatValue(new OID("1.3.6.1.4.1.9")));
        assertEquals("Gauge32: 7", WalkText.formatValue(new Gauge32(7)));
        assertEquals("Counter64: 18446744073709551615", WalkText.formatValue(new Counter64(-1L)));
    }

    @Test
    void parsesWhatItFormatsBackToTheSameValues() throws Exception {
        List<VariableBinding> vbs = List.of(
                new VariableBinding(new OID("1.3.6.1.2.1.1.1.0"), new OctetString("two\nlines with \"quotes\" and \\")),
                new VariableBinding(new OID("1.3.6.1.2.1.1.3.0"), new TimeTicks(42)),
                new VariableBinding(new OID("1.3.6.1.2.1.2.2.1.6.3"), OctetString.fromHexString("00:1b:21:3a:4f:30")),
                new VariableBinding(new OID("1.3.6.1.2.1.2.2.1.7.3"), new Integer32(-5)),
                new VariableBinding(new OID("1.3.6.1.2.1.4.22.1.3.1.10.0.0.1"), new IpAddress("10.0.0.1")),
                new VariableBinding(new OID("1.3.6.1.2.1.1.2.0"), new OID("1.3.6.1.4.1.9.1.1208")));
        StringBuilder text = new StringBuilder();
        for (VariableBinding vb : vbs) text.append(WalkText.format(vb)).append('\n');
        List<WalkEntry> entries = WalkText.parse(text.toString());
        assertEquals(vbs.size(), entries.size());
        for (int i = 0; i < vbs.size(); i++) assertEquals(vbs.get(i), WalkText.toBinding(entries.get(i)), entries.get(i).toString());
        assertEquals("00:1b:21:3a:4f:30", entries.get(2).mac());
        assertEquals(2, entries.get(1).line() - 1, "the string over two lines moves the next entry down");
    }

    @Test
    void readsMibStyleMacsAndRejectsOtherText() throws Exception {
        WalkEntry e = WalkText.parse(".1.3.6.1.2.1.4.22.1.2.1.10.0.0.1 = STRING: 0:50:56:c0:0:8\n").get(0);
        assertEquals("00:50:56:c0:00:08", e.mac());
        UnrecognisedOutputException x = assertThrows(UnrecognisedOutputException.class,
                () -> WalkText.parse("Timeout: No Response from 10.0.0.1\n"));
        assertEquals(1, x.line());
        assertEquals(List.of(), WalkText.parse("# a comment\n\n"));
    }

    @Test
    void probeCommands() {
        assertEquals(new SnmpCommand("walk", List.of("1.3.6.1.2.1.1", "1.0.8802.1.1.2")),
                SnmpCommand.parse("walk .1.3.6.1.2.1.1  1.0.8802.1.1.2"));
        assertEquals(new SnmpCommand("default-communities", List.of()), SnmpCommand.parse("default-communities"));
        assertEquals(new SnmpCommand("map", List.of("cisco-aireos-wlan")), SnmpCommand.parse("map cisco-aireos-wlan"));
        for (String bad : List.of("", "walk", "walk sysDescr", "set 1.3.6.1.2.1.1.5.0 x", "map", "default-communities x")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SnmpCommand.parse(bad), bad);
            assertFalse(e.getMessage().isBlank());
        }
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SnmpCommand.parse("set 1.3.6 x")).getMessage()
                .contains("write one of walk, get, default-communities, map"), "writes are not a command");
    }

    @Test
    void credentialsReadSecretsFromEnvironmentOrFileAndNeverShowThem(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("community.txt");
        Files.writeString(file, "s3cret-community\n");
        SnmpSettings v2 = SnmpSettings.of(new Credential("legacy", "snmp", null,
                Map.of("version", "2c", "communityFile", file.toString())), k -> null);
        assertEquals("s3cret-community", new String(v2.community()));
        assertFalse(v2.toString().contains("s3cret"));
        SnmpSettings v3 = SnmpSettings.of(new Credential("v3", "snmp", "audit", Map.of("version", "3",
                "authProtocol", "sha-256", "authPasswordEnv", "A", "privProtocol", "AES256", "privPasswordEnv", "P")),
                Map.of("A", "auth-secret-1", "P", "priv-secret-1")::get);
        assertEquals("v3 authPriv (SHA-256/AES-256)", v3.describe());
        assertFalse(v3.toString().contains("secret"));
        CollectionException missing = assertThrows(CollectionException.class, () -> SnmpSettings.of(new Credential("v3",
                "snmp", "audit", Map.of("version", "3", "authPasswordEnv", "A")), k -> null));
        assertTrue(missing.getMessage().contains("environment variable A (authPasswordEnv of credential 'v3') is not set"));
        CollectionException shortPass = assertThrows(CollectionException.class, () -> SnmpSettings.of(new Credential("v3",
                "snmp", "audit", Map.of("version", "3", "authPasswordEnv", "A")), Map.of("A", "short")::get));
        assertTrue(shortPass.getMessage().contains("shorter than 8"));
        assertFalse(shortPass.getMessage().contains("short\""));
        CollectionException badProto = assertThrows(CollectionException.class, () -> SnmpSettings.of(new Credential("v3",
                "snmp", "audit", Map.of("version", "3", "authProtocol", "SHA-1024", "authPasswordEnv", "A")),
                Map.of("A", "long-enough-1")::get));
        assertTrue(badProto.getMessage().contains("authProtocol 'SHA-1024' is not supported"));
        assertEquals("v3 authNoPriv (SHA)", SnmpSettings.of(new Credential("v3", "snmp", "audit",
                Map.of("version", "3", "authPasswordEnv", "A")), Map.of("A", "long-enough-1")::get).describe());
    }

    @Test
    void shippedOidMapsAndReleasePatternsAreValidAndTheirExamplesMatch() throws Exception {
        OidMap aireos = OidMaps.builtIn().find("cisco-aireos-wlan").orElseThrow();
        assertEquals("WirelessNetwork", aireos.fact());
        assertEquals(7, aireos.walkedOids().size(), "the static WEP column is walked once though listed twice");
        // Each example in releases.yaml gives its own product.
        String yaml = new String(getClass().getClassLoader().getResourceAsStream(SoftwareReleasePatterns.RESOURCE).readAllBytes());
        var tree = new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()).readTree(yaml);
        int n = 0;
        for (var row : tree.get("releases")) {
            var found = SoftwareReleasePatterns.builtIn().match(row.get("example").asText());
            assertTrue(found.isPresent(), row.toString());
            assertEquals(row.get("product").asText(), found.get().product(), row.toString());
            n++;
        }
        assertTrue(n >= 5);
        assertEquals("17.3.4", SoftwareReleasePatterns.builtIn()
                .match("Cisco IOS Software [Amsterdam], Catalyst L3 Switch Software (CAT9K_IOSXE), Version 17.3.4, RELEASE SOFTWARE (fc3)")
                .orElseThrow().version());
    }

    @Test
    void aMalformedOidMapIsRefusedWithTheFileAndProblem() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> OidMaps.load(getClass().getClassLoader(), "io/auditor/collect/snmp/bad-maps"));
        assertTrue(e.getMessage().contains("bad-maps/broken.yaml"), e.getMessage());
        assertTrue(e.getMessage().contains("WirelessNetwork has no field 'passphrase'"), e.getMessage());
        assertTrue(e.getMessage().contains("oid 'ssid-column' is not numeric"), e.getMessage());
    }
}
