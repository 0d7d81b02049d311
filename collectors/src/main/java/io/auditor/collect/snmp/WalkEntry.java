package io.auditor.collect.snmp;

import java.io.ByteArrayOutputStream;
import java.util.Locale;

/**
 * One line of {@code snmpwalk -On} output: {@code .1.3.6.1.2.1.1.5.0 = STRING: "sw-core"}.
 *
 * @param oid   numeric, without the leading dot
 * @param type  the net-snmp type word ({@code STRING}, {@code Hex-STRING}, {@code INTEGER}, {@code OID}, …); empty
 *              for {@code ""}; {@code NoSuch} for the no-such-object/instance and end-of-view exceptions
 * @param value the value as printed, quotes removed from strings
 * @param line  1-based line in the output where the entry starts
 */
public record WalkEntry(String oid, String type, String value, int line) {

    /** True when this entry's OID lies strictly under {@code prefix} (numeric, no leading dot). */
    public boolean under(String prefix) {
        return oid.startsWith(prefix + ".");
    }

    /** The OID after {@code prefix} and its dot: the row index of a table column. */
    public String indexAfter(String prefix) {
        return under(prefix) ? oid.substring(prefix.length() + 1) : null;
    }

    public boolean isException() {
        return type.equals("NoSuch");
    }

    /** The value as text: strings as written, hex strings decoded as UTF-8 when they are text. */
    public String text() {
        if (type.equals("Hex-STRING")) {
            byte[] b = bytes();
            String s = new String(b, java.nio.charset.StandardCharsets.UTF_8);
            return s.chars().allMatch(c -> c >= 0x20 || c == '\t' || c == '\n' || c == '\r') ? s.replace("\0", "") : value;
        }
        if (type.equals("Timeticks")) {
            int close = value.indexOf(')');
            return value.startsWith("(") && close > 0 ? value.substring(1, close) : value;
        }
        return value;
    }

    /** Integer value, or null when the value is not a whole number (INTEGER may print {@code up(1)} with MIBs). */
    public Long number() {
        String v = text().strip();
        int paren = v.lastIndexOf('(');
        if (paren >= 0 && v.endsWith(")")) v = v.substring(paren + 1, v.length() - 1);
        try {
            return Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The raw bytes of a Hex-STRING, or the characters of a STRING (ISO-8859-1). */
    public byte[] bytes() {
        if (type.equals("Hex-STRING")) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (String pair : value.trim().split("\\s+")) {
                if (pair.isEmpty()) continue;
                try {
                    out.write(Integer.parseInt(pair, 16));
                } catch (NumberFormatException e) {
                    return new byte[0];
                }
            }
            return out.toByteArray();
        }
        return value.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /**
     * A MAC address, lower-case and colon-separated, from a Hex-STRING of six bytes, a net-snmp
     * {@code STRING: 0:50:56:c0:0:8} (PhysAddress with MIBs loaded) or a six-character raw string; null otherwise.
     */
    public String mac() {
        byte[] b;
        if (type.equals("STRING") && value.matches("[0-9A-Fa-f]{1,2}([:-][0-9A-Fa-f]{1,2}){5}")) {
            String[] parts = value.split("[:-]");
            b = new byte[6];
            for (int i = 0; i < 6; i++) b[i] = (byte) Integer.parseInt(parts[i], 16);
        } else {
            b = bytes();
        }
        if (b.length != 6) return null;
        boolean allZero = true;
        for (byte x : b) allZero &= x == 0;
        if (allZero) return null;
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            if (i > 0) sb.append(':');
            sb.append(String.format(Locale.ROOT, "%02x", b[i] & 0xff));
        }
        return sb.toString();
    }
}
