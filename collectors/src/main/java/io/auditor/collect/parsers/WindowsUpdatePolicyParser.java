package io.auditor.collect.parsers;

import com.fasterxml.jackson.databind.JsonNode;
import io.auditor.collect.Parser;
import io.auditor.collect.Text;
import io.auditor.collect.UnrecognisedOutputException;
import io.auditor.model.Observation;
import io.auditor.model.facts.AutomaticUpdates;
import io.auditor.model.facts.Fact;

import java.util.List;

/**
 * The Windows Update policy ({@code NoAutoUpdate} and {@code AUOptions} under
 * {@code HKLM\SOFTWARE\Policies\Microsoft\Windows\WindowsUpdate\AU}) and the start type of the Windows Update
 * service. Updates install by themselves when the service is not disabled, {@code NoAutoUpdate} is not 1 and
 * {@code AUOptions} is unset (Windows' default: download and install automatically) or 4 (download and schedule the
 * install). 2 and 3 wait for a person; 5 leaves the choice to local administrators; 7 notifies before installing.
 */
public final class WindowsUpdatePolicyParser implements Parser {
    @Override
    public String id() { return "windows-update-policy"; }

    @Override
    public List<Fact> parse(Observation obs) throws UnrecognisedOutputException {
        JsonNode s = Json.single(obs.output(), "Windows Update policy", "NoAutoUpdate", "AUOptions", "ServiceStartType");
        Integer noAuto = RegistryValues.number(s, "NoAutoUpdate");
        Integer options = RegistryValues.number(s, "AUOptions");
        String start = Json.text(s, "ServiceStartType");
        if (start == null || start.isBlank()) {
            throw new UnrecognisedOutputException("ServiceStartType is empty: the Windows Update service was not found", 0);
        }
        boolean enabled = !"Disabled".equals(start) && !Integer.valueOf(1).equals(noAuto)
                && (options == null || options == 4);
        String detail = RegistryValues.setting("NoAutoUpdate", noAuto) + ", " + RegistryValues.setting("AUOptions", options)
                + meaning(options) + ", Windows Update service start type " + Text.clean(start, 30);
        return List.of(new AutomaticUpdates(obs.deviceId(), obs.probeId(), "Windows Update", enabled, detail));
    }

    private static String meaning(Integer options) {
        if (options == null) return " (Windows default: download and install automatically)";
        return switch (options) {
            case 2 -> " (notify before download)";
            case 3 -> " (download, notify before install)";
            case 4 -> " (download and install on a schedule)";
            case 5 -> " (local administrators choose)";
            case 7 -> " (download, notify before install and restart)";
            default -> " (not a documented value)";
        };
    }
}
