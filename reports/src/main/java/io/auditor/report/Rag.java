package io.auditor.report;

import io.auditor.model.ControlResult;
import io.auditor.model.Severity;
import io.auditor.model.Status;

import java.util.Collection;

/**
 * The red/amber/green status of a policy area (or of the whole run) on the HTML report's first screen.
 * The rule is printed in the report's footer ({@link #RULE}) and in docs/reports.md.
 */
public enum Rag {
    RED("Red", "action needed"),
    AMBER("Amber", "attention needed"),
    GREEN("Green", "meets the policy"),
    /** No control of the rule pack covers the area, or no device is in scope of its controls. */
    NOT_COVERED("Not checked", "no checks in this area");

    public static final String RULE = "Red: at least one open gap of critical or high severity. "
            + "Amber: other open gaps, or a check that could not be made (missing data is never a pass). "
            + "Green: every check passed, was waived by an approved exception, or did not apply. "
            + "Not checked: the rule pack has no control for the area yet, or no device is in its scope.";

    private final String label;
    private final String meaning;

    Rag(String label, String meaning) {
        this.label = label;
        this.meaning = meaning;
    }

    public String label() { return label; }

    public String meaning() { return meaning; }

    /** CSS class name. */
    public String css() { return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'); }

    /** The status of a set of results; {@link #NOT_COVERED} when none of them is in scope. */
    public static Rag of(Collection<ControlResult> results) {
        boolean any = false;
        boolean amber = false;
        for (ControlResult r : results) {
            switch (r.status()) {
                case GAP -> {
                    Severity s = r.control().severity();
                    if (s == Severity.CRITICAL || s == Severity.HIGH) return RED;
                    amber = true;
                    any = true;
                }
                case NOT_ASSESSED -> {
                    amber = true;
                    any = true;
                }
                case PASS, WAIVED -> any = true;
                case NOT_APPLICABLE -> { }
            }
        }
        return amber ? AMBER : any ? GREEN : NOT_COVERED;
    }

    /** The worst of several statuses; NOT_COVERED counts only when nothing else is there. */
    public static Rag worst(Collection<Rag> statuses) {
        Rag worst = NOT_COVERED;
        for (Rag r : statuses) if (r.ordinal() < worst.ordinal()) worst = r;
        return worst;
    }

    /** A device with a result of this status is in the control's scope (NOT_APPLICABLE means it is not). */
    static boolean inScope(Status s) {
        return s != Status.NOT_APPLICABLE;
    }
}
