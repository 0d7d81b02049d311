package io.auditor.collect.parsers;

import com.fasterxml.jackson.databind.JsonNode;
import io.auditor.collect.Parser;
import io.auditor.collect.Text;
import io.auditor.collect.UnrecognisedOutputException;
import io.auditor.model.Observation;
import io.auditor.model.facts.Fact;
import io.auditor.model.facts.UpdateHistory;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * {@code Get-HotFix} (HotFixID, Description, InstalledOn as {@code yyyy-MM-dd}) as {@code ConvertTo-Json}: the
 * updates Windows records as installed, and the newest installation day (taken as the start of that day, UTC).
 * Some entries have no date; they count but cannot be the newest.
 */
public final class WindowsHotfixParser implements Parser {
    @Override
    public String id() { return "windows-hotfixes"; }

    @Override
    public List<Fact> parse(Observation obs) throws UnrecognisedOutputException {
        Instant newest = null;
        String newestId = null;
        int n = 0;
        for (JsonNode h : Json.list(obs.output(), "hotfixes", "hotfix")) {
            n++;
            Json.require(h, "hotfix " + n, "HotFixID", "InstalledOn");
            String id = Json.text(h, "HotFixID");
            String on = Json.text(h, "InstalledOn");
            if (on == null || on.isBlank()) continue;
            Instant at;
            try {
                at = LocalDate.parse(on.strip()).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e) {
                throw new UnrecognisedOutputException("hotfix " + n + " InstalledOn " + Text.quote(on)
                        + " is not a date yyyy-MM-dd", 0);
            }
            Times.notAfter(at, obs.observedAt(), "hotfix " + id + " InstalledOn", 0);
            if (newest == null || at.isAfter(newest)) {
                newest = at;
                newestId = id == null ? null : Text.clean(id, 40);
            }
        }
        return List.of(new UpdateHistory(obs.deviceId(), obs.probeId(), obs.observedAt(), newest, newestId, n));
    }
}
