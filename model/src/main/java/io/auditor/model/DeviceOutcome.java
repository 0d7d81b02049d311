package io.auditor.model;

import java.util.List;
import java.util.Set;

/**
 * How collection went for one device.
 *
 * @param reachable      the transport could open a session (or captures exist for it)
 * @param errors         device-level errors (connection, authentication, missing captures)
 * @param topicProblems  per fact topic, why it could not be collected or understood
 * @param providedTopics topics the device's platform has probes for
 */
public record DeviceOutcome(String deviceId, boolean reachable, List<String> errors,
                            java.util.Map<String, List<String>> topicProblems, Set<String> providedTopics) {
    public DeviceOutcome {
        errors = List.copyOf(errors);
        topicProblems = java.util.Map.copyOf(topicProblems);
        providedTopics = Set.copyOf(providedTopics);
    }

    /**
     * Why a control needing {@code needs} has no result on this device, in words a technician can act on.
     */
    public String notAssessedReason(Set<String> needs, String platform) {
        if (!reachable) {
            return errors.isEmpty() ? "device could not be reached" : String.join("; ", errors);
        }
        List<String> reasons = new java.util.ArrayList<>();
        for (String topic : new java.util.TreeSet<>(needs)) {
            List<String> problems = topicProblems.get(topic);
            if (problems != null) reasons.addAll(problems);
        }
        if (!reasons.isEmpty()) return String.join("; ", reasons);
        List<String> unsupported = needs.stream().filter(t -> !providedTopics.contains(t)).sorted().toList();
        if (!unsupported.isEmpty()) {
            return "no collector for platform '" + platform + "' provides " + String.join(", ", unsupported) + " yet";
        }
        return "the collected data did not let any rule decide (" + String.join(", ", new java.util.TreeSet<>(needs))
                + " collected but no result produced)";
    }
}
