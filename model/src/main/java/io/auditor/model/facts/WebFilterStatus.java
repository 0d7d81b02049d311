package io.auditor.model.facts;

import java.time.Instant;
import java.util.List;

/**
 * The web filter on a device, whatever the product. Read together with {@link FilteredNetwork},
 * {@link FilterPolicy}, {@link BlockedCategory}, {@link FilterExemption} and {@link FilterListUpdate}. A field the
 * configuration does not settle is null, never a guess.
 *
 * @param product            for example {@code squidGuard}, {@code OPNsense web proxy}, {@code e2guardian}, or
 *                           {@code none} when no filter is configured
 * @param enabled            the filter is configured and switched on
 * @param safeSearchEnforced the search engines and video sites whose safe mode is forced, in neutral names
 *                           ({@code google}, {@code bing}, {@code youtube}); null when unknown
 * @param safeSearchDetail   how safe search is enforced, for evidence
 * @param userAttribution    log lines name the user (authenticated proxy or user-identifying logs); null when unknown
 * @param attributionDetail  how users are (or are not) identified, for evidence
 * @param loggingEnabled     requests are logged; null when unknown
 * @param logRetentionDays   how many days of logs are kept; null when unknown or unlimited is not stated
 */
public record WebFilterStatus(String deviceId, String source, Instant observedAt, String product, boolean enabled,
                              List<String> safeSearchEnforced, String safeSearchDetail, Boolean userAttribution,
                              String attributionDetail, Boolean loggingEnabled, Integer logRetentionDays)
        implements Fact {
    public WebFilterStatus {
        safeSearchEnforced = safeSearchEnforced == null ? null : List.copyOf(safeSearchEnforced);
    }
}
