package io.auditor.model.facts;

/**
 * An internal network (interface, VLAN or SSID) whose users reach the internet through the device, and whether
 * their traffic goes through the web filter.
 *
 * @param network  the device's name for it with its description, for example {@code opt2 (GUEST)}
 * @param address  its address range, when known
 * @param guest    it looks like a guest or BYOD network (by its name), shown in evidence
 * @param filtered its web traffic passes the filter
 * @param detail   why the auditor thinks so, for evidence
 */
public record FilteredNetwork(String deviceId, String source, String network, String address, boolean guest,
                              boolean filtered, String detail) implements Fact {
}
