package io.auditor.model.facts;

/**
 * The operating system or firmware release a device reports running, checked against minimum versions
 * (FW-04) and the end-of-support table (PATCH-03).
 *
 * @param product the product as the vendor names it, for example {@code Debian GNU/Linux}, {@code pfSense},
 *                {@code Cisco IOS}, {@code RoomOS}
 * @param version the version string exactly as reported, for example {@code 12.7}, {@code 2.7.2}
 */
public record SoftwareRelease(String deviceId, String source, String product, String version) implements Fact {
}
