package io.auditor.report;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class UntrustedTextTest {
    @Test
    void removesCsiOscAndControlCharacters() {
        String hostile = "pkg\u001b[2J\u001b[1;1Hclam\u001b]0;pwned\u0007av\u001bP1$r\u001b\\d\r\u0000\u0008"
                + "\u009b31m1\u009d2;x\u009c.0\u001b7\u001b(B";
        assertEquals("pkgclamavd1.0", UntrustedText.sanitise(hostile));
    }

    @Test
    void keepsNewlineAndTabButDropsCarriageReturn() {
        assertEquals("a\tb\nc\nd", UntrustedText.sanitise("a\tb\r\nc\nd"));
    }

    @Test
    void removesBidiOverridesThatReorderText() {
        assertEquals("admin-user", UntrustedText.sanitise("admin\u202E-user\u202C"));
        assertEquals("abc", UntrustedText.sanitise("\u061Ca\u200E\u200Fb\u202A\u202B\u202Dc\u2066\u2067\u2068\u2069"));
    }

    @Test
    void unterminatedOscSwallowsTheRestLikeATerminalWould() {
        assertEquals("before", UntrustedText.sanitise("before\u001b]2;title never ends"));
    }

    @Test
    void nullBecomesEmptyAndPlainTextIsUnchanged() {
        assertEquals("", UntrustedText.sanitise(null));
        assertEquals("SCHOOL\\jsmith café ✓", UntrustedText.sanitise("SCHOOL\\jsmith café ✓"));
    }

    @Test
    void oneLineFoldsNewlines() {
        assertEquals("a b  c", UntrustedText.oneLine(" a\nb\t\u001b[31m c\n"));
    }
}
