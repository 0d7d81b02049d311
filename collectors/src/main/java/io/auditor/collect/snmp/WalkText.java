package io.auditor.collect.snmp;

import io.auditor.collect.Text;
import io.auditor.collect.UnrecognisedOutputException;
import org.snmp4j.smi.Counter32;
import org.snmp4j.smi.Counter64;
import org.snmp4j.smi.Gauge32;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.IpAddress;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.SMIConstants;
import org.snmp4j.smi.TimeTicks;
import org.snmp4j.smi.Variable;
import org.snmp4j.smi.VariableBinding;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code snmpwalk -On} text format, the one language of SNMP observations: the live transport writes it, capture
 * files hold it (so a real {@code snmpwalk -On} recording can be replayed), the simulated agent serves it, and the
 * parsers read it. Values are printed as net-snmp 5.9 prints them without MIBs loaded.
 */
public final class WalkText {
    private WalkText() {}

    static final String NO_SUCH_OBJECT = "No Such Object available on this agent at this OID";
    static final String NO_SUCH_INSTANCE = "No Such Instance currently exists at this OID";
    static final String END_OF_MIB = "No more variables left in this MIB View (It is past the end of the MIB tree)";

    private static final Pattern ENTRY = Pattern.compile("^\\s*\\.?((?:\\d+\\.)+\\d+)\\s*=\\s?(.*)$");
    private static final Pattern TYPED = Pattern.compile("^([A-Za-z][A-Za-z0-9-]*):\\s?(.*)$", Pattern.DOTALL);

    /** One line (or, for a string holding line breaks, several) for a variable binding. */
    public static String format(VariableBinding vb) {
        return "." + vb.getOid().toDottedString() + " = " + formatValue(vb.getVariable());
    }

    static String formatValue(Variable v) {
        if (v == null) return "NULL";
        return switch (v.getSyntax()) {
            case SMIConstants.SYNTAX_INTEGER -> "INTEGER: " + ((Integer32) v).getValue();
            case SMIConstants.SYNTAX_OCTET_STRING -> octets((OctetString) v);
            case SMIConstants.SYNTAX_NULL -> "NULL";
            case SMIConstants.SYNTAX_OBJECT_IDENTIFIER -> "OID: ." + ((OID) v).toDottedString();
            case SMIConstants.SYNTAX_IPADDRESS -> "IpAddress: " + ((IpAddress) v).toString();
            case SMIConstants.SYNTAX_COUNTER32 -> "Counter32: " + ((Counter32) v).getValue();
            case SMIConstants.SYNTAX_GAUGE32 -> "Gauge32: " + ((Gauge32) v).getValue();
            case SMIConstants.SYNTAX_TIMETICKS -> timeticks(((TimeTicks) v).getValue());
            case SMIConstants.SYNTAX_COUNTER64 -> "Counter64: " + Long.toUnsignedString(((Counter64) v).getValue());
            case SMIConstants.SYNTAX_OPAQUE -> "OPAQUE: " + hex(((org.snmp4j.smi.Opaque) v).getValue());
            case SMIConstants.EXCEPTION_NO_SUCH_OBJECT -> NO_SUCH_OBJECT;
            case SMIConstants.EXCEPTION_NO_SUCH_INSTANCE -> NO_SUCH_INSTANCE;
            case SMIConstants.EXCEPTION_END_OF_MIB_VIEW -> END_OF_MIB;
            default -> "STRING: \"" + v + "\"";
        };
    }

    private static String octets(OctetString s) {
        byte[] b = s.getValue();
        if (b.length == 0) return "\"\"";
        if (printable(b)) {
            String text = new String(b, java.nio.charset.StandardCharsets.UTF_8);
            return "STRING: \"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }
        return "Hex-STRING: " + hex(b);
    }

    /** As net-snmp decides: every byte printable ASCII or white space (a trailing NUL is allowed). */
    private static boolean printable(byte[] b) {
        for (int i = 0; i < b.length; i++) {
            int c = b[i] & 0xff;
            if (c == 0 && i == b.length - 1) continue;
            if (c >= 0x20 && c < 0x7f) continue;
            if (c == '\t' || c == '\n' || c == '\r') continue;
            return false;
        }
        return true;
    }

    static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (byte x : b) sb.append(String.format(Locale.ROOT, "%02X ", x & 0xff));
        return sb.toString();
    }

    static String timeticks(long ticks) {
        long cs = ticks % 100, s = ticks / 100;
        long days = s / 86400, h = (s % 86400) / 3600, m = (s % 3600) / 60, sec = s % 60;
        String d = days == 0 ? "" : days + (days == 1 ? " day, " : " days, ");
        return String.format(Locale.ROOT, "Timeticks: (%d) %s%d:%02d:%02d.%02d", ticks, d, h, m, sec, cs);
    }

    /**
     * The SNMP value an entry was printed from, for serving recorded walks (the simulated agent); null for the
     * no-such-object and end-of-view exceptions, which an agent signals rather than stores.
     */
    public static VariableBinding toBinding(WalkEntry e) {
        Variable v = switch (e.type()) {
            case "STRING" -> new OctetString(e.value().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            case "Hex-STRING" -> new OctetString(e.bytes());
            case "" -> new OctetString(e.value());
            case "INTEGER" -> new Integer32((int) (long) java.util.Objects.requireNonNull(e.number(), e.value()));
            case "OID" -> new OID(e.value().startsWith(".") ? e.value().substring(1) : e.value());
            case "IpAddress" -> new IpAddress(e.value().strip());
            case "Counter32" -> new Counter32(Long.parseLong(e.value().strip()));
            case "Gauge32" -> new Gauge32(Long.parseLong(e.value().strip()));
            case "Timeticks" -> new TimeTicks(Long.parseLong(e.text().strip()));
            case "Counter64" -> new Counter64(Long.parseUnsignedLong(e.value().strip()));
            case "NULL" -> new org.snmp4j.smi.Null();
            case "NoSuch" -> null;
            default -> new OctetString(e.value());
        };
        return v == null ? null : new VariableBinding(new OID(e.oid()), v);
    }

    /**
     * Reads {@code snmpwalk -On} text. Blank lines and lines starting with {@code #} are skipped; a line that does
     * not start with an OID continues the previous value (net-snmp prints strings with line breaks, and long hex
     * strings, over several lines).
     *
     * @throws UnrecognisedOutputException when the first content line is not an OID line
     */
    public static List<WalkEntry> parse(String output) throws UnrecognisedOutputException {
        List<String> lines = Text.lines(output);
        List<WalkEntry> out = new ArrayList<>();
        String oid = null;
        StringBuilder value = null;
        int start = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher m = ENTRY.matcher(line);
            if (m.matches()) {
                if (oid != null) out.add(entry(oid, value.toString(), start));
                oid = m.group(1);
                value = new StringBuilder(m.group(2));
                start = i + 1;
            } else if (oid != null) {
                value.append('\n').append(line);
            } else if (!line.isBlank() && !line.startsWith("#")) {
                throw new UnrecognisedOutputException("expected snmpwalk -On lines such as "
                        + "'.1.3.6.1.2.1.1.5.0 = STRING: \"name\"', found " + Text.quote(line), i + 1);
            }
        }
        if (oid != null) out.add(entry(oid, value.toString(), start));
        return out;
    }

    private static WalkEntry entry(String oid, String raw, int line) {
        String v = raw.strip();
        if (v.equals("\"\"")) return new WalkEntry(oid, "", "", line);
        if (v.equals("NULL")) return new WalkEntry(oid, "NULL", "", line);
        if (v.startsWith("No Such ") || v.startsWith("No more variables")) return new WalkEntry(oid, "NoSuch", v, line);
        Matcher m = TYPED.matcher(v);
        if (!m.matches()) return new WalkEntry(oid, "", unquote(v), line);
        String type = m.group(1);
        String value = m.group(2);
        if (type.equals("Hex-STRING")) value = value.replace('\n', ' ');
        return new WalkEntry(oid, type, unquote(value), line);
    }

    private static String unquote(String v) {
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
            return v.substring(1, v.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
        }
        return v;
    }
}
