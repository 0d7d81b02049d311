package io.auditor.collect.parsers;

import io.auditor.collect.Parser;
import io.auditor.collect.Text;
import io.auditor.collect.UnrecognisedOutputException;
import io.auditor.model.Observation;
import io.auditor.model.facts.AdminGroup;
import io.auditor.model.facts.Fact;
import io.auditor.model.facts.GroupMember;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * group(5) lines ({@code name:password:gid:member,member}) as {@code getent group} prints them. Lines naming
 * the same group are merged, which is how the synthetic {@code uid0} group lists every account with uid 0.
 * Groups the command did not print do not exist on the device and yield no fact.
 */
public final class GetentGroupParser implements Parser {
    private static final Pattern GID = Pattern.compile("\\d{1,10}");

    @Override
    public String id() { return "getent-group"; }

    @Override
    public List<Fact> parse(Observation obs) throws UnrecognisedOutputException {
        Map<String, Set<String>> groups = new LinkedHashMap<>();
        List<String> lines = Text.lines(obs.output());
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) continue;
            String[] f = line.split(":", -1);
            if (f.length != 4 || f[0].isEmpty() || !GID.matcher(f[2]).matches()) {
                throw new UnrecognisedOutputException("not a group line name:password:gid:members: " + Text.quote(line),
                        i + 1);
            }
            Set<String> members = groups.computeIfAbsent(f[0], g -> new LinkedHashSet<>());
            for (String m : f[3].split(",")) {
                String member = m.strip();
                if (!member.isEmpty()) members.add(member);
            }
        }
        if (groups.isEmpty()) {
            throw new UnrecognisedOutputException("no group lines (every system has an account with uid 0)", 0);
        }
        List<Fact> facts = new ArrayList<>();
        for (Map.Entry<String, Set<String>> g : groups.entrySet()) {
            facts.add(new AdminGroup(obs.deviceId(), obs.probeId(), g.getKey(), g.getValue().size()));
            for (String m : g.getValue()) {
                facts.add(new GroupMember(obs.deviceId(), obs.probeId(), g.getKey(), m, "user", "local"));
            }
        }
        return facts;
    }
}
