package io.auditor.rules;

import io.auditor.model.Device;
import io.auditor.model.Status;
import org.kie.api.runtime.rule.RuleContext;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The DRL global {@code findings}: rules report what they saw here. The control id is taken from the firing
 * rule's {@code @id}, so a rule cannot report for a control it does not belong to.
 * In a consequence pass {@code kcontext} (or {@code drools}).
 */
public final class Findings {
    private final List<Finding> findings = new ArrayList<>();

    public void pass(RuleContext rule, Device device, String evidence) {
        add(rule, device, Status.PASS, evidence);
    }

    public void gap(RuleContext rule, Device device, String evidence) {
        add(rule, device, Status.GAP, evidence);
    }

    public void notAssessed(RuleContext rule, Device device, String reason) {
        add(rule, device, Status.NOT_ASSESSED, reason);
    }

    public void notApplicable(RuleContext rule, Device device, String reason) {
        add(rule, device, Status.NOT_APPLICABLE, reason);
    }

    /** Everything reported so far, in firing order. */
    public List<Finding> all() { return Collections.unmodifiableList(findings); }

    private void add(RuleContext rule, Device device, Status status, String evidence) {
        Object id = rule.getRule().getMetaData().get(RuleMetadata.ID);
        if (id == null) {
            // RulePack refuses rules without @id, so this only happens for a rule base built elsewhere.
            throw new IllegalStateException("rule '" + rule.getRule().getName() + "' has no @id");
        }
        if (device == null) {
            throw new IllegalArgumentException("rule '" + rule.getRule().getName() + "' reported on no device");
        }
        String text = evidence == null || evidence.isBlank() ? "(rule gave no evidence)" : evidence;
        findings.add(new Finding(id.toString(), device.id(), status, text, rule.getRule().getName()));
    }
}
