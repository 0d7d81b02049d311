package io.auditor.collect.snmp;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What an SNMP probe's {@code command} asks for:
 * <ul>
 *   <li>{@code walk OID [OID…]}: every object under each OID (GETBULK; GETNEXT for v1);</li>
 *   <li>{@code get OID [OID…]}: exactly these objects;</li>
 *   <li>{@code default-communities}: whether the communities {@code public} and {@code private} answer (read-only GET);</li>
 *   <li>{@code map NAME}: walk the columns of the vendor OID map {@code NAME} (see {@link OidMaps}).</li>
 * </ul>
 */
public record SnmpCommand(String verb, List<String> arguments) {
    public static final List<String> VERBS = List.of("walk", "get", "default-communities", "map");
    private static final Pattern OID = Pattern.compile("\\.?([0-9]+\\.)+[0-9]+");

    public SnmpCommand {
        arguments = List.copyOf(arguments);
    }

    /** @throws IllegalArgumentException with a message saying what to write instead */
    public static SnmpCommand parse(String command) {
        String[] words = command == null ? new String[0] : command.strip().split("\\s+");
        if (words.length == 0 || words[0].isEmpty()) {
            throw new IllegalArgumentException("empty SNMP command; write one of " + String.join(", ", VERBS));
        }
        String verb = words[0];
        List<String> args = new ArrayList<>(List.of(words).subList(1, words.length));
        switch (verb) {
            case "walk", "get" -> {
                if (args.isEmpty()) throw new IllegalArgumentException("'" + verb + "' needs at least one OID, e.g. '"
                        + verb + " 1.3.6.1.2.1.1'");
                for (int i = 0; i < args.size(); i++) {
                    String oid = numericOid(args.get(i));
                    if (oid == null) {
                        throw new IllegalArgumentException("'" + args.get(i) + "' is not a numeric OID; write it like 1.3.6.1.2.1.1");
                    }
                    args.set(i, oid);
                }
            }
            case "default-communities" -> {
                if (!args.isEmpty()) throw new IllegalArgumentException("'default-communities' takes no arguments");
            }
            case "map" -> {
                if (args.size() != 1) throw new IllegalArgumentException("'map' takes one OID map name, e.g. 'map cisco-aireos-wlan'");
            }
            default -> throw new IllegalArgumentException("unknown SNMP command '" + verb + "'; write one of "
                    + String.join(", ", VERBS));
        }
        return new SnmpCommand(verb, args);
    }

    /** {@code oid} without its leading dot when it is numeric ({@code .1.3.6.1} or {@code 1.3.6.1}); null otherwise. */
    static String numericOid(String oid) {
        if (oid == null || !OID.matcher(oid).matches()) return null;
        return oid.startsWith(".") ? oid.substring(1) : oid;
    }
}
