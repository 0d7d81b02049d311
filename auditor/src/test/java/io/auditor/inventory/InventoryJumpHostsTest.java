package io.auditor.inventory;

import io.auditor.model.InputProblem;
import io.auditor.model.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code via:} on a device and {@code sites:} defaults: who is reached through which jump host, and the errors. */
class InventoryJumpHostsTest {
    static final Set<String> PLATFORMS = Set.of("debian", "windows", "snmp-generic", "rhel");
    static final String HEAD = """
            school: Example Academy
            credentials:
              linux-audit: { type: ssh, username: auditor, passwordEnv: PW }
              snmp-ro: { type: snmp, version: 2c, communityEnv: COMMUNITY }
            """;

    @TempDir
    Path dir;

    Inventory load(String text) throws Exception {
        Path f = dir.resolve("inventory.yaml");
        Files.writeString(f, text);
        return new InventoryLoader(PLATFORMS).load(f, false);
    }

    List<String> problems(String text) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> load(text));
        return e.problems().stream().map(InputProblem::format).toList();
    }

    @Test
    void siteDefaultsApplyAndADeviceCanOverrideOrOptOut() throws Exception {
        Inventory inv = load(HEAD + """
                sites:
                  north: { via: jump-n, description: North campus }
                  south: {}
                devices:
                  - { id: jump-n, roles: [server], platform: rhel, address: 10.9.0.1, credentials: linux-audit, site: north }
                  - { id: jump-x, roles: [server], platform: rhel, address: 10.9.0.2, credentials: linux-audit }
                  - { id: srv-1, roles: [server], platform: debian, address: 10.9.1.1, credentials: linux-audit, site: north }
                  - { id: srv-2, roles: [server], platform: debian, address: 10.9.1.2, credentials: linux-audit, site: north, via: jump-x }
                  - { id: srv-3, roles: [server], platform: debian, address: 10.9.1.3, credentials: linux-audit, site: north, via: direct }
                  - { id: srv-4, roles: [server], platform: debian, address: 10.9.1.4, credentials: linux-audit, site: south }
                """);
        assertEquals(Map.of("srv-1", "jump-n", "srv-2", "jump-x"), inv.via());
        assertEquals("jump-n", inv.jumpHostOf("srv-1").id());
        assertNull(inv.jumpHostOf("jump-n"), "a jump host is not reached through itself");
        assertNull(inv.jumpHostOf("srv-3"));
        assertNull(inv.jumpHostOf("srv-4"));
    }

    @Test
    void badJumpHostsAreReportedWithTheirLineAndWhatToWrite() {
        List<String> p = problems(HEAD + """
                sites:
                  north: { via: jump-n, gateway: x }
                devices:
                  - { id: jump-n, roles: [server], platform: rhel, address: 10.9.0.1, credentials: linux-audit, via: jump-y }
                  - { id: jump-y, roles: [server], platform: rhel, address: 10.9.0.3, credentials: linux-audit }
                  - { id: srv-1, roles: [server], platform: debian, address: 10.9.1.1, credentials: linux-audit, via: jump-m }
                  - { id: srv-2, roles: [server], platform: debian, address: 10.9.1.2, credentials: linux-audit, site: nroth }
                  - { id: sw-1, roles: [switch], platform: snmp-generic, address: 10.9.2.1, credentials: snmp-ro, via: jump-y }
                  - { id: srv-3, roles: [server], platform: debian, address: 10.9.1.3, credentials: linux-audit, via: jump-n }
                  - { id: jump-z, roles: [server], platform: rhel, credentials: linux-audit }
                  - { id: srv-4, roles: [server], platform: debian, address: 10.9.1.4, credentials: linux-audit, via: jump-z }
                """);
        String all = String.join("\n", p);
        assertTrue(all.contains(":6:") && all.contains("unknown key 'gateway' in site 'north'"), all);
        assertTrue(all.contains("jump host 'jump-m' (for device 'srv-1') is not a device of this inventory")
                && all.contains("did you mean 'jump-n'?"), all);
        assertTrue(all.contains("site 'nroth' is not listed under 'sites:'") && all.contains("did you mean 'north'?"), all);
        assertTrue(all.contains("only SSH devices can be reached through a jump host"), all);
        assertTrue(all.contains("jump host 'jump-n' is itself reached via 'jump-y'; chains of jump hosts are not supported"), all);
        assertTrue(all.contains("jump host 'jump-z' has no address"), all);
        for (String line : p) assertTrue(line.startsWith(dir.resolve("inventory.yaml").toString() + ":"), line);
    }
}
