package io.auditor.collect.parsers;

import com.fasterxml.jackson.databind.JsonNode;
import io.auditor.collect.Parser;
import io.auditor.collect.Text;
import io.auditor.collect.UnrecognisedOutputException;
import io.auditor.model.Observation;
import io.auditor.model.facts.AdminGroup;
import io.auditor.model.facts.Fact;
import io.auditor.model.facts.GroupMember;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code Get-LocalGroupMember -SID S-1-5-32-544} (Name, ObjectClass, PrincipalSource) as {@code ConvertTo-Json}.
 * An empty output means the group has no members. PrincipalSource is accepted as its name or as the enum's
 * number (0 Unknown, 1 Local, 2 ActiveDirectory, 3 AzureAD, 4 MicrosoftAccount); Windows before 10/2016 leaves
 * it blank.
 */
public final class WindowsLocalAdminsParser implements Parser {
    static final String GROUP = "Administrators";
    private static final String[] SOURCES = {"Unknown", "Local", "ActiveDirectory", "AzureAD", "MicrosoftAccount"};
    private static final String[] ORIGINS = {null, "local", "domain", "azuread", "microsoft"};

    @Override
    public String id() { return "windows-local-admins"; }

    @Override
    public List<Fact> parse(Observation obs) throws UnrecognisedOutputException {
        List<Fact> members = new ArrayList<>();
        int n = 0;
        for (JsonNode m : Json.list(obs.output(), "group members", "group member")) {
            n++;
            String what = "member " + n;
            Json.require(m, what, "Name", "ObjectClass");
            String name = Json.text(m, "Name");
            if (name == null || name.isBlank()) throw new UnrecognisedOutputException(what + " has no Name", 0);
            String cls = Json.text(m, "ObjectClass");
            String type;
            if ("User".equalsIgnoreCase(cls)) type = "user";
            else if ("Group".equalsIgnoreCase(cls)) type = "group";
            else throw new UnrecognisedOutputException(what + " (" + name + ") has ObjectClass "
                        + Text.quote(String.valueOf(cls)) + ", expected User or Group", 0);
            members.add(new GroupMember(obs.deviceId(), obs.probeId(), GROUP, name, type, origin(m.get("PrincipalSource"), what)));
        }
        List<Fact> facts = new ArrayList<>();
        facts.add(new AdminGroup(obs.deviceId(), obs.probeId(), GROUP, members.size()));
        facts.addAll(members);
        return facts;
    }

    private static String origin(JsonNode source, String what) throws UnrecognisedOutputException {
        if (source == null || source.isNull()) return null;
        if (source.isIntegralNumber()) {
            int i = source.asInt(-1);
            if (i >= 0 && i < ORIGINS.length && source.canConvertToInt()) return ORIGINS[i];
        } else if (source.isTextual()) {
            String s = source.asText().strip();
            if (s.isEmpty()) return null;
            for (int i = 0; i < SOURCES.length; i++) {
                if (SOURCES[i].toLowerCase(Locale.ROOT).equals(s.toLowerCase(Locale.ROOT))) return ORIGINS[i];
            }
        }
        throw new UnrecognisedOutputException(what + " has PrincipalSource " + source
                + ", expected Local, ActiveDirectory, AzureAD, MicrosoftAccount or Unknown", 0);
    }
}
