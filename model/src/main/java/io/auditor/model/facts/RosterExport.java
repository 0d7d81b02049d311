package io.auditor.model.facts;

/**
 * A roster export was read for this domain controller (so an empty roster is known, not missing).
 *
 * @param source  the roster file
 * @param entries the number of accounts it lists
 */
public record RosterExport(String deviceId, String source, int entries) implements Fact {
}
