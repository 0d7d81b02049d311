package io.auditor.model.facts;

/**
 * The auditor tried, read-only, whether a well-known SNMP community ({@code public}, {@code private}) answers.
 *
 * @param answered true when the device returned data for that community
 * @param detail   what was sent and what came back (the value read, or "no answer within 2000 ms"), for evidence
 */
public record DefaultCommunityCheck(String deviceId, String source, String community, boolean answered,
                                    String detail) implements Fact {
}
