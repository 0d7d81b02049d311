package io.auditor.rules;

import io.auditor.model.PolicyProfile;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Version order, address ranges and the end-of-support table used by FW-04, PATCH-03 and INV-01. */
class NetworkReleasesTest {

    static PolicyProfile profile(Map<String, Object> overrides) {
        Map<String, Object> values = new HashMap<>(ProfileLoader.defaults().values());
        values.putAll(overrides);
        return new PolicyProfile("test", "", values);
    }

    @Test
    void versionsCompareNumberByNumber() {
        List<String> sorted = List.of("2.9", "2.10", "8.5.182.0", "8.10.185.0", "15.2(7)", "15.2(7)E4", "15.2(7)E10", "17.09.04");
        for (int i = 0; i + 1 < sorted.size(); i++) {
            assertTrue(Versions.compare(sorted.get(i), sorted.get(i + 1)) < 0, sorted.get(i) + " < " + sorted.get(i + 1));
            assertTrue(Versions.compare(sorted.get(i + 1), sorted.get(i)) > 0);
        }
        assertEquals(0, Versions.compare("17.9.4", "17.09.04"), "leading zeros do not count");
        assertEquals(0, Versions.compare("2.7.2", "2.7.2"));
        assertTrue(Versions.compare("2.7.2-RELEASE", "2.7.2") > 0);
        assertTrue(Versions.compare("12345678901234567890.1", "9.1") > 0, "numbers longer than a long");
        assertTrue(Versions.below("15.2(7)E4", "15.2(7)E10"));
        assertFalse(Versions.below("15.2(7)E10", "15.2(7)E10"));
    }

    @Test
    void releaseLines() {
        assertTrue(Versions.inLine("12.7", "12"));
        assertTrue(Versions.inLine("12", "12"));
        assertFalse(Versions.inLine("120.1", "12"));
        assertTrue(Versions.inLine("15.2(7)E4", "15.2"));
        assertFalse(Versions.inLine("15.20", "15.2"));
        assertTrue(Versions.inLine("23H2 (10.0.22631.4460)", "23H2"));
        assertTrue(Versions.inLine("anything", "*"));
    }

    @Test
    void addressRanges() {
        assertTrue(NetworkAddresses.inRange("10.20.201.17", "10.20.200.0/22"));
        assertFalse(NetworkAddresses.inRange("10.20.204.1", "10.20.200.0/22"));
        assertTrue(NetworkAddresses.inRange("10.20.0.1", "10.20.0.1"));
        assertTrue(NetworkAddresses.inRange("2001:db8::5", "2001:db8::/32"));
        assertFalse(NetworkAddresses.inRange("10.0.0.1", "2001:db8::/32"));
        assertFalse(NetworkAddresses.inRange("10.0.0.1", "10.0.0.0/33"));
        assertFalse(NetworkAddresses.inRange("printer.local", "10.0.0.0/8"), "names are never looked up");
        assertFalse(NetworkAddresses.validRange("10.0.0.0/x"));
        assertTrue(NetworkAddresses.validRange("0.0.0.0/0"));
        PolicyProfile p = profile(Map.of("network.approvedRanges", List.of("10.20.200.0/22"),
                "network.approvedMacs", List.of("00:1b:21:*")));
        assertTrue(NetworkAddresses.inRanges(p, "network.approvedRanges", "10.20.203.255"));
        assertFalse(NetworkAddresses.inRanges(p, "network.approvedRanges", null));
        assertTrue(NetworkAddresses.macApproved(p, "network.approvedMacs", "00:1B:21:3a:4f:30"));
        assertEquals("3C:22:FB", NetworkAddresses.vendorPrefix("3c:22:fb:7a:01:99"));
        assertEquals("unknown", NetworkAddresses.vendorPrefix(null));
    }

    @Test
    void minimumVersionsFromTheProfile() {
        PolicyProfile p = profile(Map.of("firmware.minimumVersions", List.of("Cisco IOS XE=17.9.4", "cisco ios=15.2(7)E10",
                "AIR-CT*=8.10.190.0", "broken entry")));
        assertEquals("15.2(7)E10", Releases.minimum(p, "Cisco IOS"));
        assertEquals("17.9.4", Releases.minimum(p, "Cisco IOS XE"));
        assertEquals("8.10.190.0", Releases.minimum(p, "AIR-CT3504-K9"));
        assertNull(Releases.minimum(p, "pfSense"));
        assertTrue(Releases.belowMinimum(p, "AIR-CT3504-K9", "8.10.185.0"));
        assertFalse(Releases.belowMinimum(p, "pfSense", "1.0"), "no minimum is not 'below'");
    }

    @Test
    void endOfSupportTableAndProfileRows() {
        PolicyProfile defaults = ProfileLoader.defaults();
        Releases.EndOfSupport debian10 = Releases.endOfSupport(defaults, "Debian GNU/Linux", "10");
        assertEquals(LocalDate.of(2024, 6, 30), debian10.ends());
        assertTrue(debian10.pastOn(Instant.parse("2024-07-01T00:00:00Z")));
        assertFalse(debian10.pastOn(Instant.parse("2024-06-30T23:59:59Z")), "support lasts to the end of the day");
        assertTrue(Releases.supported(defaults, "Debian GNU/Linux", "12.7", Instant.parse("2026-11-20T02:00:00Z")));
        assertTrue(Releases.supportEnded(defaults, "Microsoft Windows 10 Pro", "10.0.19045", Instant.parse("2026-11-20T02:00:00Z")));
        assertNull(Releases.endOfSupport(defaults, "Cisco IOS", "15.2(7)E4"));
        PolicyProfile school = profile(Map.of("support.endOfSupport", List.of("Cisco IOS | 15.2 | 2027-10-31",
                "Debian GNU/Linux | 12 | 2026-01-01")));
        assertEquals(LocalDate.of(2027, 10, 31), Releases.endOfSupport(school, "Cisco IOS", "15.2(7)E4").ends());
        assertEquals("school profile", Releases.endOfSupport(school, "Debian GNU/Linux", "12.7").source(),
                "the school's row takes precedence over the shipped one");
        assertTrue(Releases.table().size() >= 15);
        for (Releases.EndOfSupport row : Releases.table()) assertTrue(row.source().startsWith("https://"), row.toString());
    }
}
