package io.auditor.collect;

import io.auditor.model.Device;

import java.util.List;

/**
 * One read-only command (or, for SNMP, a set of OIDs) run on a device, and the parser for its output.
 * Declared as data in a platform file, never in code.
 *
 * @param id      stable name; also the capture file name ({@code <id>.txt})
 * @param topic   the fact topic it supplies, for example {@code updates}, {@code anti-malware}
 * @param command the command line sent to the device
 * @param parser  id of the {@link Parser} that reads its output
 * @param roles   run only on devices with one of these roles (inventory spelling); empty for every device, so
 *                that a workstation is not asked for server backup state it cannot have
 */
public record Probe(String id, String topic, String command, String parser, String description, List<String> roles) {
    public Probe {
        roles = roles == null ? List.of() : List.copyOf(roles);
    }

    public Probe(String id, String topic, String command, String parser, String description) {
        this(id, topic, command, parser, description, List.of());
    }

    public boolean appliesTo(Device device) {
        return roles.isEmpty() || device.hasAnyRole(roles.toArray(String[]::new));
    }
}
