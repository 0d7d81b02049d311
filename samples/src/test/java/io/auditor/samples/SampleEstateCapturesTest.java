package io.auditor.samples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.auditor.collect.Platform;
import io.auditor.collect.PlatformCatalog;
import io.auditor.collect.Probe;
import io.auditor.model.Device;
import io.auditor.model.Role;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sample estate's captures agree with its inventory and with the platforms' probe definitions, so a
 * renamed probe or a typo in a file name cannot silently turn a sample result into "no capture".
 */
class SampleEstateCapturesTest {
    private static final Path ESTATE = Path.of("estate");
    private static final Path CAPTURES = ESTATE.resolve("captures");
    /** Devices the estate leaves without captures on purpose (see estate/README.md). */
    private static final Set<String> SWITCHED_OFF = Set.of("lt-201");

    private static Map<String, Device> inventory() throws Exception {
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(ESTATE.resolve("inventory.yaml").toFile());
        Map<String, Device> devices = new LinkedHashMap<>();
        for (JsonNode d : root.get("devices")) {
            Set<Role> roles = new HashSet<>();
            for (JsonNode r : d.get("roles")) roles.add(Role.fromYamlName(r.asText()).orElseThrow());
            devices.put(d.get("id").asText(), new Device(d.get("id").asText(), roles, d.get("platform").asText(),
                    null, null, null, "required".equals(d.path("backup").asText())));
        }
        return devices;
    }

    @Test
    void everyCaptureBelongsToAnInventoryDeviceAndOneOfItsProbes() throws Exception {
        Map<String, Device> devices = inventory();
        PlatformCatalog catalog = PlatformCatalog.builtIn();
        try (Stream<Path> folders = Files.list(CAPTURES)) {
            for (Path folder : folders.toList()) {
                String id = folder.getFileName().toString();
                Device device = devices.get(id);
                assertTrue(device != null, "captures/" + id + " has no device in inventory.yaml");
                Platform platform = catalog.find(device.platform()).orElseThrow();
                Set<String> probeIds = new TreeSet<>();
                for (Probe p : platform.probes()) if (p.appliesTo(device)) probeIds.add(p.id());
                try (Stream<Path> files = Files.list(folder)) {
                    for (Path f : files.toList()) {
                        String name = f.getFileName().toString();
                        if (name.equals("capture.properties")) continue;
                        String probe = name.replaceFirst("\\.(txt|exit)$", "");
                        assertTrue(probeIds.contains(probe),
                                "captures/" + id + "/" + name + " is not a probe of " + device.platform()
                                        + " for this device; its probes are " + probeIds);
                    }
                }
            }
        }
    }

    @Test
    void everyDeviceIsCapturedCompletelyExceptTheSwitchedOffLaptop() throws Exception {
        PlatformCatalog catalog = PlatformCatalog.builtIn();
        for (Device device : inventory().values()) {
            Path folder = CAPTURES.resolve(device.id());
            if (SWITCHED_OFF.contains(device.id())) {
                assertTrue(Files.notExists(folder), device.id() + " is meant to have no captures");
                continue;
            }
            assertTrue(Files.isRegularFile(folder.resolve("capture.properties")), device.id() + " capture.properties");
            List<String> missing = catalog.find(device.platform()).orElseThrow().probes().stream()
                    .filter(p -> p.appliesTo(device))
                    .map(Probe::id)
                    .filter(p -> Files.notExists(folder.resolve(p + ".txt")))
                    .toList();
            assertEquals(List.of(), missing, device.id() + " lacks captures");
        }
    }
}
