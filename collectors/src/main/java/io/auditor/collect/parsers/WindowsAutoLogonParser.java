package io.auditor.collect.parsers;

import com.fasterxml.jackson.databind.JsonNode;
import io.auditor.collect.Parser;
import io.auditor.collect.Text;
import io.auditor.collect.UnrecognisedOutputException;
import io.auditor.model.Observation;
import io.auditor.model.facts.AutoLogon;
import io.auditor.model.facts.Fact;

import java.util.List;

/**
 * Winlogon's automatic logon: {@code AutoAdminLogon} ("1" on), {@code DefaultDomainName}/{@code DefaultUserName},
 * and whether a {@code DefaultPassword} value exists. The probe asks only for the value's presence, so the password
 * never leaves the device.
 */
public final class WindowsAutoLogonParser implements Parser {
    @Override
    public String id() { return "windows-auto-logon"; }

    @Override
    public List<Fact> parse(Observation obs) throws UnrecognisedOutputException {
        JsonNode s = Json.single(obs.output(), "Winlogon settings", "AutoAdminLogon", "DefaultUserName",
                "DefaultDomainName", "DefaultPasswordSet");
        if (s.has("DefaultPassword")) {
            // Defence in depth: a changed probe must not make the auditor keep a password in its evidence.
            throw new UnrecognisedOutputException("the output contains DefaultPassword itself; the probe must only "
                    + "report DefaultPasswordSet", 0);
        }
        Integer auto = RegistryValues.number(s, "AutoAdminLogon");
        Boolean stored = Json.bool(s, "DefaultPasswordSet");
        if (stored == null) throw new UnrecognisedOutputException("DefaultPasswordSet is null, expected true or false", 0);
        String user = Json.text(s, "DefaultUserName");
        String domain = Json.text(s, "DefaultDomainName");
        if (user != null && user.isBlank()) user = null;
        if (user != null && domain != null && !domain.isBlank() && !user.contains("\\")) user = domain + "\\" + user;
        if (user != null) user = Text.clean(user, 120);
        return List.of(new AutoLogon(obs.deviceId(), obs.probeId(), Integer.valueOf(1).equals(auto), user, stored));
    }
}
