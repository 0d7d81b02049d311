package io.auditor.rules;

import io.auditor.model.facts.BlockedCategory;
import io.auditor.model.facts.FilterListUpdate;
import io.auditor.model.facts.FilteredNetwork;
import io.auditor.model.facts.ManagementAccess;
import io.auditor.model.facts.WebFilterStatus;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Wording and small calculations shared by the boundary rules (firewall, web filter, video conferencing), so each
 * rule's consequence stays one decision. Device text is quoted as observed.
 */
public final class WebFilterEvidence {
    private WebFilterEvidence() {}

    /** FLT-01..06 when the filter is off or missing: the same words from every filtering control. */
    public static String noFilter(WebFilterStatus s) {
        return "no web filter is configured or switched on (found: " + s.product() + ") [" + s.source() + "]";
    }

    /** The neutral category names of a policy's {@link BlockedCategory} facts. */
    public static List<String> categories(Collection<?> blocked) {
        List<String> out = new ArrayList<>();
        for (Object o : blocked) if (o instanceof BlockedCategory b && b.category() != null) out.add(b.category());
        return out;
    }

    /** {@code adult (adult, mixed_adult), gambling (gambling)}: neutral names with the product's words, sorted. */
    public static String blocked(Collection<?> blocked) {
        java.util.Map<String, TreeSet<String>> byNeutral = new java.util.TreeMap<>();
        for (Object o : blocked) {
            if (o instanceof BlockedCategory b) {
                byNeutral.computeIfAbsent(String.valueOf(b.category()), k -> new TreeSet<>()).add(String.valueOf(b.productCategory()));
            }
        }
        if (byNeutral.isEmpty()) return "nothing";
        return byNeutral.entrySet().stream().map(e -> e.getKey() + " (" + String.join(", ", e.getValue()) + ")")
                .collect(Collectors.joining(", "));
    }

    /** Items joined with commas in their own order, or {@code none}. */
    public static String list(Collection<?> items) {
        if (items == null || items.isEmpty()) return "none";
        return items.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    /** Items sorted (ignoring case) and joined with commas, or {@code none}: the same evidence on every run. */
    public static String sorted(Collection<?> items) {
        if (items == null || items.isEmpty()) return "none";
        return items.stream().map(String::valueOf).sorted(String.CASE_INSENSITIVE_ORDER).collect(Collectors.joining(", "));
    }

    /** Network names, sorted, guest networks marked. */
    public static String networks(Collection<?> networks) {
        return networks.stream().filter(FilteredNetwork.class::isInstance).map(FilteredNetwork.class::cast)
                .map(n -> n.network() + (n.guest() ? " [guest]" : "")).sorted(String.CASE_INSENSITIVE_ORDER)
                .collect(Collectors.joining(", "));
    }

    /** The lists last updated more than {@code days} before they were read, oldest first. */
    public static List<FilterListUpdate> stale(Collection<?> updates, int days) {
        List<FilterListUpdate> out = new ArrayList<>();
        for (Object o : updates) {
            if (o instanceof FilterListUpdate u && Age.olderThan(u.updatedAt(), u.observedAt(), Duration.ofDays(days))) out.add(u);
        }
        out.sort(Comparator.comparing(FilterListUpdate::updatedAt));
        return out;
    }

    /** The most recently updated list, or null. */
    public static FilterListUpdate newest(Collection<?> updates) {
        FilterListUpdate best = null;
        for (Object o : updates) {
            if (o instanceof FilterListUpdate u && (best == null || u.updatedAt().isAfter(best.updatedAt()))) best = u;
        }
        return best;
    }

    /** {@code 3 lists, oldest adult/domains updated 2026-09-21, 59 days before the scan}. */
    public static String listAges(List<FilterListUpdate> lists) {
        FilterListUpdate oldest = lists.get(0);
        return lists.size() + (lists.size() == 1 ? " list" : " lists") + ", oldest " + oldest.list() + " updated "
                + Age.beforeScan(oldest.updatedAt(), oldest.observedAt());
    }

    /** What keeps the filter's logs from meeting FLT-04, each as a phrase; empty when nothing does. */
    public static List<String> logProblems(WebFilterStatus s, int minDays) {
        List<String> out = new ArrayList<>();
        if (Boolean.FALSE.equals(s.loggingEnabled())) out.add("request logging is off");
        if (Boolean.FALSE.equals(s.userAttribution())) out.add("log entries do not name users: " + s.attributionDetail());
        if (s.logRetentionDays() != null && s.logRetentionDays() < minDays) {
            out.add("logs are kept " + s.logRetentionDays() + " days (limit " + minDays + ")");
        }
        return out;
    }

    /** What FLT-04 could not read, each as a phrase. */
    public static List<String> logUnknowns(WebFilterStatus s) {
        List<String> out = new ArrayList<>();
        if (s.loggingEnabled() == null) out.add("whether requests are logged");
        if (s.userAttribution() == null) out.add("whether log entries name users");
        if (s.logRetentionDays() == null) out.add("how many days of logs are kept (no rotation setting found)");
        return out;
    }

    /** {@code https/443: … ; ssh/22: …} for every management service read. */
    public static String management(Collection<?> services) {
        return services.stream().filter(ManagementAccess.class::isInstance).map(ManagementAccess.class::cast)
                .sorted(Comparator.comparing(ManagementAccess::service))
                .map(m -> m.service() + (m.port() == null ? "" : "/" + m.port()) + ": " + m.detail()
                        + (m.allowedFrom() != null && Boolean.TRUE.equals(m.reachableFromWan())
                        ? " (restricted to " + m.allowedFrom() + ")" : ""))
                .collect(Collectors.joining("; "));
    }
}
