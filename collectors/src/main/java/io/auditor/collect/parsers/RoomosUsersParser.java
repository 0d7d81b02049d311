package io.auditor.collect.parsers;

import io.auditor.collect.Parser;
import io.auditor.collect.UnrecognisedOutputException;
import io.auditor.model.Observation;
import io.auditor.model.facts.Fact;
import io.auditor.model.facts.ApplianceAccount;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reply to {@code xCommand UserManagement User List} on Cisco RoomOS/CE: per user {@code Username},
 * {@code Active}, {@code Roles Role n} and {@code PassphraseChangeRequired}. The reply never contains a passphrase;
 * an account whose passphrase must still be changed (the initial one) counts as having none of its owner's choosing.
 * {@code admin} is the account the units ship with.
 */
public final class RoomosUsersParser implements Parser {
    private static final Pattern USER = Pattern.compile("User (\\d{1,4}) (.+)");

    @Override
    public String id() { return "roomos-users"; }

    @Override
    public List<Fact> parse(Observation obs) throws UnrecognisedOutputException {
        XapiReply r = XapiReply.read(obs.output(), "*r UserListResult ", "xCommand UserManagement User List");
        Map<Integer, Map<String, String>> users = new TreeMap<>();
        for (Map.Entry<String, String> e : r.values.entrySet()) {
            Matcher m = USER.matcher(e.getKey());
            if (!m.matches()) continue; // Offset, Limit, TotalRows
            users.computeIfAbsent(Integer.parseInt(m.group(1)), k -> new TreeMap<>()).put(m.group(2), e.getValue());
        }
        String total = r.get("TotalRows");
        if (total != null && total.matches("\\d+") && Integer.parseInt(total) != users.size()) {
            throw new UnrecognisedOutputException("the unit reports " + total + " users but the reply lists "
                    + users.size() + " (a paged or cut reply)", r.line("TotalRows"));
        }
        List<Fact> facts = new ArrayList<>();
        for (Map.Entry<Integer, Map<String, String>> u : users.entrySet()) {
            Map<String, String> f = u.getValue();
            String name = f.get("Username");
            if (name == null || name.isEmpty()) {
                throw new UnrecognisedOutputException("user " + u.getKey() + " has no Username", 0);
            }
            List<String> roles = new ArrayList<>();
            for (Map.Entry<String, String> e : f.entrySet()) if (e.getKey().startsWith("Roles Role")) roles.add(e.getValue());
            Boolean active = bool(f.get("Active"));
            Boolean changeRequired = bool(f.get("PassphraseChangeRequired"));
            facts.add(new ApplianceAccount(obs.deviceId(), obs.probeId(), name,
                    roles.stream().anyMatch(x -> x.equalsIgnoreCase("Admin")), active,
                    changeRequired == null ? null : !changeRequired, name.equals("admin"), String.join(", ", roles)));
        }
        if (facts.isEmpty()) throw new UnrecognisedOutputException("the reply lists no users (the audit account itself is one)", 0);
        return facts;
    }

    private static Boolean bool(String s) {
        if (s == null) return null;
        if (s.equalsIgnoreCase("True")) return true;
        if (s.equalsIgnoreCase("False")) return false;
        return null;
    }
}
