package io.auditor.collect.parsers;

import io.auditor.collect.Parser;
import io.auditor.collect.UnrecognisedOutputException;
import io.auditor.model.Observation;
import io.auditor.model.facts.Fact;
import io.auditor.model.facts.FirewallRule;
import org.w3c.dom.Element;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static io.auditor.collect.parsers.ConfigXml.at;
import static io.auditor.collect.parsers.ConfigXml.child;
import static io.auditor.collect.parsers.ConfigXml.children;
import static io.auditor.collect.parsers.ConfigXml.flag;
import static io.auditor.collect.parsers.ConfigXml.list;
import static io.auditor.collect.parsers.ConfigXml.text;

/**
 * pfSense's {@code config.xml}, read for web filtering (topic {@code web-filter}): the Squid proxy package
 * ({@code installedpackages/squid}, {@code squidauth}), squidGuard ({@code squidguardgeneral}, {@code squidguarddefault},
 * {@code squidguardacl}) and pfBlockerNG's DNS blocklist and SafeSearch ({@code pfblockerngdnsblsettings},
 * {@code pfblockerngsafesearch}). squidGuard's target rules read {@code !name} as "deny", {@code ^name} as
 * "whitelist" and a trailing {@code all}/{@code none} as "pass/deny the rest"; off-time rules in {@code [ … ]} must
 * block a category too for it to count.
 */
public final class PfsenseWebFilterParser implements Parser {
    @Override
    public String id() { return "pfsense-webfilter"; }

    @Override
    public List<Fact> parse(Observation obs) throws UnrecognisedOutputException {
        FirewallConfig config = FirewallConfig.read(FirewallConfig.Product.PFSENSE, obs);
        Element pkgs = child(config.root, "installedpackages");
        Element squid = at(pkgs, "squid/config");
        Element sgGeneral = at(pkgs, "squidguardgeneral/config");
        boolean squidOn = squid != null && flag(squid, "enable_squid");
        boolean guardOn = squidOn && sgGeneral != null && flag(sgGeneral, "squidguard_enable");
        Element dnsblSettings = at(pkgs, "pfblockerngdnsblsettings/config");
        boolean dnsblOn = dnsblSettings != null && flag(dnsblSettings, "pfb_dnsbl")
                && flag(pkgs, "pfblockerng/config/enable_cb");

        WebFilterFacts out = new WebFilterFacts(obs);
        List<String> products = new ArrayList<>();
        if (guardOn) products.add("Squid + squidGuard");
        if (dnsblOn) products.add("pfBlockerNG DNSBL");

        // Policies: squidGuard's common ACL and group ACLs. Safe search counts only when every policy forces it.
        boolean everyPolicySafe = guardOn;
        if (guardOn) {
            Element def = at(pkgs, "squidguarddefault/config");
            if (def == null) {
                throw new UnrecognisedOutputException("squidGuard is enabled but has no common ACL"
                        + " (installedpackages/squidguarddefault/config)", 0);
            }
            everyPolicySafe &= acl(out, "default", "every client no group ACL matches", def);
            for (Element acl : children(at(pkgs, "squidguardacl"), "config")) {
                if (flag(acl, "disabled")) continue;
                String name = text(acl, "name");
                if (name == null) throw new UnrecognisedOutputException("a squidGuard group ACL has no name", 0);
                String sources = text(acl, "source");
                everyPolicySafe &= acl(out, name, sources == null ? "(no clients listed)" : sources, acl);
            }
        } else if (dnsblOn) {
            // DNSBL feeds are whole lists: the configuration names the feeds, not the categories inside them.
            out.policy("pfBlockerNG DNSBL", "every client using the firewall's DNS resolver", false, List.of());
        }

        // Which internal networks pass through the filter.
        Set<String> transparent = guardOn && flag(squid, "transparent_proxy")
                ? new LinkedHashSet<>(list(squid, "transparent_active_interface")) : Set.of();
        Set<String> sslIntercept = guardOn && flag(squid, "ssl_proxy")
                ? new LinkedHashSet<>(list(squid, "ssl_active_interface")) : Set.of();
        Set<String> listening = guardOn ? new LinkedHashSet<>(list(squid, "active_interface")) : Set.of();
        List<FirewallRule> rules = config.rules();
        for (FirewallConfig.Interface i : config.interfaces.values()) {
            if (i.wan() || !i.enabled()) continue;
            String n = i.name();
            FirewallRule bypass = listening.contains(n) ? config.directWeb(rules, n) : null;
            boolean filtered;
            String detail;
            if (transparent.contains(n) && sslIntercept.contains(n)) {
                filtered = true;
                detail = "Squid intercepts HTTP and HTTPS on " + i.display() + " and squidGuard filters it";
            } else if (dnsblOn) {
                filtered = true;
                detail = "filtered by DNS (pfBlockerNG DNSBL)" + (transparent.contains(n)
                        ? "; Squid intercepts HTTP only" : "");
            } else if (transparent.contains(n)) {
                filtered = false;
                detail = "Squid intercepts HTTP on " + i.display() + " but not HTTPS (no SSL interception there), so"
                        + " most sites pass unfiltered";
            } else if (listening.contains(n) && bypass == null) {
                filtered = true;
                detail = "Squid listens on " + i.display() + " and no rule there passes web traffic around it";
            } else if (listening.contains(n)) {
                filtered = false;
                detail = "Squid listens on " + i.display() + " but rule " + bypass.summary()
                        + " lets devices reach the web directly, bypassing the filter";
            } else {
                filtered = false;
                detail = "no filter is applied to " + i.display() + " (not a Squid transparent interface, no DNSBL)";
            }
            out.network(i.display(), i.address(), filtered, detail);
        }

        // Bypasses: source addresses Squid lets straight through in transparent mode.
        if (guardOn && !transparent.isEmpty()) {
            for (String ip : list(squid, "defined_ip_proxy_off")) {
                out.exemption("address", ip, "Squid: Bypass Proxy for These Source IPs");
            }
        }

        // Safe search: squidGuard's rewrite (Google, Bing and others) when every ACL forces it; pfBlockerNG by DNS.
        Set<String> safe = new LinkedHashSet<>();
        List<String> how = new ArrayList<>();
        if (everyPolicySafe) {
            safe.add("google");
            safe.add("bing");
            how.add("squidGuard SafeSearch on every ACL");
        } else if (guardOn) {
            how.add("squidGuard SafeSearch is not on every ACL");
        }
        String dns = DnsSafeSearch.engines(text(config.root, "unbound/custom_options"), safe);
        if (dns != null) how.add(dns);
        Element ss = child(pkgs, "pfblockerngsafesearch");
        if (dnsblOn && ss != null) {
            if ("enable".equalsIgnoreCase(String.valueOf(text(ss, "safesearch_enable")))) {
                safe.add("google");
                safe.add("bing");
                how.add("pfBlockerNG SafeSearch");
            }
            String yt = text(ss, "safesearch_youtube");
            if (yt != null && !yt.equalsIgnoreCase("disable")) {
                safe.add("youtube");
                how.add("pfBlockerNG YouTube restriction " + yt);
            }
        }

        Boolean attribution = null;
        String attributionDetail;
        Boolean logging = null;
        Integer retention = null;
        if (guardOn) {
            String method = text(pkgs, "squidauth/config/auth_method");
            method = method == null ? "none" : method.toLowerCase(Locale.ROOT);
            Set<String> byAddress = new LinkedHashSet<>(transparent);
            byAddress.removeIf(n -> !config.interfaces.containsKey(n));
            attribution = !method.equals("none") && !listening.isEmpty() && !byAddress.containsAll(listening);
            attributionDetail = method.equals("none")
                    ? "Squid does not authenticate users (Authentication Method: None), so its log shows only addresses"
                    : "Squid authenticates users (" + method + "), so its log names them"
                    + (byAddress.isEmpty() ? "" : "; traffic intercepted transparently on " + String.join(", ", byAddress)
                    + " cannot be asked for a login and is logged by address");
            logging = flag(squid, "log_enabled");
            String rotate = text(squid, "log_rotate");
            if (rotate != null && rotate.matches("\\d{1,5}")) retention = Integer.parseInt(rotate);
        } else if (dnsblOn) {
            attribution = false;
            attributionDetail = "DNS blocking logs show device addresses, not users";
        } else {
            attributionDetail = "no filter is configured";
        }
        out.status(products, safe, how, attribution, attributionDetail, logging, retention);
        return out.facts;
    }

    /** Adds one squidGuard ACL as a policy; returns whether it forces safe search. */
    private static boolean acl(WebFilterFacts out, String name, String appliesTo, Element acl) {
        String dest = text(acl, "dest");
        TargetRules onTime = TargetRules.parse(dest == null ? "" : dest.split("\\[", 2)[0]);
        Set<String> blocked = new LinkedHashSet<>(onTime.denied);
        if (dest != null && dest.contains("[")) {
            TargetRules offTime = TargetRules.parse(dest.split("\\[", 2)[1].replace("]", ""));
            blocked.retainAll(offTime.denied);
        }
        boolean blocksEverythingElse = onTime.rest.equals("none");
        out.policy(name, appliesTo, true, blocked);
        if (blocked.isEmpty() && !blocksEverythingElse) {
            out.exemption("policy", name, "squidGuard ACL '" + name + "' for " + appliesTo + " blocks no category");
        }
        return flag(acl, "safesearch");
    }

    /** squidGuard target rules: {@code ^white !blk_BL_porn !custom all}. */
    private record TargetRules(List<String> denied, String rest) {
        static TargetRules parse(String s) {
            List<String> denied = new ArrayList<>();
            String rest = "all"; // squidGuard's GUI adds "all" when a rule list does not end with all/none
            for (String token : s.strip().split("\\s+")) {
                if (token.isEmpty()) continue;
                if (token.equals("all") || token.equals("none")) rest = token;
                else if (token.startsWith("!")) denied.add(category(token.substring(1)));
            }
            return new TargetRules(denied, rest);
        }

        /** The blacklist's own category name without the package's {@code blk_BL_} prefix. */
        private static String category(String destination) {
            return destination.startsWith("blk_BL_") ? destination.substring("blk_BL_".length()) : destination;
        }
    }
}
