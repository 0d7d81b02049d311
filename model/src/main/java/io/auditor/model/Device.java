package io.auditor.model;

import java.util.Objects;
import java.util.Set;

/**
 * A device recorded in the inventory. Also inserted as a fact so rules can match on roles.
 *
 * @param backupRequired inventory {@code backup: required}: the device holds data that must be backed up
 */
public record Device(String id, Set<Role> roles, String platform, String address, Integer port,
                     String credentials, boolean backupRequired) {
    public Device {
        Objects.requireNonNull(id, "id");
        roles = Set.copyOf(roles);
        Objects.requireNonNull(platform, "platform");
    }

    public boolean hasRole(Role role) { return roles.contains(role); }

    /** True when the device has any of the named roles (inventory spelling), as used in rule scopes. */
    public boolean hasAnyRole(String... names) {
        for (String n : names) {
            if (Role.fromYamlName(n).map(roles::contains).orElse(false)) return true;
        }
        return false;
    }

    /** Its backups must succeed: marked {@code backup: required} in the inventory, or a backup server. */
    public boolean backupExpected() {
        return backupRequired || hasRole(Role.BACKUP_SERVER);
    }

    /** Servers, workstations and laptops. */
    public boolean isEndpoint() {
        return hasRole(Role.SERVER) || hasRole(Role.WORKSTATION) || hasRole(Role.LAPTOP);
    }
}
