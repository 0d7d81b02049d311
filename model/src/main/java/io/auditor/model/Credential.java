package io.auditor.model;

import java.util.Map;

/**
 * A named way to log in to devices, from the inventory. Holds only references to secrets (environment
 * variable names, file paths), never a secret itself, so it is safe to log.
 *
 * @param type     {@code ssh} or {@code snmp}
 * @param settings the inventory keys as written (for example {@code privateKey}, {@code passwordEnv},
 *                 {@code version}); file paths already resolved against the inventory's folder
 */
public record Credential(String name, String type, String username, Map<String, String> settings) {
    public Credential {
        settings = Map.copyOf(settings);
    }
}
