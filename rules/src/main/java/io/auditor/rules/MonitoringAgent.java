package io.auditor.rules;

import io.auditor.model.PolicyProfile;
import io.auditor.model.facts.ServiceState;

/** END-05: services that are the monitoring agent named in {@code monitoring.agentServices}. */
public final class MonitoringAgent {
    private MonitoringAgent() {}

    public static boolean configured(PolicyProfile profile) {
        return !profile.list("monitoring.agentServices").isEmpty();
    }

    /** The service's name or display name matches an entry (case-insensitive glob). */
    public static boolean matches(PolicyProfile profile, ServiceState s) {
        return ProfileList.matches(profile, "monitoring.agentServices", s.name())
                || ProfileList.matches(profile, "monitoring.agentServices", s.displayName());
    }

    public static String describe(ServiceState s) {
        return (s.displayName() == null || s.displayName().equals(s.name()) ? s.name()
                : s.displayName() + " (" + s.name() + ")") + " " + (s.running() ? "running" : "not running")
                + (s.startType() == null ? "" : ", start type " + s.startType()) + " [" + s.source() + "]";
    }
}
