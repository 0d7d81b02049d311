package io.auditor.model.facts;

/** The device's list of installed services was read (so a missing service is known to be missing). */
public record ServiceInventory(String deviceId, String source, int serviceCount) implements Fact {
}
