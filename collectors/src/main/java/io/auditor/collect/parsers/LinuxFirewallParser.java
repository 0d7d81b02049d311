package io.auditor.collect.parsers;

import io.auditor.collect.Parser;
import io.auditor.collect.Text;
import io.auditor.collect.UnrecognisedOutputException;
import io.auditor.model.Observation;
import io.auditor.model.facts.Fact;
import io.auditor.model.facts.HostFirewall;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code host-firewall} probe on Linux: {@code == ipv6 disabled: 0|1|unknown}, then for each of
 * {@code nft list ruleset}, {@code iptables -S}, {@code ip6tables -S} and {@code ufw status verbose} that is installed,
 * {@code == <command>}, its output and {@code == exit <status>}.
 *
 * <p>Per address family (IPv4, IPv6) the filter is <em>on</em> when some readable source filters inbound traffic, and
 * <em>default-deny</em> when some source drops what it does not allow: an nftables base chain on the input hook
 * (family ip/ip6/inet) with {@code policy drop} or ending in an unconditional drop/reject (firewalld's layout), an
 * iptables {@code -P INPUT DROP} or a final unconditional {@code -A INPUT -j DROP/REJECT}, or ufw active with
 * {@code deny}/{@code reject (incoming)}. Any one of them is enough, because a packet must pass every input hook.
 * A source that could not be read (not root and no sudo right) does not count; when none could, the state is
 * unknown. With IPv6 switched off, the IPv6 part is not reported.
 */
public final class LinuxFirewallParser implements Parser {
    private static final Pattern IPV6 = Pattern.compile("== ipv6 disabled: (0|1|unknown)");
    private static final Pattern SECTION = Pattern.compile("== (nft list ruleset|iptables -S|ip6tables -S|ufw status verbose)");
    private static final Pattern TABLE = Pattern.compile("table (ip|ip6|inet|arp|bridge|netdev) (\\S+) \\{");
    private static final Pattern CHAIN = Pattern.compile("chain (\\S+) \\{");
    private static final Pattern HOOK = Pattern.compile("type filter hook input priority [^;]+;(?:\\s*policy (accept|drop);)?");
    private static final Pattern DENY_RULE = Pattern.compile(
            "(?:counter(?: packets \\d+ bytes \\d+)? )?(?:log(?: prefix \"[^\"]*\")?(?: level \\w+)? )?(?:drop|reject(?: with .+)?)");
    private static final Pattern IPT_POLICY = Pattern.compile("-P INPUT (ACCEPT|DROP)");
    private static final Pattern UFW_DEFAULT = Pattern.compile("Default: (\\w+) \\(incoming\\).*");
    private static final Pattern IPT_FINAL = Pattern.compile("-A INPUT (?:-m comment --comment (?:\"[^\"]*\"|\\S+) )?-j (DROP|REJECT)(?: .*)?");

    @Override
    public String id() { return "linux-firewall"; }

    /** What one source says about one family; null fields: not said. */
    private static final class Verdict {
        boolean filters;
        boolean denies;
        final List<String> why = new ArrayList<>();
    }

    @Override
    public List<Fact> parse(Observation obs) throws UnrecognisedOutputException {
        List<String> lines = Text.lines(obs.output());
        int i = 0;
        while (i < lines.size() && lines.get(i).isBlank()) i++;
        Matcher v6 = i < lines.size() ? IPV6.matcher(lines.get(i).strip()) : null;
        if (v6 == null || !v6.matches()) {
            throw new UnrecognisedOutputException("expected '== ipv6 disabled: …' first", i < lines.size() ? i + 1 : 0);
        }
        boolean ipv6Off = v6.group(1).equals("1");
        CommandSections commands = new CommandSections(SECTION);
        for (i = i + 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!commands.take(line, i) && !line.isBlank()) {
                throw new UnrecognisedOutputException("expected a '== <command>' section, found " + Text.quote(line), i + 1);
            }
        }
        commands.end();
        Map<String, List<String>> sections = commands.output;
        Map<String, Integer> exits = commands.exits;

        Verdict v4 = new Verdict();
        Verdict v6v = new Verdict();
        List<String> unreadable = new ArrayList<>();
        int readable = 0;
        for (Map.Entry<String, List<String>> s : sections.entrySet()) {
            String cmd = s.getKey();
            if (exits.get(cmd) != 0) {
                unreadable.add(cmd + " exited " + exits.get(cmd) + ": " + firstLine(s.getValue()));
                continue;
            }
            readable++;
            switch (cmd) {
                case "nft list ruleset" -> nft(s.getValue(), v4, v6v);
                case "iptables -S" -> iptables(s.getValue(), v4, "iptables");
                case "ip6tables -S" -> iptables(s.getValue(), v6v, "ip6tables");
                default -> ufw(s.getValue(), v4, v6v);
            }
        }
        String notes = unreadable.isEmpty() ? "" : "; not readable: " + String.join("; ", unreadable);
        List<Fact> facts = new ArrayList<>();
        if (readable == 0) {
            String why = sections.isEmpty() ? "none of nft, iptables, ufw is installed" : "no firewall tool could be read"
                    + notes;
            facts.add(new HostFirewall(obs.deviceId(), obs.probeId(), "IPv4", null, null, why));
            if (!ipv6Off) facts.add(new HostFirewall(obs.deviceId(), obs.probeId(), "IPv6", null, null, why));
            return facts;
        }
        facts.add(fact(obs, "IPv4", v4, notes));
        if (!ipv6Off) facts.add(fact(obs, "IPv6", v6v, notes));
        return facts;
    }

    private static HostFirewall fact(Observation obs, String family, Verdict v, String notes) {
        String detail = (v.why.isEmpty() ? "no inbound filtering found" : String.join("; ", v.why)) + notes;
        return new HostFirewall(obs.deviceId(), obs.probeId(), family, v.filters, v.filters && v.denies,
                Text.clean(detail, 400));
    }

    private static void nft(List<String> lines, Verdict v4, Verdict v6) throws UnrecognisedOutputException {
        String family = null;
        String table = null;
        String chain = null;
        boolean base = false;
        String policy = null;
        String lastRule = null;
        int depth = 0;
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty()) continue;
            Matcher t = TABLE.matcher(line);
            Matcher c = CHAIN.matcher(line);
            if (depth == 0 && t.matches()) {
                family = t.group(1);
                table = t.group(2);
                depth = 1;
            } else if (depth == 1 && c.matches()) {
                chain = c.group(1);
                base = false;
                policy = null;
                lastRule = null;
                depth = 2;
            } else if (depth == 2 && line.equals("}")) {
                if (base) {
                    boolean drops = "drop".equals(policy) || (lastRule != null && DENY_RULE.matcher(lastRule).matches());
                    String what = "nftables " + family + " " + table + " chain " + chain + " (input hook, policy "
                            + (policy == null ? "accept" : policy) + (drops && !"drop".equals(policy) ? ", ends in " + lastRule : "") + ")";
                    if (family.equals("ip") || family.equals("inet")) mark(v4, drops, what);
                    if (family.equals("ip6") || family.equals("inet")) mark(v6, drops, what);
                }
                depth = 1;
            } else if (depth == 1 && line.equals("}")) {
                depth = 0;
            } else if (depth == 2) {
                Matcher h = HOOK.matcher(line);
                if (h.matches()) {
                    base = true;
                    policy = h.group(1);
                } else if (!line.startsWith("type ") && !line.startsWith("comment ")) {
                    lastRule = line;
                }
            } else if (depth == 1) {
                // sets, maps, flowtables and their bodies: not filtering decisions
                if (line.endsWith("{")) depth = 3;
            } else if (depth >= 3) {
                if (line.endsWith("{")) depth++;
                else if (line.equals("}")) depth = depth == 3 ? 1 : depth - 1;
            } else {
                throw new UnrecognisedOutputException("nft ruleset line outside a table: " + Text.quote(line), 0);
            }
        }
    }

    private static void iptables(List<String> lines, Verdict v, String tool) throws UnrecognisedOutputException {
        String policy = null;
        String last = null;
        boolean rules = false;
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty()) continue;
            if (!line.startsWith("-")) {
                throw new UnrecognisedOutputException(tool + " -S printed " + Text.quote(line) + ", not a rule", 0);
            }
            Matcher p = IPT_POLICY.matcher(line);
            if (p.matches()) policy = p.group(1);
            if (line.startsWith("-A INPUT ")) {
                rules = true;
                last = line;
            }
        }
        if (policy == null) throw new UnrecognisedOutputException(tool + " -S printed no INPUT policy", 0);
        boolean drops = policy.equals("DROP") || (last != null && IPT_FINAL.matcher(last).matches());
        if (policy.equals("DROP") || rules) {
            mark(v, drops, tool + " INPUT policy " + policy + (drops && policy.equals("ACCEPT") ? ", ends in " + last : ""));
        }
    }

    private static void ufw(List<String> lines, Verdict v4, Verdict v6) throws UnrecognisedOutputException {
        String status = null;
        String incoming = null;
        for (String raw : lines) {
            String line = raw.strip();
            if (line.startsWith("Status: ")) status = line.substring(8).strip();
            Matcher d = UFW_DEFAULT.matcher(line);
            if (d.matches()) incoming = d.group(1);
        }
        if (status == null) throw new UnrecognisedOutputException("ufw status printed no 'Status:' line", 0);
        if (!status.equals("active")) return;
        boolean drops = "deny".equals(incoming) || "reject".equals(incoming);
        String what = "ufw active, default " + incoming + " (incoming)";
        mark(v4, drops, what);
        mark(v6, drops, what);
    }

    private static void mark(Verdict v, boolean drops, String what) {
        v.filters = true;
        v.denies |= drops;
        v.why.add(what);
    }

    private static String firstLine(List<String> lines) {
        for (String l : lines) if (!l.isBlank()) return Text.clean(l, 120);
        return "(no output)";
    }
}
