package io.auditor.collect.parsers;

import com.fasterxml.jackson.databind.JsonNode;
import io.auditor.collect.Parser;
import io.auditor.collect.Text;
import io.auditor.collect.UnrecognisedOutputException;
import io.auditor.model.Observation;
import io.auditor.model.facts.BackupRun;
import io.auditor.model.facts.BackupStatus;
import io.auditor.model.facts.Fact;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code restic snapshots --json}: a JSON array of snapshots ({@code time}, {@code paths}, {@code hostname},
 * {@code id}, {@code short_id}, and from 0.17 {@code program_version} and {@code summary}). Each snapshot is a
 * successful run at its {@code time}; restic keeps no record of failed runs.
 */
public final class ResticSnapshotsParser implements Parser {
    @Override
    public String id() { return "restic-snapshots"; }

    @Override
    public List<Fact> parse(Observation obs) throws UnrecognisedOutputException {
        JsonNode root = Json.read(obs.output());
        if (root == null) throw new UnrecognisedOutputException("no output; expected restic's JSON array of snapshots", 0);
        if (!root.isArray()) throw new UnrecognisedOutputException("expected a JSON array of snapshots", 1);
        List<Fact> runs = new ArrayList<>();
        int n = 0;
        for (JsonNode s : root) {
            n++;
            String what = "snapshot " + n;
            if (!s.isObject()) throw new UnrecognisedOutputException(what + " is not a JSON object", 0);
            Json.require(s, what, "time", "paths");
            String time = Json.text(s, "time");
            Instant at;
            try {
                at = OffsetDateTime.parse(time == null ? "" : time).toInstant();
            } catch (DateTimeParseException e) {
                throw new UnrecognisedOutputException(what + ": time " + Text.quote(String.valueOf(time))
                        + " is not an RFC 3339 time", 0);
            }
            Times.notAfter(at, obs.observedAt(), what + " time", 0);
            String paths = String.join(", ", Json.strings(s, "paths"));
            String shortId = Json.text(s, "short_id");
            String id = Json.text(s, "id");
            if (shortId == null && id != null) shortId = id.length() > 8 ? id.substring(0, 8) : id;
            String host = Json.text(s, "hostname");
            String detail = "snapshot " + (shortId == null ? "?" : shortId) + " of " + (host == null ? "?" : host);
            runs.add(new BackupRun(obs.deviceId(), obs.probeId(), "restic", paths, at, true, detail));
        }
        List<Fact> facts = new ArrayList<>();
        facts.add(new BackupStatus(obs.deviceId(), obs.probeId(), obs.observedAt(), "restic", runs.size()));
        facts.addAll(runs);
        return facts;
    }
}
