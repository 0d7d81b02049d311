package io.auditor.inventory;

import io.auditor.model.InputProblem;
import io.auditor.model.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SNMP credentials are checked when the inventory is read, so a typo stops the scan before any device is asked. */
class SnmpInventoryTest {
    @TempDir
    Path dir;

    List<InputProblem> problems(String credential) throws Exception {
        Path file = dir.resolve("inventory.yaml");
        Files.writeString(file, "school: Test\ncredentials:\n  snmp-ro: " + credential + "\ndevices:\n"
                + "  - { id: sw-core, roles: [switch], platform: snmp-generic, address: 10.0.0.2, credentials: snmp-ro }\n");
        return assertThrows(InvalidInputException.class,
                () -> new InventoryLoader(Set.of("snmp-generic")).load(file, false)).problems();
    }

    @Test
    void unknownAuthProtocolIsAnInputError() throws Exception {
        List<InputProblem> ps = problems("{ type: snmp, version: 3, username: audit, authProtocol: SHA-1024, "
                + "authPasswordEnv: A }");
        assertEquals(1, ps.size(), ps::toString);
        InputProblem p = ps.get(0);
        assertEquals(3, p.line());
        assertTrue(p.format().contains("unknown SNMPv3 authProtocol 'SHA-1024'"), p.format());
        assertTrue(p.format().contains("SHA-256"), p.format());
    }

    @Test
    void unknownPrivProtocolIsAnInputError() throws Exception {
        List<InputProblem> ps = problems("{ type: snmp, version: 3, username: audit, authProtocol: SHA, authPasswordEnv: A, "
                + "privProtocol: 3DES, privPasswordEnv: P }");
        assertEquals(1, ps.size(), ps::toString);
        assertTrue(ps.get(0).format().contains("unknown SNMPv3 privProtocol '3DES'"), ps.get(0).format());
    }

    @Test
    void privacyWithoutAuthenticationIsRefused() throws Exception {
        List<InputProblem> ps = problems("{ type: snmp, version: 3, username: audit, privProtocol: AES, privPasswordEnv: P }");
        assertEquals(1, ps.size(), ps::toString);
        assertTrue(ps.get(0).format().contains("privacy without authentication"), ps.get(0).format());
    }

    @Test
    void validV3AndV2cCredentialsLoad() throws Exception {
        Path file = dir.resolve("ok.yaml");
        Files.writeString(file, """
                school: Test
                credentials:
                  v3: { type: snmp, version: 3, username: audit, authProtocol: sha-256, authPasswordEnv: A, privProtocol: AES-256, privPasswordEnv: P }
                  v2: { type: snmp, version: 2c, communityEnv: C }
                devices:
                  - { id: sw-core, roles: [switch], platform: snmp-generic, address: 10.0.0.2, credentials: v3 }
                  - { id: sw-edge, roles: [switch], platform: snmp-generic, address: 10.0.0.3, port: 1161, credentials: v2 }
                """);
        Inventory inv = new InventoryLoader(Set.of("snmp-generic")).load(file, false);
        assertEquals("AES-256", inv.credentials().get("v3").settings().get("privProtocol"));
        assertEquals(1161, inv.devices().get(1).port());
    }
}
