package io.auditor.model.facts;

/**
 * A management protocol the device offers: a TCP port it listens on, or a setting a vendor map reads.
 *
 * @param protocol {@code telnet}, {@code http}, {@code https}, {@code ssh}, or the port number as text when unknown
 * @param port     TCP port, or 0 when the service was read from a setting rather than a listener
 * @param detail   where it was seen, for evidence (for example {@code listening on 0.0.0.0:23})
 */
public record ManagementService(String deviceId, String source, String protocol, int port, String detail)
        implements Fact {
}
