package io.auditor.collect.parsers;

import com.fasterxml.jackson.databind.JsonNode;
import io.auditor.collect.Parser;
import io.auditor.collect.Text;
import io.auditor.collect.UnrecognisedOutputException;
import io.auditor.model.Observation;
import io.auditor.model.facts.Fact;
import io.auditor.model.facts.LocalAccount;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code Get-LocalUser} (Name, Enabled, SID as text) as {@code ConvertTo-Json}. The built-in Administrator and Guest
 * are recognised by their SIDs (machine SID followed by -500 and -501), so renaming them does not hide them.
 * Every Windows computer has both, so an empty result is not understood.
 */
public final class WindowsLocalAccountsParser implements Parser {
    private static final Pattern SID = Pattern.compile("S-1-5-21(-\\d+)+");

    @Override
    public String id() { return "windows-local-accounts"; }

    @Override
    public List<Fact> parse(Observation obs) throws UnrecognisedOutputException {
        List<Fact> facts = new ArrayList<>();
        int n = 0;
        for (JsonNode u : Json.list(obs.output(), "local users", "local user")) {
            n++;
            String what = "user " + n;
            Json.require(u, what, "Name", "Enabled", "SID");
            String name = Json.text(u, "Name");
            if (name == null || name.isBlank()) throw new UnrecognisedOutputException(what + " has no Name", 0);
            String sid = Json.text(u, "SID");
            if (sid == null || !SID.matcher(sid).matches()) {
                throw new UnrecognisedOutputException(what + " (" + name + ") has SID " + Text.quote(String.valueOf(sid))
                        + ", expected a local account SID S-1-5-21-…", 0);
            }
            String builtIn = sid.endsWith("-500") ? "administrator" : sid.endsWith("-501") ? "guest" : null;
            facts.add(new LocalAccount(obs.deviceId(), obs.probeId(), Text.clean(name, 120), Json.bool(u, "Enabled"), builtIn));
        }
        if (facts.isEmpty()) {
            throw new UnrecognisedOutputException("no local users; every Windows computer has at least the built-in "
                    + "Administrator and Guest", 0);
        }
        return facts;
    }
}
