package io.auditor.collect.parsers;

import io.auditor.collect.Parser;
import io.auditor.collect.Text;
import io.auditor.collect.UnrecognisedOutputException;
import io.auditor.model.Observation;
import io.auditor.model.facts.Fact;
import io.auditor.model.facts.SoftwareRelease;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reply to {@code xStatus SystemUnit Software} on Cisco video units: {@code DisplayName} such as
 * {@code RoomOS 11.14.2.3 4b7d3df8d7f} (older software {@code ce 9.15.3.17 …} or {@code tc 7.3.21 …}), else
 * {@code Version} such as {@code ce11.14.2.3.4b7d3df8d7f}. The release becomes a SoftwareRelease for FW-04/PATCH-03.
 */
public final class RoomosSoftwareParser implements Parser {
    private static final Pattern DISPLAY = Pattern.compile("(RoomOS|ce|CE|tc|TC)\\s+(\\d+(?:\\.\\d+){1,3})\\b.*");
    private static final Pattern VERSION = Pattern.compile("(ce|tc)(\\d+(?:\\.\\d+){1,3}).*");

    @Override
    public String id() { return "roomos-software"; }

    @Override
    public List<Fact> parse(Observation obs) throws UnrecognisedOutputException {
        XapiReply r = XapiReply.read(obs.output(), "*s SystemUnit Software ", "xStatus SystemUnit Software");
        String display = r.get("DisplayName");
        if (display != null) {
            Matcher m = DISPLAY.matcher(display.strip());
            if (m.matches()) return List.of(release(obs, m.group(1), m.group(2)));
        }
        String version = r.get("Version");
        if (version != null) {
            Matcher m = VERSION.matcher(version.strip());
            if (m.matches()) return List.of(release(obs, m.group(1), m.group(2)));
        }
        throw new UnrecognisedOutputException("no software release in DisplayName "
                + (display == null ? "(missing)" : Text.quote(display)) + " or Version "
                + (version == null ? "(missing)" : Text.quote(version)), display != null ? r.line("DisplayName") : 0);
    }

    private static SoftwareRelease release(Observation obs, String family, String version) {
        String product = switch (family.toLowerCase(java.util.Locale.ROOT)) {
            case "roomos" -> "RoomOS";
            case "tc" -> "Cisco TC";
            default -> "Cisco CE";
        };
        return new SoftwareRelease(obs.deviceId(), obs.probeId(), product, version);
    }
}
