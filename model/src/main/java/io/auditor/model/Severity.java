package io.auditor.model;

import java.util.Locale;

public enum Severity {
    CRITICAL, HIGH, MEDIUM, LOW;

    public static Severity parse(String s) {
        return valueOf(s.trim().toUpperCase(Locale.ROOT));
    }

    public String label() { return name().toLowerCase(Locale.ROOT); }
}
