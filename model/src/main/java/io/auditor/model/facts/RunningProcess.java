package io.auditor.model.facts;

/**
 * A process running on the device (HOST-RESOURCES-MIB hrSWRunTable).
 *
 * @param path the program's path, or null when the agent does not report it
 */
public record RunningProcess(String deviceId, String source, String name, String path) implements Fact {
}
