package io.auditor.model;

import java.util.List;
import java.util.Set;

/**
 * A control's metadata, read from the rule that implements it (never kept elsewhere).
 *
 * @param scope     roles the control applies to; a device with any of them is in scope
 * @param needs     fact topics the control needs (for example {@code updates}); explains NOT_ASSESSED
 * @param rationale why it matters, in plain English for the senior leadership team
 * @param check     how the auditor checks it
 */
public record Control(String id, String title, Severity severity, List<String> policyRefs, Set<Role> scope,
                      Set<String> needs, String rationale, String check, String remediation) {
    public Control {
        policyRefs = List.copyOf(policyRefs);
        scope = Set.copyOf(scope);
        needs = Set.copyOf(needs);
    }

    public boolean appliesTo(Device d) {
        for (Role r : scope) if (d.hasRole(r)) return true;
        return false;
    }
}
