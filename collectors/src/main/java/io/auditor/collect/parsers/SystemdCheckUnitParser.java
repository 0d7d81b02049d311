package io.auditor.collect.parsers;

import io.auditor.collect.Parser;
import io.auditor.collect.Text;
import io.auditor.collect.UnrecognisedOutputException;
import io.auditor.model.Observation;
import io.auditor.model.facts.BackupCheck;
import io.auditor.model.facts.Fact;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code TZ=UTC systemctl show --property=Id,LoadState,Result,ExecMainStatus,ExecMainExitTimestamp <unit>} for the
 * unit that checks the backups (restic-check.service): when its last run ended and whether it succeeded. A unit
 * that is not installed, or has never run, is a check that is not on record.
 */
public final class SystemdCheckUnitParser implements Parser {
    private static final DateTimeFormatter SYSTEMD_TIME = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    @Override
    public String id() { return "systemd-check-unit"; }

    @Override
    public List<Fact> parse(Observation obs) throws UnrecognisedOutputException {
        Map<String, String> props = new LinkedHashMap<>();
        List<String> lines = Text.lines(obs.output());
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) continue;
            int eq = line.indexOf('=');
            if (eq <= 0) throw new UnrecognisedOutputException("not a Property=value line: " + Text.quote(line), i + 1);
            props.put(line.substring(0, eq), line.substring(eq + 1));
        }
        for (String key : List.of("Id", "LoadState", "Result", "ExecMainStatus", "ExecMainExitTimestamp")) {
            if (!props.containsKey(key)) throw new UnrecognisedOutputException("no " + key + "= line", 0);
        }
        String unit = props.get("Id");
        String tool = unit.startsWith("restic") ? "restic" : unit.replaceAll("\\.service$", "");
        if (!"loaded".equals(props.get("LoadState"))) {
            return List.of(new BackupCheck(obs.deviceId(), obs.probeId(), obs.observedAt(), tool, null, null,
                    unit + " is not installed (LoadState=" + props.get("LoadState") + ")"));
        }
        String ended = props.get("ExecMainExitTimestamp").strip();
        if (ended.isEmpty()) {
            return List.of(new BackupCheck(obs.deviceId(), obs.probeId(), obs.observedAt(), tool, null, null,
                    unit + " is installed but has not run since the system started"));
        }
        Instant at = Times.notAfter(time(ended), obs.observedAt(), "ExecMainExitTimestamp", 0);
        String result = props.get("Result");
        String status = props.get("ExecMainStatus");
        Boolean success = result.isEmpty() ? null : "success".equals(result) && "0".equals(status);
        return List.of(new BackupCheck(obs.deviceId(), obs.probeId(), obs.observedAt(), tool, at, success,
                unit + " Result=" + result + ", exit status " + status));
    }

    /** {@code Sun 2026-11-01 03:12:44 UTC}: the probe sets TZ=UTC so no other zone is accepted. */
    static Instant time(String s) throws UnrecognisedOutputException {
        String t = s.strip();
        if (!t.endsWith(" UTC")) {
            throw new UnrecognisedOutputException("ExecMainExitTimestamp " + Text.quote(t) + " is not in UTC", 0);
        }
        try {
            return LocalDateTime.parse(t.substring(0, t.length() - 4), SYSTEMD_TIME).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new UnrecognisedOutputException("ExecMainExitTimestamp " + Text.quote(t)
                    + " is not 'Www YYYY-MM-DD hh:mm:ss UTC'", 0);
        }
    }
}
