package io.auditor.model;

import java.time.Instant;
import java.util.List;

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

    public long count(Status s) {
        return results.stream().filter(r -> r.status() == s).count();
    }

    /** 0 when nothing needs attention, 1 when any GAP or NOT_ASSESSED (the contract's exit status). */
    public int exitStatus() {
        return results.stream().anyMatch(r -> r.status().needsAttention()) ? 1 : 0;
    }
}
