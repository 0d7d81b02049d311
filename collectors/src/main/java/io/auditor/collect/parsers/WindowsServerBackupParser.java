package io.auditor.collect.parsers;

import com.fasterxml.jackson.databind.JsonNode;
import io.auditor.collect.Parser;
import io.auditor.collect.UnrecognisedOutputException;
import io.auditor.model.Observation;
import io.auditor.model.facts.BackupRun;
import io.auditor.model.facts.BackupStatus;
import io.auditor.model.facts.Fact;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code Get-WBSummary} (selected properties) as {@code ConvertTo-Json}. Yields the last successful backup
 * (unless its time is the year-1 "never" placeholder) and, when the last attempt failed
 * ({@code LastBackupResultHR} not 0), that failed attempt with its HRESULT.
 */
public final class WindowsServerBackupParser implements Parser {
    static final String TOOL = "windows-server-backup";
    static final String DATA_SET = "system backup";

    @Override
    public String id() { return "windows-server-backup"; }

    @Override
    public List<Fact> parse(Observation obs) throws UnrecognisedOutputException {
        JsonNode s = Json.single(obs.output(), "Get-WBSummary", "LastSuccessfulBackupTime", "LastBackupTime",
                "LastBackupResultHR", "NumberOfVersions");
        Integer versions = Json.count(s, "NumberOfVersions");
        if (versions == null) throw new UnrecognisedOutputException("NumberOfVersions is null, not a count", 0);
        Long hr = hresult(s, "LastBackupResultHR");
        Long detailed = s.has("LastBackupResultDetailedHR") ? hresult(s, "LastBackupResultDetailedHR") : null;
        Instant lastSuccess = Times.notAfter(Json.date(s, "LastSuccessfulBackupTime"), obs.observedAt(),
                "LastSuccessfulBackupTime", 0);
        Instant lastAttempt = Times.notAfter(Json.date(s, "LastBackupTime"), obs.observedAt(), "LastBackupTime", 0);

        List<Fact> facts = new ArrayList<>();
        facts.add(new BackupStatus(obs.deviceId(), obs.probeId(), obs.observedAt(), TOOL, versions));
        if (lastSuccess != null && !Json.isSentinel(lastSuccess)) {
            facts.add(new BackupRun(obs.deviceId(), obs.probeId(), TOOL, DATA_SET, lastSuccess, true,
                    "last successful backup; " + versions + " backup versions kept"));
        }
        if (hr != null && hr != 0 && lastAttempt != null && !Json.isSentinel(lastAttempt)) {
            String detail = "HRESULT " + hex(hr);
            if (detailed != null && detailed != 0 && !detailed.equals(hr)) detail += " (detailed " + hex(detailed) + ")";
            facts.add(new BackupRun(obs.deviceId(), obs.probeId(), TOOL, DATA_SET, lastAttempt, false, detail));
        }
        return facts;
    }

    /** An HRESULT as ConvertTo-Json prints it: a signed 32-bit integer (failures are negative). */
    private static Long hresult(JsonNode s, String field) throws UnrecognisedOutputException {
        JsonNode n = s.get(field);
        if (n == null || n.isNull()) return null;
        if (!n.isIntegralNumber() || !n.canConvertToLong()
                || n.longValue() < Integer.MIN_VALUE || n.longValue() > 0xFFFFFFFFL) {
            throw new UnrecognisedOutputException(field + " is " + n + ", not an HRESULT", 0);
        }
        return n.longValue() & 0xFFFFFFFFL;
    }

    private static String hex(long hr) {
        return String.format("0x%08X", hr);
    }
}
