package io.auditor.model.facts;

/**
 * A package or program the device reports installed (HOST-RESOURCES-MIB hrSWInstalledTable).
 *
 * @param name as the agent reports it, for example {@code openssl_3.0.15-1~deb12u1_amd64}
 */
public record InstalledSoftware(String deviceId, String source, String name) implements Fact {
}
