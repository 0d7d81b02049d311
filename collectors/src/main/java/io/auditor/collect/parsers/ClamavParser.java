package io.auditor.collect.parsers;

import io.auditor.collect.Parser;
import io.auditor.collect.Text;
import io.auditor.collect.UnrecognisedOutputException;
import io.auditor.model.Observation;
import io.auditor.model.facts.AntiMalwareStatus;
import io.auditor.model.facts.Fact;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code clamscan --version} ({@code ClamAV <engine>/<daily signature version>/<signature date>}, or just
 * {@code ClamAV <engine>} without a database) followed by {@code systemctl show} blocks for the scanning daemon,
 * the signature updater (freshclam) and the on-access scanner (clamonacc); on RHEL the daemon is
 * {@code clamd@scan}. The signature date is printed in ctime format without a zone; it is taken as UTC.
 */
public final class ClamavParser implements Parser {
    static final String DAEMON = "clamav-daemon.service";
    /** The scanning daemon's unit on RHEL and its rebuilds (EPEL's clamd package). */
    static final String RHEL_DAEMON = "clamd@scan.service";
    static final String FRESHCLAM = "clamav-freshclam.service";
    static final String ONACCESS = "clamav-clamonacc.service";

    private static final Pattern VERSION = Pattern.compile("ClamAV (\\S+?)(?:/(\\d+)/(.+))?");
    private static final String NOT_INSTALLED = "clamscan: not installed";
    private static final DateTimeFormatter CTIME =
            DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss yyyy", Locale.ENGLISH);

    @Override
    public String id() { return "clamav"; }

    @Override
    public List<Fact> parse(Observation obs) throws UnrecognisedOutputException {
        List<String> lines = Text.lines(obs.output());
        int i = 0;
        while (i < lines.size() && lines.get(i).isBlank()) i++;
        if (i == lines.size()) throw new UnrecognisedOutputException("no output", 0);
        String first = lines.get(i).strip();
        int firstLine = i + 1;
        i++;

        SystemctlShow units = new SystemctlShow();
        for (; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                units.end(i);
            } else if (!units.property(line)) {
                throw new UnrecognisedOutputException("expected a systemctl property such as ActiveState=active, found "
                        + Text.quote(line), i + 1);
            }
        }
        units.end(lines.size());

        if (first.equals(NOT_INSTALLED)) {
            return List.of(new AntiMalwareStatus(obs.deviceId(), obs.probeId(), obs.observedAt(), "ClamAV", false,
                    false, false, false, null, null));
        }
        Matcher v = VERSION.matcher(first);
        if (!v.matches()) {
            throw new UnrecognisedOutputException("expected 'ClamAV <version>…' or '" + NOT_INSTALLED + "', found "
                    + Text.quote(first), firstLine);
        }
        Instant signaturesUpdatedAt = null;
        if (v.group(3) != null) {
            try {
                signaturesUpdatedAt = LocalDateTime.parse(v.group(3).strip().replaceAll("\\s+", " "), CTIME)
                        .toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw new UnrecognisedOutputException("signature date " + Text.quote(v.group(3))
                        + " is not like 'Tue Nov 19 09:40:49 2024'", firstLine);
            }
            Times.notAfter(signaturesUpdatedAt, obs.observedAt(), "signature date", firstLine);
        }
        // Debian's unit name, or RHEL's when the probe asked for it too (a unit that does not exist is not-found).
        boolean daemon = units.active(DAEMON) || (units.has(RHEL_DAEMON) && units.active(RHEL_DAEMON));
        boolean freshclam = units.active(FRESHCLAM);
        boolean onAccess = units.active(ONACCESS);
        return List.of(new AntiMalwareStatus(obs.deviceId(), obs.probeId(), obs.observedAt(), "ClamAV " + v.group(1),
                true, daemon, onAccess, freshclam, v.group(2), signaturesUpdatedAt));
    }
}
