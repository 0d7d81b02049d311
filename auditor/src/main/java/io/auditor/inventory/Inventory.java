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
 */
public record Inventory(Path file, String school, Path profile, Path waivers, Path knownHosts,
                        Map<String, Credential> credentials, List<Device> devices,
                        Map<String, String> descriptions, Map<String, String> sites) {
    public Inventory {
        credentials = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(credentials));
        devices = List.copyOf(devices);
        descriptions = Map.copyOf(descriptions);
        sites = Map.copyOf(sites);
    }

    public Set<String> deviceIds() {
        return devices.stream().map(Device::id).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }
}
