package io.auditor.collect.parsers;

import io.auditor.collect.UnrecognisedOutputException;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code systemctl show} blocks for several units ({@code Property=value} lines, a blank or other line between
 * units), collected by the unit's {@code Id}.
 */
final class SystemctlShow {
    private static final Pattern PROPERTY = Pattern.compile("([A-Za-z]+)=(.*)");

    private final Map<String, Map<String, String>> units = new HashMap<>();
    private Map<String, String> block = new HashMap<>();

    /** Adds the (stripped) line to the current block when it is a property; false when it is not one. */
    boolean property(String line) {
        Matcher m = PROPERTY.matcher(line);
        if (!m.matches()) return false;
        block.put(m.group(1), m.group(2));
        return true;
    }

    /** Ends the current block, if any. @param line 1-based line of the output where it ended, for the message */
    void end(int line) throws UnrecognisedOutputException {
        if (block.isEmpty()) return;
        String id = block.get("Id");
        if (id == null) throw new UnrecognisedOutputException("a systemctl block has no Id= property", line);
        units.put(id, block);
        block = new HashMap<>();
    }

    boolean has(String unit) {
        return units.containsKey(unit);
    }

    /** The unit's properties; not understood when the output has no ActiveState for it. */
    Map<String, String> unit(String unit) throws UnrecognisedOutputException {
        Map<String, String> props = units.get(unit);
        if (props == null || props.get("ActiveState") == null) {
            throw new UnrecognisedOutputException("no systemctl ActiveState for " + unit, 0);
        }
        return props;
    }

    /** True when the unit is loaded and active. */
    boolean active(String unit) throws UnrecognisedOutputException {
        Map<String, String> props = unit(unit);
        return "loaded".equals(props.get("LoadState")) && "active".equals(props.get("ActiveState"));
    }
}
