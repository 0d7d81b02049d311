package io.auditor.model.facts;

/**
 * Encryption of one volume.
 *
 * @param volume    for example {@code C:}
 * @param system    the operating system's volume
 * @param protectionOn the volume is fully encrypted and its key is protected (not suspended, not in the clear);
 *                  null when the state could not be read (for example a locked volume)
 * @param detail    the tool's own words, for evidence
 */
public record DiskEncryption(String deviceId, String source, String volume, boolean system, Boolean protectionOn,
                             String detail) implements Fact {
}
