package io.auditor.model.facts;

/**
 * A content category a filtering policy blocks.
 *
 * @param policy          the {@link FilterPolicy#name()} that blocks it
 * @param category        the neutral name the profile uses ({@code adult}, {@code gambling}, {@code child-abuse}),
 *                        or the product's own name prefixed {@code product:} when the category maps to no neutral one
 * @param productCategory the category as the product names it, for evidence
 */
public record BlockedCategory(String deviceId, String source, String policy, String category,
                              String productCategory) implements Fact {
}
