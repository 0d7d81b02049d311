package io.auditor.model.facts;

/**
 * One interface of a device (IF-MIB ifTable). Its MAC tells INV-01 that the address belongs to a recorded device.
 *
 * @param macAddress lower-case, colon-separated, or null when the interface has none
 * @param adminUp    ifAdminStatus is up, or null when not reported
 * @param operUp     ifOperStatus is up, or null when not reported
 */
public record NetworkInterface(String deviceId, String source, int index, String name, String macAddress,
                               Boolean adminUp, Boolean operUp) implements Fact {
}
