package io.auditor.collect.parsers;

import io.auditor.collect.Text;
import io.auditor.collect.UnrecognisedOutputException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Files printed by {@code tail -n +1 -- file… 2>&1}: each after a {@code ==> file <==} header, and
 * {@code tail: cannot open 'file' for reading: reason} for one tail could not read. A file that does not exist is an
 * answer (no such file, or a glob that matched nothing), so it is not kept as unreadable.
 */
final class TailFiles {
    private static final Pattern HEADER = Pattern.compile("==> (.+) <==");
    private static final Pattern TAIL_ERROR = Pattern.compile("tail: cannot open '(.+)' for reading: (.+)");

    /** File → its lines, in the order printed. */
    final Map<String, List<String>> files = new LinkedHashMap<>();
    /** File → 1-based line of the output where its first line is. */
    final Map<String, Integer> firstLine = new HashMap<>();
    /** File tail could not read for another reason than its absence → the reason. */
    final Map<String, String> unreadable = new LinkedHashMap<>();

    private TailFiles() {}

    /**
     * Reads {@code lines} from index {@code from}; a non-blank line before any header (or after an error) is not
     * understood and reported as {@code notAHeader} followed by the line.
     */
    static TailFiles read(List<String> lines, int from, String notAHeader) throws UnrecognisedOutputException {
        TailFiles t = new TailFiles();
        List<String> current = null;
        for (int i = from; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher h = HEADER.matcher(line.strip());
            Matcher e = TAIL_ERROR.matcher(line.strip());
            if (h.matches()) {
                current = new ArrayList<>();
                t.files.put(h.group(1), current);
                t.firstLine.put(h.group(1), i + 2);
            } else if (e.matches()) {
                if (!e.group(2).startsWith("No such file")) t.unreadable.put(e.group(1), e.group(2));
                current = null;
            } else if (current != null) {
                current.add(line);
            } else if (!line.isBlank()) {
                throw new UnrecognisedOutputException(notAHeader + Text.quote(line), i + 1);
            }
        }
        return t;
    }
}
