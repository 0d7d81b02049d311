package io.auditor.collect.parsers;

import com.fasterxml.jackson.databind.JsonNode;
import io.auditor.collect.Parser;
import io.auditor.collect.UnrecognisedOutputException;
import io.auditor.model.Observation;
import io.auditor.model.facts.AntiMalwareStatus;
import io.auditor.model.facts.Fact;

import java.time.Instant;
import java.util.List;

/**
 * {@code Get-MpComputerStatus} (selected properties) as {@code ConvertTo-Json}. The engine counts as running
 * when both its service and antivirus protection are enabled (Defender in passive mode beside another product
 * reports the service enabled but antivirus disabled). Defender updates its signatures itself, so
 * {@code updaterRunning} is null.
 */
public final class WindowsDefenderParser implements Parser {
    static final String[] FIELDS = {"AMProductVersion", "AMServiceEnabled", "AntivirusEnabled",
            "RealTimeProtectionEnabled", "AntivirusSignatureVersion", "AntivirusSignatureLastUpdated"};

    @Override
    public String id() { return "windows-defender"; }

    @Override
    public List<Fact> parse(Observation obs) throws UnrecognisedOutputException {
        JsonNode s = Json.single(obs.output(), "Get-MpComputerStatus", FIELDS);
        String version = Json.text(s, "AMProductVersion");
        Boolean service = Json.bool(s, "AMServiceEnabled");
        Boolean antivirus = Json.bool(s, "AntivirusEnabled");
        Boolean running = service == null || antivirus == null ? null : service && antivirus;
        String product = "Microsoft Defender Antivirus" + (version == null || version.isBlank() ? "" : " " + version);
        Instant signatures = Times.notAfter(Json.date(s, "AntivirusSignatureLastUpdated"), obs.observedAt(),
                "AntivirusSignatureLastUpdated", 0);
        return List.of(new AntiMalwareStatus(obs.deviceId(), obs.probeId(), obs.observedAt(), product, true, running,
                Json.bool(s, "RealTimeProtectionEnabled"), null, Json.text(s, "AntivirusSignatureVersion"), signatures));
    }
}
