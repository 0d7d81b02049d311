package io.auditor.scan;

import io.auditor.collect.LiveTransport;
import io.auditor.collect.Transport;
import io.auditor.collect.snmp.SnmpLimits;
import io.auditor.collect.snmp.SnmpTransport;
import io.auditor.collect.ssh.KnownHostsFile;
import io.auditor.collect.ssh.SshSettings;
import io.auditor.collect.ssh.SshTransport;
import io.auditor.inventory.Inventory;
import io.auditor.model.Credential;
import io.auditor.model.Device;
import io.auditor.model.InputProblem;
import io.auditor.model.InvalidInputException;

import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The transports of a live scan, chosen per device by its credential's {@code type}. This is the one place a
 * transport is registered: {@code ssh} here, {@code snmp} beside it.
 */
public final class LiveCollection {
    private LiveCollection() {}

    /**
     * @throws InvalidInputException when the inventory cannot be scanned live as written (SSH devices but no
     *                               knownHosts, an unreadable known_hosts): reported before any device is contacted
     */
    public static Transport transport(Inventory inventory, SshSettings ssh) throws InvalidInputException {
        Map<String, Transport> byType = new LinkedHashMap<>();
        if (usesType(inventory, "ssh")) {
            byType.put("ssh", new SshTransport(ssh, knownHosts(inventory), inventory.credentials(),
                    inventory::jumpHostOf));
        }
        // --command-timeout bounds an SNMP probe (a whole walk) as it bounds an SSH command.
        byType.put("snmp", new SnmpTransport(inventory.credentials(),
                SnmpLimits.DEFAULTS.withProbeTimeout(ssh.commandTimeout()), System::getenv, Clock.systemUTC()));
        return new LiveTransport(inventory.credentials(), byType);
    }

    private static KnownHostsFile knownHosts(Inventory inventory) throws InvalidInputException {
        String where = inventory.file().toString();
        if (inventory.knownHosts() == null) {
            throw new InvalidInputException(List.of(new InputProblem(where, 1, 1,
                    "SSH devices are listed but the inventory names no 'knownHosts' file, so their host keys "
                            + "cannot be verified",
                    "add 'knownHosts: known_hosts' at the top, create the file (it may start empty) and run once "
                            + "with --trust-new-hosts, checking the fingerprints it prints")));
        }
        try {
            return KnownHostsFile.load(inventory.knownHosts());
        } catch (IOException e) {
            throw new InvalidInputException(List.of(new InputProblem(inventory.knownHosts().toString(), 0, 0,
                    "cannot read the known_hosts file: " + e.getMessage(),
                    "check the file exists and is readable; it holds lines as written by ssh-keyscan")));
        }
    }

    private static boolean usesType(Inventory inventory, String type) {
        for (Device d : inventory.devices()) {
            Credential c = d.credentials() == null ? null : inventory.credentials().get(d.credentials());
            if (c != null && type.equals(c.type())) return true;
        }
        return false;
    }
}
