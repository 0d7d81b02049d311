package io.auditor.collect.parsers;

import io.auditor.collect.UnrecognisedOutputException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Commands a probe runs one after another, each printed as {@code == <command>}, its output and
 * {@code == exit <status>}. Lines outside every section are left to the parser.
 */
final class CommandSections {
    private static final Pattern EXIT = Pattern.compile("== exit (\\d+)");

    private final Pattern header;
    /** Command → its output lines, in the order run. */
    final Map<String, List<String>> output = new LinkedHashMap<>();
    /** Command → its exit status. */
    final Map<String, Integer> exits = new LinkedHashMap<>();
    /** Command → 1-based line of the output where its output starts. */
    final Map<String, Integer> firstLine = new LinkedHashMap<>();
    private String current;

    /** @param header matches a section's first line (stripped); group 1 names the command */
    CommandSections(Pattern header) {
        this.header = header;
    }

    /**
     * Takes line {@code index} (0-based) when it belongs to a section: its header, output or exit line. False for a
     * line outside every section.
     */
    boolean take(String line, int index) throws UnrecognisedOutputException {
        Matcher h = header.matcher(line.strip());
        if (h.matches()) {
            unclosed();
            current = h.group(1);
            output.put(current, new ArrayList<>());
            firstLine.put(current, index + 2);
            return true;
        }
        if (current == null) return false;
        Matcher e = EXIT.matcher(line.strip());
        if (e.matches()) {
            exits.put(current, Integer.valueOf(e.group(1)));
            current = null;
        } else {
            output.get(current).add(line);
        }
        return true;
    }

    /** After the last line: every section must have ended with its exit status. */
    void end() throws UnrecognisedOutputException {
        unclosed();
    }

    private void unclosed() throws UnrecognisedOutputException {
        if (current != null) throw new UnrecognisedOutputException("section '" + current + "' has no '== exit' line", 0);
    }
}
