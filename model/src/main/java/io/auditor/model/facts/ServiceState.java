package io.auditor.model.facts;

/**
 * An installed service (Windows service, systemd unit).
 *
 * @param running   the service is running now
 * @param startType for example {@code Automatic}, {@code Manual}, {@code Disabled}
 */
public record ServiceState(String deviceId, String source, String name, String displayName, boolean running,
                           String startType) implements Fact {
}
