package io.auditor.model;

import java.util.Arrays;
import java.util.Optional;

/** What a device is for in the estate; controls are scoped by role. Names are the inventory's spelling. */
public enum Role {
    FIREWALL("firewall"),
    WEBFILTER("webfilter"),
    SERVER("server"),
    DOMAIN_CONTROLLER("domain-controller"),
    BACKUP_SERVER("backup-server"),
    WORKSTATION("workstation"),
    LAPTOP("laptop"),
    SWITCH("switch"),
    WIRELESS("wireless"),
    VC_ENDPOINT("vc-endpoint");

    private final String yamlName;

    Role(String yamlName) { this.yamlName = yamlName; }

    public String yamlName() { return yamlName; }

    public static Optional<Role> fromYamlName(String name) {
        return Arrays.stream(values()).filter(r -> r.yamlName.equals(name)).findFirst();
    }

    @Override public String toString() { return yamlName; }
}
