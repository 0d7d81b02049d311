package io.auditor.collect.parsers;

import io.auditor.collect.Parser;
import io.auditor.collect.Text;
import io.auditor.collect.UnrecognisedOutputException;
import io.auditor.model.Observation;
import io.auditor.model.facts.Fact;
import io.auditor.model.facts.PendingUpdate;
import io.auditor.model.facts.UpdateStatus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code apt list --upgradable} (Debian, Ubuntu), preceded by {@code index-refreshed: <epoch> <path>} lines
 * from {@code stat}. An update is a security update when one of its origin suites is a {@code -security}
 * suite ({@code bookworm-security}, {@code jammy-security}). apt does not say when an update was released. Without
 * an {@code index-refreshed} line the output is refused: apt knows only the updates in its local index, so a list
 * from an index of unknown age (wiped, never fetched) cannot show that nothing is pending.
 */
public final class AptUpgradableParser implements Parser {
    private static final Pattern REFRESHED = Pattern.compile("index-refreshed: (\\d{1,12}) (.+)");
    /** {@code name/suite[,suite…] version arch [upgradable from: version]} */
    private static final Pattern PACKAGE =
            Pattern.compile("([^\\s/]+)/(\\S+) (\\S+) (\\S+) \\[upgradable from: ([^\\]\\s]+)\\]");
    private static final String CLI_WARNING = "WARNING: apt does not have a stable CLI interface";

    @Override
    public String id() { return "apt-upgradable"; }

    @Override
    public List<Fact> parse(Observation obs) throws UnrecognisedOutputException {
        List<String> lines = Text.lines(obs.output());
        Instant refreshed = null;
        boolean listing = false;
        List<Fact> updates = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).stripTrailing();
            if (line.isBlank() || line.startsWith(CLI_WARNING)) continue;
            if (!listing) {
                Matcher m = REFRESHED.matcher(line);
                if (m.matches()) {
                    if (refreshed == null) {
                        refreshed = Times.notAfter(Instant.ofEpochSecond(Long.parseLong(m.group(1))), obs.observedAt(),
                                "index refresh time", i + 1);
                    }
                } else if (line.startsWith("Listing...")) {
                    listing = true;
                } else {
                    throw new UnrecognisedOutputException("expected 'index-refreshed: …' or 'Listing...', found "
                            + Text.quote(line), i + 1);
                }
                continue;
            }
            if (line.startsWith("N: ") || line.startsWith("W: ")) continue; // apt's notices, not packages
            Matcher m = PACKAGE.matcher(line);
            if (!m.matches()) {
                throw new UnrecognisedOutputException("not a line of apt list --upgradable: " + Text.quote(line), i + 1);
            }
            boolean security = m.group(2).contains("-security");
            updates.add(new PendingUpdate(obs.deviceId(), obs.probeId(), m.group(1), m.group(5), m.group(3), security,
                    null));
        }
        if (!listing) {
            throw new UnrecognisedOutputException("no 'Listing...' line, so this is not the output of apt list", 0);
        }
        if (refreshed == null) {
            // apt lists only the updates its local index knows: without a refresh time, an empty list proves nothing.
            throw new UnrecognisedOutputException("no 'index-refreshed: …' line: neither apt's success stamp nor its "
                    + "lists folder exists, so the package index was never refreshed (or cannot be read) and the list "
                    + "of pending updates cannot be trusted; run apt-get update", 0);
        }
        List<Fact> facts = new ArrayList<>();
        facts.add(new UpdateStatus(obs.deviceId(), obs.probeId(), obs.observedAt(), refreshed, updates.size()));
        facts.addAll(updates);
        return facts;
    }
}
