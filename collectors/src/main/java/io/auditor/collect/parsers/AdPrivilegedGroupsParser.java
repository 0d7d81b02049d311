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
 * The domain's privileged groups with their recursive members, as the {@code ad-privileged-groups} probe prints
 * them: {@code {Domain, Groups: [{Name, SID, Members: [{SamAccountName, ObjectClass, DistinguishedName}]}]}}
 * ({@code Get-ADGroup}, {@code Get-ADGroupMember -Recursive}, {@code ConvertTo-Json}). Members are named
 * {@code DOMAIN\samAccountName}, the spelling Windows uses elsewhere, so ADM-01's approved list and the account
 * facts match them.
 */
public final class AdPrivilegedGroupsParser implements Parser {
    @Override
    public String id() { return "ad-privileged-groups"; }

    @Override
    public List<Fact> parse(Observation obs) throws UnrecognisedOutputException {
        JsonNode root = Json.single(obs.output(), "the privileged-groups script", "Domain", "Groups");
        String domain = Json.text(root, "Domain");
        if (domain == null || domain.isBlank()) throw new UnrecognisedOutputException("Domain is empty", 0);
        List<JsonNode> groups = Json.objects(root.get("Groups"), "group");
        if (groups.isEmpty()) {
            // Domain Admins and Administrators exist in every domain: none found means the script went wrong.
            throw new UnrecognisedOutputException("no privileged groups found; expected at least Domain Admins", 0);
        }
        List<Fact> facts = new ArrayList<>();
        int g = 0;
        for (JsonNode group : groups) {
            g++;
            Json.require(group, "group " + g, "Name", "Members");
            String name = Json.text(group, "Name");
            if (name == null || name.isBlank()) throw new UnrecognisedOutputException("group " + g + " has no Name", 0);
            List<JsonNode> members = Json.objects(group.get("Members"), "member of " + name);
            // DOMAIN\Administrators, not Administrators: on a domain controller the local-admins probe reports a
            // group of that name too, and the two must not read as one.
            String qualified = domain + "\\" + name;
            facts.add(new AdminGroup(obs.deviceId(), obs.probeId(), qualified, members.size()));
            int m = 0;
            for (JsonNode member : members) {
                m++;
                String what = "member " + m + " of " + name;
                Json.require(member, what, "SamAccountName", "ObjectClass");
                String sam = Json.text(member, "SamAccountName");
                if (sam == null || sam.isBlank()) throw new UnrecognisedOutputException(what + " has no SamAccountName", 0);
                String cls = Json.text(member, "ObjectClass");
                if (cls == null || cls.isBlank()) {
                    throw new UnrecognisedOutputException(what + " (" + Text.quote(sam) + ") has no ObjectClass", 0);
                }
                facts.add(new GroupMember(obs.deviceId(), obs.probeId(), qualified, domain + "\\" + sam,
                        cls.toLowerCase(Locale.ROOT), "domain"));
            }
        }
        return facts;
    }
}
