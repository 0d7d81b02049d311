package io.auditor.collect.parsers;

import io.auditor.model.Observation;
import io.auditor.model.facts.BlockedCategory;
import io.auditor.model.facts.Fact;
import io.auditor.model.facts.FilterExemption;
import io.auditor.model.facts.FilterPolicy;
import io.auditor.model.facts.FilteredNetwork;
import io.auditor.model.facts.WebFilterStatus;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Collects the neutral web-filter facts a filter parser finds, so every product words them the same way. */
final class WebFilterFacts {
    /** Network names that mark a guest or bring-your-own-device network, shown in evidence. */
    private static final Pattern GUEST = Pattern.compile("(?i).*(guest|byod|visitor|public|pupil.?device).*");

    private final Observation obs;
    final List<Fact> facts = new ArrayList<>();

    WebFilterFacts(Observation obs) {
        this.obs = obs;
    }

    void policy(String name, String appliesTo, boolean categoriesKnown, Iterable<String> productCategories) {
        facts.add(new FilterPolicy(obs.deviceId(), obs.probeId(), name, appliesTo, categoriesKnown));
        Set<String> seen = new LinkedHashSet<>();
        for (String c : productCategories) {
            if (seen.add(c)) {
                facts.add(new BlockedCategory(obs.deviceId(), obs.probeId(), name, CategoryNames.neutral(c), c));
            }
        }
    }

    void network(String network, String address, boolean filtered, String detail) {
        facts.add(new FilteredNetwork(obs.deviceId(), obs.probeId(), network, address,
                GUEST.matcher(network).matches(), filtered, detail));
    }

    void exemption(String kind, String subject, String detail) {
        facts.add(new FilterExemption(obs.deviceId(), obs.probeId(), kind, subject, detail));
    }

    /**
     * The filter's status, put before the other facts. {@code products}: the filters in use, none when nothing
     * filters; {@code safe}: the engines safe search is forced for, and {@code how} the settings that force it.
     */
    void status(List<String> products, Set<String> safe, List<String> how, Boolean attribution,
                String attributionDetail, Boolean logging, Integer retentionDays) {
        facts.add(0, new WebFilterStatus(obs.deviceId(), obs.probeId(), obs.observedAt(),
                products.isEmpty() ? "none" : String.join(", ", products), !products.isEmpty(),
                products.isEmpty() ? null : List.copyOf(safe), how.isEmpty() ? "no safe-search setting" : String.join("; ", how),
                attribution, attributionDetail, logging, retentionDays));
    }
}
