package io.auditor.collect.parsers;

import com.fasterxml.jackson.databind.JsonNode;
import io.auditor.collect.Parser;
import io.auditor.collect.Text;
import io.auditor.collect.UnrecognisedOutputException;
import io.auditor.model.Observation;
import io.auditor.model.facts.Fact;
import io.auditor.model.facts.SoftwareRelease;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The Windows release: {@code Win32_OperatingSystem} Caption and Version, and from the registry the feature update
 * ({@code DisplayVersion}, for example 23H2) and update build revision ({@code UBR}). The version is reported as
 * {@code <DisplayVersion> (<Version>.<UBR>)}, for example {@code 23H2 (10.0.22631.4460)}, because end of support is
 * per feature update while the build identifies the patch level; releases before DisplayVersion existed give the
 * build alone.
 */
public final class WindowsOsReleaseParser implements Parser {
    private static final Pattern VERSION = Pattern.compile("\\d+\\.\\d+\\.\\d+");

    @Override
    public String id() { return "windows-os-release"; }

    @Override
    public List<Fact> parse(Observation obs) throws UnrecognisedOutputException {
        JsonNode s = Json.single(obs.output(), "Windows release", "Caption", "Version", "DisplayVersion", "UBR");
        String caption = Json.text(s, "Caption");
        if (caption == null || caption.isBlank()) throw new UnrecognisedOutputException("Caption is empty", 0);
        String version = Json.text(s, "Version");
        if (version == null || !VERSION.matcher(version).matches()) {
            throw new UnrecognisedOutputException("Version " + Text.quote(String.valueOf(version))
                    + " is not like 10.0.22631", 0);
        }
        Integer ubr = RegistryValues.number(s, "UBR");
        String build = ubr == null ? version : version + "." + ubr;
        String display = Json.text(s, "DisplayVersion");
        String v = display == null || display.isBlank() ? build : Text.clean(display, 20) + " (" + build + ")";
        return List.of(new SoftwareRelease(obs.deviceId(), obs.probeId(), Text.clean(caption, 120), v));
    }
}
