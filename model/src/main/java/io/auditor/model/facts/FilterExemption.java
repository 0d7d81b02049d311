package io.auditor.model.facts;

/**
 * Someone or something that bypasses the web filter: an address passed around the proxy, an unrestricted host, or
 * a policy that allows everything.
 *
 * @param kind    {@code address}, {@code user}, {@code group} or {@code policy}
 * @param subject the address, user, group or policy name, as configured
 * @param detail  where in the configuration it was found, for evidence
 */
public record FilterExemption(String deviceId, String source, String kind, String subject, String detail)
        implements Fact {
}
