package io.auditor.model.facts;

/**
 * A current member of staff or student in the roster exported from the school's MIS. Attached to every domain
 * controller, whose accounts it is compared with (ADM-05).
 *
 * @param source  the roster file and line, {@code roster.csv:12}
 * @param account the account name as written in the roster's account column, without domain
 */
public record RosterEntry(String deviceId, String source, String account) implements Fact {
}
