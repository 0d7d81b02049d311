package io.auditor.model.facts;

/**
 * One filtering policy (ACL) of a web filter: the default one and one per group of users or networks.
 *
 * @param name            the policy's name ({@code default} for the catch-all policy)
 * @param appliesTo       who it applies to, as configured, for evidence
 * @param categoriesKnown the configuration names every category the policy blocks; false when it blocks whole
 *                        lists whose contents only the downloaded list shows, so its categories cannot be judged
 */
public record FilterPolicy(String deviceId, String source, String name, String appliesTo, boolean categoriesKnown)
        implements Fact {
}
