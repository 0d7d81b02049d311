package io.auditor.inventory;

import io.auditor.model.Credential;
import io.auditor.model.Device;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A validated inventory. Every path is absolute, resolved against the inventory file's folder.
 *
 * @param profile      the policy profile file, or null for the built-in defaults
 * @param waivers      the waivers file, or null when there are none
 * @param knownHosts   SSH host keys to verify against, or null
 * @param credentials  by name, in the order written
 * @param devices      in the order written (reports and progress follow it)
 * @param descriptions device id to its free-text {@code description}, for devices that have one
 * @param sites        device id to its {@code site}, for devices that have one
 * @param via          device id to the id of the SSH jump host it is reached through (its own {@code via:} or its
 *                     site's), for devices that have one; validated: the jump host is an SSH device of this inventory
 */
public record Inventory(Path file, String school, Path profile, Path waivers, Path knownHosts,
                        Map<String, Credential> credentials, List<Device> devices,
                        Map<String, String> descriptions, Map<String, String> sites, Map<String, String> via) {
    public Inventory {
        credentials = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(credentials));
        devices = List.copyOf(devices);
        descriptions = Map.copyOf(descriptions);
        sites = Map.copyOf(sites);
        via = Map.copyOf(via);
    }

    /** {@code p} relative to the working folder when inside it, so messages show a path as the user typed it. */
    public static Path shown(Path p) {
        Path cwd = Path.of("").toAbsolutePath();
        Path abs = p.toAbsolutePath().normalize();
        return abs.startsWith(cwd) ? cwd.relativize(abs) : abs;
    }

    /** The device {@code deviceId} is reached through, or null when it is contacted directly. */
    public Device jumpHostOf(String deviceId) {
        String jump = via.get(deviceId);
        if (jump == null) return null;
        for (Device d : devices) if (d.id().equals(jump)) return d;
        return null;
    }

    public Set<String> deviceIds() {
        return devices.stream().map(Device::id).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }
}
