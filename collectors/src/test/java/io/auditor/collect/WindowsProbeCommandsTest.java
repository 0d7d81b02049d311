package io.auditor.collect;

import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The Windows probes' commands pass through cmd.exe (OpenSSH's default shell) before PowerShell sees them, and no
 * PowerShell is available where the tests run. These static checks catch the mistakes that would break a command on
 * its way: a bare double quote ends cmd's argument early, {@code %NAME%} is expanded by cmd, and unbalanced
 * brackets or single quotes are a PowerShell parse error.
 */
class WindowsProbeCommandsTest {
    private static final String PREFIX = "powershell -NoProfile -NonInteractive -Command \"";

    @Test
    void everyCommandIsOneWellFormedPowerShellArgument() {
        List<Probe> probes = PlatformCatalog.builtIn().find("windows").orElseThrow().probes();
        assertFalse(probes.isEmpty(), "the windows platform declares probes");
        for (Probe p : probes) {
            String c = p.command();
            assertTrue(c.startsWith(PREFIX) && c.endsWith("\""), p.id() + ": one -Command \"…\" argument");
            String script = c.substring(PREFIX.length(), c.length() - 1);
            assertFalse(script.replace("\\\"", "").contains("\""), p.id() + ": a bare \" inside would end cmd's argument");
            assertFalse(script.matches("(?s).*%[A-Za-z_]+%.*"), p.id() + ": cmd expands %NAME%");
            assertBalanced(p.id(), script.replace("\\\"", "\""));
        }
    }

    @Test
    void probesThatReadTheRegistryNeverAskForThePassword() {
        Probe autoLogon = PlatformCatalog.builtIn().find("windows").orElseThrow().probes().stream()
                .filter(p -> p.id().equals("auto-logon")).findFirst().orElseThrow();
        assertFalse(autoLogon.command().contains("GetValue('DefaultPassword')"), "only the value's name is listed");
        assertFalse(autoLogon.command().contains("Get-ItemProperty"), "Get-ItemProperty would read every value");
        assertTrue(autoLogon.command().contains("GetValueNames() -contains 'DefaultPassword'"));
    }

    /** Brackets balance outside quoted strings; PowerShell's '' inside single quotes is an escaped quote. */
    private static void assertBalanced(String id, String s) {
        Map<Character, Character> open = Map.of(')', '(', '}', '{', ']', '[');
        Deque<Character> stack = new ArrayDeque<>();
        boolean single = false;
        boolean dbl = false;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (single) {
                if (ch == '\'') single = false;
                continue;
            }
            if (ch == '\'' && !dbl) single = true;
            else if (ch == '"') dbl = !dbl;
            else if (!dbl && "({[".indexOf(ch) >= 0) stack.push(ch);
            else if (!dbl && open.containsKey(ch)) {
                assertFalse(stack.isEmpty(), id + ": '" + ch + "' at " + i + " closes nothing");
                assertEquals(open.get(ch), stack.pop(), id + ": '" + ch + "' at " + i + " closes the wrong bracket");
            }
        }
        assertFalse(single, id + ": unterminated single-quoted string");
        assertFalse(dbl, id + ": unterminated double-quoted string");
        assertTrue(stack.isEmpty(), id + ": unclosed " + stack);
    }
}
