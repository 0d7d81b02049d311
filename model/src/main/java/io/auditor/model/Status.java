package io.auditor.model;

/** The one outcome of a control on a device. Missing data is never PASS. */
public enum Status {
    PASS, GAP, NOT_ASSESSED, WAIVED, NOT_APPLICABLE;

    /** True for outcomes that make a scan exit 1. */
    public boolean needsAttention() {
        return switch (this) {
            case GAP, NOT_ASSESSED -> true;
            case PASS, WAIVED, NOT_APPLICABLE -> false;
        };
    }
}
