package io.auditor.rules;

import io.auditor.model.Status;

/**
 * One statement a rule made about a control on a device, before aggregation into the single result.
 *
 * @param rule the rule's name, kept so a surprising result can be traced to the rule that said it
 */
public record Finding(String controlId, String deviceId, Status status, String evidence, String rule) {
}
