package io.auditor.report.history;

import io.auditor.model.Severity;

/** One control × device result as stored in history, enough to name it in a diff. */
public record ResultKey(String control, String deviceId, Severity severity, String title) {
}
