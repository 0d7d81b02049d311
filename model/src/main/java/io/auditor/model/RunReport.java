package io.auditor.model;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a renderer needs about one run. Renderers only read it.
 *
 * @param expiredWaivers waivers whose expiry has passed, named so they can be renewed or removed
 */
public record RunReport(String runId, Instant startedAt, Instant finishedAt, String school, String profileName,
                        String profileSha256, List<DeviceSummary> devices, List<ControlResult> results,
                        List<Control> controls, List<Waiver> expiredWaivers) {
    public RunReport {
        devices = List.copyOf(devices);
        results = List.copyOf(results);
        controls = List.copyOf(controls);
        expiredWaivers = List.copyOf(expiredWaivers);
    }

    /** One device's identity and collection outcome, as the JSON contract's {@code devices[]}. */
    public record DeviceSummary(String id, List<String> roles, String platform, boolean reachable,
                                List<String> errors) {
        public DeviceSummary {
            roles = List.copyOf(roles);
            errors = List.copyOf(errors);
        }
    }

    /**
     * The rule pack's controls in order, then any control a result names that the pack does not list (a school
     * rule loaded differently); one per id.
     */
    public List<Control> allControls() {
        Map<String, Control> byId = new LinkedHashMap<>();
        for (Control c : controls) byId.putIfAbsent(c.id(), c);
        for (ControlResult r : results) byId.putIfAbsent(r.control().id(), r.control());
        return List.copyOf(byId.values());
    }

    public long count(Status s) {
        return results.stream().filter(r -> r.status() == s).count();
    }

    /** 0 when nothing needs attention, 1 when any GAP or NOT_ASSESSED (the contract's exit status). */
    public int exitStatus() {
        return results.stream().anyMatch(r -> r.status().needsAttention()) ? 1 : 0;
    }
}
