package io.auditor.collect.parsers;

import com.fasterxml.jackson.databind.JsonNode;
import io.auditor.collect.Text;
import io.auditor.collect.UnrecognisedOutputException;

/**
 * Registry values as the Windows probes print them: {@code RegistryKey.GetValue} gives a number for REG_DWORD and a
 * string for REG_SZ, and Group Policy writes some numeric settings as REG_SZ ({@code ScreenSaveTimeOut "600"}).
 */
final class RegistryValues {
    private RegistryValues() {}

    /** A DWORD or a decimal REG_SZ; null when the value is not set. */
    static Integer number(JsonNode obj, String field) throws UnrecognisedOutputException {
        JsonNode n = obj.get(field);
        if (n == null || n.isNull()) return null;
        if (n.isIntegralNumber() && n.canConvertToLong()) return (int) n.asLong();
        if (n.isTextual()) {
            String s = n.asText().strip();
            if (s.isEmpty()) return null;
            try {
                return (int) Long.parseLong(s);
            } catch (NumberFormatException e) {
                // fall through to the error below
            }
        }
        throw new UnrecognisedOutputException(field + " is " + Text.clean(n.toString(), 80) + ", not a number", 0);
    }

    /** {@code name 600} or {@code name not set}, for evidence. */
    static String setting(String name, Object value) {
        return value == null ? name + " not set" : name + " " + value;
    }
}
