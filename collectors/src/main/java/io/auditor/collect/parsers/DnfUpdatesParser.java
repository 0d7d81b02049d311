package io.auditor.collect.parsers;

import io.auditor.collect.Parser;
import io.auditor.collect.Text;
import io.auditor.collect.UnrecognisedOutputException;
import io.auditor.model.Observation;
import io.auditor.model.facts.Fact;
import io.auditor.model.facts.PendingUpdate;
import io.auditor.model.facts.UpdateStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code dnf-updates} probe on RHEL and its rebuilds, reading dnf's metadata cache only ({@code -C}: no network,
 * no lock): {@code index-refreshed: <epoch> <repomd.xml>} lines (the cached repository metadata's times), then
 * {@code == security} with {@code dnf updateinfo list --security} and {@code == check-update} with
 * {@code dnf check-update}, each followed by {@code == exit N}.
 *
 * <p>Security advisories come as dnf 4 prints them ({@code RHSA-2024:1234 Important/Sec. openssl-1:3.0.7-27.el9.x86_64},
 * optionally followed by the advisory's date) or as dnf 5's table (Name, Type, Severity, Package, Issued). The
 * advisory date, where given, is the update's release date; otherwise it is unknown and PATCH-01 measures from the
 * index refresh. {@code check-update} exits 100 when updates are pending, which is an answer, not a failure.
 */
public final class DnfUpdatesParser implements Parser {
    private static final Pattern STAMP = Pattern.compile("index-refreshed: (\\d{1,12}) (\\S.*)");
    private static final Pattern SECTION = Pattern.compile("== (security|check-update)");
    /** dnf 4: id, type label, NEVRA, then optionally a date (and time). */
    private static final Pattern DNF4 = Pattern.compile("(\\S+)\\s+(\\S+/Sec\\.)\\s+(\\S+)(?:\\s+(\\d{4}-\\d{2}-\\d{2})(?:\\s+\\d{2}:\\d{2}(?::\\d{2})?)?)?");
    /** dnf 5: name, type, severity, NEVRA, issued date and time. */
    private static final Pattern DNF5 = Pattern.compile("(\\S+)\\s+security\\s+(\\S+)\\s+(\\S+)\\s+(\\d{4}-\\d{2}-\\d{2})(?:\\s+\\d{2}:\\d{2}(?::\\d{2})?)?");
    private static final Pattern DNF5_HEADER = Pattern.compile("Name\\s+Type\\s+Severity\\s+Package\\s+Issued");
    /** check-update: {@code name.arch  [epoch:]version-release  repository}. */
    private static final Pattern UPDATE = Pattern.compile("(\\S+)\\.([A-Za-z0-9_]+)\\s+(\\S+)\\s+(\\S+)");
    private static final Pattern NEVRA = Pattern.compile("(.+)-((?:\\d+:)?[^-]+-[^-]+)\\.([A-Za-z0-9_]+)");

    @Override
    public String id() { return "dnf-updates"; }

    private record Advisory(String id, Instant issued) {}

    @Override
    public List<Fact> parse(Observation obs) throws UnrecognisedOutputException {
        Instant refreshed = null;
        CommandSections commands = new CommandSections(SECTION);
        List<String> lines = Text.lines(obs.output());
        for (int i = 0; i < lines.size(); i++) {
            if (commands.take(lines.get(i), i)) continue;
            String s = lines.get(i).strip();
            Matcher st = STAMP.matcher(s);
            if (st.matches()) {
                Instant t = Times.notAfter(Instant.ofEpochSecond(Long.parseLong(st.group(1))), obs.observedAt(),
                        "metadata time of " + Text.clean(st.group(2), 80), i + 1);
                if (refreshed == null || t.isAfter(refreshed)) refreshed = t;
            } else if (!s.isEmpty()) {
                throw new UnrecognisedOutputException("expected index-refreshed lines or a '== security' section, found "
                        + Text.quote(s), i + 1);
            }
        }
        commands.end();
        Map<String, List<String>> sections = commands.output;
        Map<String, Integer> sectionLine = commands.firstLine;
        Map<String, Integer> exits = commands.exits;
        for (String name : List.of("security", "check-update")) {
            if (!sections.containsKey(name)) throw new UnrecognisedOutputException("no '== " + name + "' section", 0);
        }
        int secExit = exits.get("security");
        int checkExit = exits.get("check-update");
        if (secExit != 0) {
            throw new UnrecognisedOutputException("dnf updateinfo exited " + secExit + ": " + first(sections.get("security")), 0);
        }
        if (checkExit != 0 && checkExit != 100) {
            throw new UnrecognisedOutputException("dnf check-update exited " + checkExit + ": " + first(sections.get("check-update")), 0);
        }

        Map<String, Advisory> security = new LinkedHashMap<>(); // by name.arch
        Map<String, String> securityVersion = new LinkedHashMap<>();
        List<String> sec = sections.get("security");
        for (int i = 0; i < sec.size(); i++) {
            String s = sec.get(i).strip();
            if (s.isEmpty() || DNF5_HEADER.matcher(s).matches()) continue;
            Matcher m5 = DNF5.matcher(s);
            Matcher m4 = DNF4.matcher(s);
            String id;
            String nevra;
            String date;
            if (m5.matches()) {
                id = m5.group(1); nevra = m5.group(3); date = m5.group(4);
            } else if (m4.matches()) {
                id = m4.group(1); nevra = m4.group(3); date = m4.group(4);
            } else {
                throw new UnrecognisedOutputException("not a security advisory line: " + Text.quote(s),
                        sectionLine.get("security") + i);
            }
            Matcher n = NEVRA.matcher(nevra);
            if (!n.matches()) {
                throw new UnrecognisedOutputException("package " + Text.quote(nevra) + " is not name-version-release.arch",
                        sectionLine.get("security") + i);
            }
            Instant issued = date == null ? null : day(date, sectionLine.get("security") + i, obs);
            String key = n.group(1) + "." + n.group(3);
            Advisory previous = security.get(key);
            // Several advisories for one package: the oldest tells how long a fix has been waiting.
            if (previous == null || (issued != null && (previous.issued() == null || issued.isBefore(previous.issued())))) {
                security.put(key, new Advisory(id, issued));
            }
            securityVersion.putIfAbsent(key, n.group(2));
        }

        List<Fact> facts = new ArrayList<>();
        List<String> upd = sections.get("check-update");
        int pending = 0;
        for (int i = 0; i < upd.size(); i++) {
            String s = upd.get(i).strip();
            if (s.isEmpty() || s.startsWith("Security:") || s.startsWith("Last metadata expiration check")) continue;
            if (s.equals("Obsoleting Packages") || s.equals("Obsoleting packages")) break; // replacements, listed again above
            Matcher m = UPDATE.matcher(s);
            if (!m.matches()) {
                throw new UnrecognisedOutputException("not a check-update line 'name.arch version repository': " + Text.quote(s),
                        sectionLine.get("check-update") + i);
            }
            String key = m.group(1) + "." + m.group(2);
            Advisory a = security.remove(key);
            securityVersion.remove(key);
            pending++;
            facts.add(new PendingUpdate(obs.deviceId(), obs.probeId(), Text.clean(key + (a == null ? "" : " (" + a.id() + ")"), 160),
                    null, Text.clean(m.group(3), 80), a != null, a == null ? null : a.issued()));
        }
        // An advisory whose package check-update did not list (another repository's newer build hides it) still counts.
        for (Map.Entry<String, Advisory> e : security.entrySet()) {
            pending++;
            facts.add(new PendingUpdate(obs.deviceId(), obs.probeId(), Text.clean(e.getKey() + " (" + e.getValue().id() + ")", 160),
                    null, Text.clean(securityVersion.get(e.getKey()), 80), true, e.getValue().issued()));
        }
        facts.add(0, new UpdateStatus(obs.deviceId(), obs.probeId(), obs.observedAt(), refreshed, pending));
        return facts;
    }

    private static Instant day(String date, int line, Observation obs) throws UnrecognisedOutputException {
        try {
            return Times.notAfter(LocalDate.parse(date).atStartOfDay(ZoneOffset.UTC).toInstant(), obs.observedAt(),
                    "advisory date", line);
        } catch (DateTimeParseException e) {
            throw new UnrecognisedOutputException("advisory date " + Text.quote(date) + " is not yyyy-MM-dd", line);
        }
    }

    private static String first(List<String> lines) {
        for (String l : lines) if (!l.isBlank()) return Text.clean(l, 160);
        return "(no output)";
    }
}
