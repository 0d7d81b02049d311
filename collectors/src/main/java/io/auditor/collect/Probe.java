package io.auditor.collect;

/**
 * One read-only command (or, for SNMP, a set of OIDs) run on a device, and the parser for its output.
 * Declared as data in a platform file, never in code.
 *
 * @param id      stable name; also the capture file name ({@code <id>.txt})
 * @param topic   the fact topic it supplies, for example {@code updates}, {@code anti-malware}
 * @param command the command line sent to the device
 * @param parser  id of the {@link Parser} that reads its output
 */
public record Probe(String id, String topic, String command, String parser, String description) {
}
