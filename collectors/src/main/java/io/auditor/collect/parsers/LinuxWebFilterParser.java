package io.auditor.collect.parsers;

import io.auditor.collect.Parser;
import io.auditor.collect.Text;
import io.auditor.collect.UnrecognisedOutputException;
import io.auditor.model.Observation;
import io.auditor.model.facts.Fact;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Linux web filter: Squid's configuration ({@code squid.conf} and {@code conf.d}), squidGuard's, the logrotate
 * policy for Squid's log and the nftables ruleset, printed by {@code head -v} as {@code ==> path <==} sections
 * (the ruleset under {@code ==> nft list ruleset <==}). Read for: interception (http_port/https_port
 * {@code intercept} and nft {@code redirect}/{@code dnat} rules to those ports), the networks allowed to use the
 * proxy ({@code acl … src}), authentication ({@code auth_param}), access logging, user names in the log format,
 * YouTube restriction ({@code request_header_add YouTube-Restrict}), squidGuard policies, blocked destinations,
 * safe-search rewrites and pass-everything policies, and log retention (logrotate {@code rotate} × period).
 */
public final class LinuxWebFilterParser implements Parser {
    private static final Pattern HEADER = Pattern.compile("==> (.+) <==");
    private static final Pattern PORT = Pattern.compile("(?:[\\d.]+:)?(\\d{1,5})");
    private static final Pattern NFT_REDIRECT = Pattern.compile(".*\\b(?:redirect|dnat)\\b.*?:(\\d{1,5})\\b.*");
    private static final Pattern NFT_IIF = Pattern.compile("iifname \"?([\\w.-]+)\"?");
    private static final Pattern NFT_SADDR = Pattern.compile("ip saddr ([\\d./]+)");
    private static final Pattern IPT_REDIRECT = Pattern.compile("-A \\S+ .*-j (?:REDIRECT --to-ports |DNAT --to-destination [\\d.]*:)(\\d{1,5})\\b.*");
    private static final Pattern IPT_IN = Pattern.compile("(?:^|\\s)-i (\\S+)");
    private static final Pattern IPT_SRC = Pattern.compile("(?:^|\\s)-s ([\\d./]+)");
    /** A line of {@code ip -o -4 addr}: index, interface, address and prefix length. */
    private static final Pattern IP_ADDR = Pattern.compile("\\d+:\\s+([\\w.@-]+)\\s+inet\\s+(\\d+)\\.(\\d+)\\.(\\d+)\\.(\\d+)/(\\d+).*");

    @Override
    public String id() { return "linux-webfilter"; }

    @Override
    public List<Fact> parse(Observation obs) throws UnrecognisedOutputException {
        Map<String, List<String>> files = sections(obs.output());
        List<String> squid = new ArrayList<>();
        boolean sawSquidConf = false;
        for (Map.Entry<String, List<String>> f : files.entrySet()) {
            if (f.getKey().endsWith("squid.conf") || f.getKey().contains("/squid/conf.d/")) {
                squid.addAll(f.getValue());
                if (f.getKey().endsWith("squid.conf")) sawSquidConf = true;
            }
        }
        if (!sawSquidConf) {
            throw new UnrecognisedOutputException("no squid.conf section (==> /etc/squid/squid.conf <==): Squid is not"
                    + " installed here, or the audit account may not read its configuration", 0);
        }
        Directives conf = Directives.of(squid);
        WebFilterFacts out = new WebFilterFacts(obs);

        // Interception: Squid ports marked intercept, and nft rules sending traffic to them.
        Set<Integer> interceptPorts = new LinkedHashSet<>();
        boolean httpsIntercept = false;
        for (String[] d : conf.all("http_port", "https_port")) {
            boolean intercept = List.of(d).contains("intercept") || List.of(d).contains("transparent")
                    || List.of(d).contains("tproxy");
            Matcher m = d.length > 1 ? PORT.matcher(d[1]) : null;
            if (intercept && m != null && m.matches()) {
                interceptPorts.add(Integer.parseInt(m.group(1)));
                if (d[0].equals("https_port") && List.of(d).contains("ssl-bump")) httpsIntercept = true;
            }
        }
        Map<String, String> intercepted = new LinkedHashMap<>(); // interface or network → detail
        List<String> nft = files.get("nft list ruleset");
        boolean nftRead = nft != null && nft.stream().anyMatch(l -> l.strip().startsWith("table "));
        if (nftRead) redirects(nft, "nft", NFT_REDIRECT, NFT_IIF, NFT_SADDR, interceptPorts, intercepted);
        // iptables-save (legacy or iptables-nft), when the host filters with iptables instead.
        List<String> ipt = files.get("iptables-save -t nat");
        boolean iptRead = ipt != null && ipt.stream().anyMatch(l -> l.strip().startsWith("*nat"));
        if (iptRead) redirects(ipt, "iptables", IPT_REDIRECT, IPT_IN, IPT_SRC, interceptPorts, intercepted);
        nftRead |= iptRead;
        Map<String, String> allowed = new LinkedHashMap<>(); // acl name → networks
        Map<String, List<String>> srcAcls = new LinkedHashMap<>();
        for (String[] d : conf.all("acl")) {
            if (d.length >= 4 && d[2].equals("src")) {
                srcAcls.computeIfAbsent(d[1], k -> new ArrayList<>()).addAll(List.of(d).subList(3, d.length));
            }
        }
        for (String[] d : conf.all("http_access")) {
            if (d.length >= 3 && d[1].equals("allow") && srcAcls.containsKey(d[2])) {
                allowed.put(d[2], String.join(" ", srcAcls.get(d[2])));
            }
        }
        Map<String, String> networkOf = interfaceNetworks(files.get("ip -o -4 addr"));
        for (Map.Entry<String, String> e : intercepted.entrySet()) {
            boolean https = httpsIntercept || e.getValue().contains("HTTPS");
            String net = networkOf.get(e.getKey());
            out.network(e.getKey() + (net == null ? "" : " (" + net + ")"), net, https, https ? e.getValue()
                    : e.getValue() + ", but Squid has no HTTPS interception (https_port … intercept ssl-bump), so most sites pass unfiltered");
        }
        for (Map.Entry<String, String> a : allowed.entrySet()) {
            Set<String> interceptedNets = new LinkedHashSet<>(intercepted.keySet());
            for (String iface : intercepted.keySet()) if (networkOf.containsKey(iface)) interceptedNets.add(networkOf.get(iface));
            boolean covered = intercepted.containsKey("every interface")
                    || List.of(a.getValue().split(" ")).stream().allMatch(interceptedNets::contains);
            if (covered) continue;
            out.network(a.getKey() + " (" + a.getValue() + ")", a.getValue(), false, "may use the proxy (acl "
                    + a.getKey() + "), but " + (nftRead ? "no nft rule here intercepts its traffic"
                    : "neither the nftables ruleset nor iptables' nat table could be read (" + firstLine(nft) + ")")
                    + ": devices not set to use the proxy bypass the filter unless the gateway forces web traffic through it");
        }

        // squidGuard.
        String rewriter = conf.first("url_rewrite_program");
        boolean guard = rewriter != null && rewriter.toLowerCase(Locale.ROOT).contains("squidguard");
        Set<String> safe = new LinkedHashSet<>();
        List<String> how = new ArrayList<>();
        if (conf.all("request_header_add").stream().anyMatch(d -> d.length > 1 && d[1].equalsIgnoreCase("YouTube-Restrict"))) {
            safe.add("youtube");
            how.add("Squid adds the YouTube-Restrict header");
        }
        String product = "Squid";
        if (guard) {
            product = "Squid + squidGuard";
            List<String> sg = null;
            for (Map.Entry<String, List<String>> f : files.entrySet()) {
                if (f.getKey().toLowerCase(Locale.ROOT).endsWith("squidguard.conf")) sg = f.getValue();
            }
            if (sg == null) {
                throw new UnrecognisedOutputException("squid.conf runs squidGuard (" + Text.clean(rewriter, 80)
                        + ") but no squidGuard.conf section was printed", 0);
            }
            SquidGuardConf.read(sg, out, safe, how);
        } else {
            out.policy("squid", "every proxy user", false, List.of());
        }

        boolean auth = !conf.all("auth_param").isEmpty()
                && conf.all("acl").stream().anyMatch(d -> d.length >= 3 && d[2].equals("proxy_auth"));
        String logFormat = String.join(" ", conf.all("logformat").stream().map(d -> String.join(" ", d)).toList());
        boolean namesInLog = logFormat.contains("%un") || logFormat.contains("%ul") || logFormat.isEmpty();
        Boolean logging = conf.all("access_log").stream().noneMatch(d -> d.length > 1 && d[1].equals("none"));
        Boolean attribution = auth && namesInLog;
        String attributionDetail = !auth ? "Squid does not authenticate users (no auth_param/proxy_auth), so its log shows only addresses"
                : !namesInLog ? "Squid authenticates but its logformat records no user name (%un)"
                : "Squid authenticates users (" + conf.all("auth_param").get(0)[1] + "), so its log names them";
        Integer retention = LogRotate.days(files);

        out.status(List.of(product), safe, how, attribution, attributionDetail, logging, retention);
        return out.facts;
    }

    /** {@code ip -o -4 addr} lines ({@code 4: eth1.120    inet 10.20.20.1/23 brd …}) as interface → network. */
    static Map<String, String> interfaceNetworks(List<String> lines) {
        Map<String, String> out = new LinkedHashMap<>();
        if (lines == null) return out;
        for (String l : lines) {
            Matcher m = IP_ADDR.matcher(l.strip());
            if (!m.matches()) continue;
            long ip = 0;
            for (int i = 2; i <= 5; i++) ip = (ip << 8) | Integer.parseInt(m.group(i));
            int bits = Integer.parseInt(m.group(6));
            if (bits > 32) continue;
            long net = bits == 0 ? 0 : ip & (0xFFFFFFFFL << (32 - bits)) & 0xFFFFFFFFL;
            String iface = m.group(1).contains("@") ? m.group(1).substring(0, m.group(1).indexOf('@')) : m.group(1);
            out.put(iface, (net >> 24 & 255) + "." + (net >> 16 & 255) + "." + (net >> 8 & 255) + "." + (net & 255) + "/" + bits);
        }
        return out;
    }

    /**
     * Adds the firewall rules among {@code lines} that send traffic to one of Squid's intercept {@code ports}, keyed by
     * the interface ({@code in}) or source network ({@code src}) they apply to, or "every interface".
     */
    private static void redirects(List<String> lines, String tool, Pattern redirect, Pattern in, Pattern src,
            Set<Integer> ports, Map<String, String> intercepted) {
        String sends = tool + " sends its web traffic to ";
        for (String line : lines) {
            Matcher r = redirect.matcher(line.strip());
            if (!r.matches() || !ports.contains(Integer.parseInt(r.group(1)))) continue;
            Matcher i = in.matcher(line);
            Matcher s = src.matcher(line);
            String who = i.find() ? i.group(1) : s.find() ? s.group(1) : "every interface";
            intercepted.merge(who, sends + "Squid's intercept port " + r.group(1)
                    + (line.contains("443") ? " (HTTPS included)" : ""), (a, b) -> a + "; " + b.replace(sends, ""));
        }
    }

    private static String firstLine(List<String> lines) {
        if (lines == null || lines.isEmpty()) return "no output";
        return Text.clean(lines.get(0), 100);
    }

    /** The output split at {@code ==> name <==} headers; lines before the first header (error messages) are dropped. */
    static Map<String, List<String>> sections(String output) throws UnrecognisedOutputException {
        Map<String, List<String>> files = new LinkedHashMap<>();
        List<String> current = null;
        List<String> lines = Text.lines(output);
        for (String line : lines) {
            Matcher m = HEADER.matcher(line.strip());
            if (m.matches()) {
                current = files.computeIfAbsent(m.group(1), k -> new ArrayList<>());
            } else if (current != null) {
                current.add(line);
            }
        }
        if (files.isEmpty()) {
            throw new UnrecognisedOutputException("no '==> file <==' section: not the output of head -v", lines.isEmpty() ? 0 : 1);
        }
        return files;
    }

    /** Squid-style directives: one per line, words split on blanks, comments and blank lines dropped. */
    record Directives(List<String[]> lines) {
        static Directives of(List<String> text) {
            List<String[]> out = new ArrayList<>();
            for (String l : text) {
                String s = l.strip();
                if (s.isEmpty() || s.startsWith("#")) continue;
                out.add(s.split("\\s+"));
            }
            return new Directives(out);
        }

        List<String[]> all(String... names) {
            List<String[]> out = new ArrayList<>();
            for (String[] d : lines) for (String n : names) if (d[0].equals(n)) out.add(d);
            return out;
        }

        String first(String name) {
            for (String[] d : lines) if (d[0].equals(name) && d.length > 1) return String.join(" ", List.of(d).subList(1, d.length));
            return null;
        }
    }
}
