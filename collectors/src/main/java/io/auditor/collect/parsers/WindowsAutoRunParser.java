package io.auditor.collect.parsers;

import com.fasterxml.jackson.databind.JsonNode;
import io.auditor.collect.Parser;
import io.auditor.collect.UnrecognisedOutputException;
import io.auditor.model.Observation;
import io.auditor.model.facts.AutoRunPolicy;
import io.auditor.model.facts.Fact;

import java.util.List;

/**
 * The machine's AutoRun policy under {@code HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Policies\Explorer}:
 * {@code NoDriveTypeAutoRun} 255 (0xFF) turns AutoRun off for every drive type, and {@code NoAutorun} 1 stops
 * autorun.inf commands on every drive. Either is enough; Windows' own default (0x91) leaves removable drives on.
 */
public final class WindowsAutoRunParser implements Parser {
    static final int ALL_DRIVE_TYPES = 0xFF;

    @Override
    public String id() { return "windows-autorun"; }

    @Override
    public List<Fact> parse(Observation obs) throws UnrecognisedOutputException {
        JsonNode s = Json.single(obs.output(), "AutoRun policy", "NoDriveTypeAutoRun", "NoAutorun");
        Integer types = RegistryValues.number(s, "NoDriveTypeAutoRun");
        Integer noAutorun = RegistryValues.number(s, "NoAutorun");
        boolean off = (types != null && (types & ALL_DRIVE_TYPES) == ALL_DRIVE_TYPES) || Integer.valueOf(1).equals(noAutorun);
        return List.of(new AutoRunPolicy(obs.deviceId(), obs.probeId(), types, noAutorun, off));
    }
}
