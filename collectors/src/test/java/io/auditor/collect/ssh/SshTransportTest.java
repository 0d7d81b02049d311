package io.auditor.collect.ssh;

import io.auditor.collect.CollectionException;
import io.auditor.model.Credential;
import io.auditor.model.Device;
import io.auditor.model.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Devices the SSH transport cannot try are refused with what to fix, before any connection is attempted. */
class SshTransportTest {
    @TempDir
    Path dir;

    private SshTransport transport() throws Exception {
        Path knownHosts = dir.resolve("known_hosts");
        return new SshTransport(SshSettings.defaults(knownHosts), KnownHostsFile.load(knownHosts),
                Map.of("snmp-ro", new Credential("snmp-ro", "snmp", null, Map.of("communityEnv", "C"))), null);
    }

    @Test
    void aDeviceWithoutCredentialsIsToldToNameOne() throws Exception {
        Device d = new Device("srv-01", Set.of(Role.SERVER), "debian", "192.0.2.10", null, null, false);
        CollectionException e = assertThrows(CollectionException.class, () -> transport().open(d));
        assertEquals("device srv-01 has no SSH credentials: add 'credentials: NAME' naming an ssh credential of the "
                + "inventory", e.getMessage());
    }

    @Test
    void aCredentialOfAnotherTypeIsNamed() throws Exception {
        Device d = new Device("srv-01", Set.of(Role.SERVER), "debian", "192.0.2.10", null, "snmp-ro", false);
        CollectionException e = assertThrows(CollectionException.class, () -> transport().open(d));
        assertEquals("credential 'snmp-ro' of srv-01 is snmp, not ssh", e.getMessage());
    }
}
