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
import java.util.Set;

import static io.auditor.collect.parsers.ConfigXml.at;
import static io.auditor.collect.parsers.ConfigXml.children;
import static io.auditor.collect.parsers.ConfigXml.flag;
import static io.auditor.collect.parsers.ConfigXml.list;
import static io.auditor.collect.parsers.ConfigXml.text;

/**
 * OPNsense's {@code config.xml}, read for web filtering (topic {@code web-filter}): the web proxy
 * ({@code OPNsense/proxy}: interfaces, transparent mode, SSL inspection, remote blacklists with their selected
 * categories, unrestricted addresses, authentication, access log) and Unbound DNS blocklists with forced
 * SafeSearch ({@code OPNsense/unboundplus/dnsbl}). Log retention is the system's "preserve logs" days
 * ({@code OPNsense/Syslog/general/maxpreserve}).
 */
public final class OpnsenseWebFilterParser implements Parser {
    @Override
    public String id() { return "opnsense-webfilter"; }

    @Override
    public List<Fact> parse(Observation obs) throws UnrecognisedOutputException {
        FirewallConfig config = FirewallConfig.read(FirewallConfig.Product.OPNSENSE, obs);
        Element proxy = at(config.root, "OPNsense/proxy");
        Element dnsbl = at(config.root, "OPNsense/unboundplus/dnsbl");
        boolean proxyOn = proxy != null && flag(proxy, "general/enabled");
        List<Element> lists = new ArrayList<>();
        if (proxyOn) {
            for (Element b : children(at(proxy, "forward/acl/remoteACLs/blacklists"), "blacklist")) {
                if (at(b, "enabled") == null || flag(b, "enabled")) lists.add(b);
            }
        }
        boolean proxyFilters = proxyOn && !lists.isEmpty();
        boolean dnsblOn = dnsbl != null && flag(dnsbl, "enabled");

        WebFilterFacts out = new WebFilterFacts(obs);
        List<String> products = new ArrayList<>();
        if (proxyFilters) products.add("OPNsense web proxy (remote blacklists)");
        if (dnsblOn) products.add("Unbound DNS blocklists");

        if (proxyFilters) {
            Set<String> categories = new LinkedHashSet<>();
            boolean known = true;
            List<String> names = new ArrayList<>();
            for (Element b : lists) {
                String description = text(b, "description");
                String name = description != null ? description : text(b, "filename");
                names.add(name);
                List<String> selected = list(b, "filter");
                if (selected.isEmpty()) known = false; // every category of the downloaded list: unknown here
                categories.addAll(selected);
            }
            out.policy("web proxy", "every proxy user (remote blacklists " + String.join(", ", names) + ")", known, categories);
            for (String ip : list(proxy, "forward/acl/unrestricted")) {
                out.exemption("address", ip, "web proxy: Unrestricted IP addresses");
            }
        } else if (dnsblOn) {
            out.policy("Unbound DNS blocklists", "every client using the firewall's DNS resolver", false, List.of());
        }

        Set<String> proxied = proxyFilters ? new LinkedHashSet<>(list(proxy, "forward/interfaces")) : Set.of();
        List<FirewallRule> rules = config.rules();
        boolean transparent = proxyFilters && flag(proxy, "forward/transparentMode");
        boolean inspectsTls = proxyFilters && flag(proxy, "forward/sslbump");
        for (FirewallConfig.Interface i : config.interfaces.values()) {
            if (i.wan() || !i.enabled() || i.name().equals("lo0")) continue;
            boolean here = proxied.contains(i.name());
            FirewallRule bypass = here ? config.directWeb(rules, i.name()) : null;
            boolean filtered;
            String detail;
            if (here && transparent && inspectsTls) {
                filtered = true;
                detail = "the web proxy intercepts HTTP and HTTPS on " + i.display();
            } else if (dnsblOn) {
                filtered = true;
                detail = "filtered by DNS (Unbound blocklists)";
            } else if (here && transparent) {
                filtered = false;
                detail = "the web proxy intercepts HTTP on " + i.display() + " but not HTTPS (SSL inspection off), so"
                        + " most sites pass unfiltered";
            } else if (here && bypass == null) {
                filtered = true;
                detail = "the web proxy listens on " + i.display() + " and no rule there passes web traffic around it";
            } else if (here) {
                filtered = false;
                detail = "the web proxy listens on " + i.display() + " but rule " + bypass.summary()
                        + " lets devices reach the web directly, bypassing the filter";
            } else {
                filtered = false;
                detail = "no filter is applied to " + i.display();
            }
            out.network(i.display(), i.address(), filtered, detail);
        }

        Set<String> safe = new LinkedHashSet<>();
        List<String> how = new ArrayList<>();
        if (dnsblOn && flag(dnsbl, "safesearch")) {
            safe.addAll(List.of("google", "bing", "youtube"));
            how.add("Unbound DNS blocklist: Force SafeSearch");
        }

        Boolean attribution = null;
        String attributionDetail = "no filter is configured";
        Boolean logging = null;
        if (proxyFilters) {
            String method = text(proxy, "forward/authentication/method");
            attribution = method != null && !transparent;
            attributionDetail = method == null ? "the web proxy does not authenticate users, so its log shows only addresses"
                    : transparent ? "the proxy authenticates (" + method + ") but transparent mode cannot ask for a login,"
                    + " so its log shows only addresses" : "the web proxy authenticates users (" + method + ")";
            logging = at(proxy, "general/logging/enable/accessLog") == null ? null : flag(proxy, "general/logging/enable/accessLog");
        } else if (dnsblOn) {
            attribution = false;
            attributionDetail = "DNS blocking logs show device addresses, not users";
        }
        String preserve = text(config.root, "OPNsense/Syslog/general/maxpreserve");
        Integer retention = products.isEmpty() || preserve == null || !preserve.matches("\\d{1,5}") ? null
                : Integer.parseInt(preserve);

        out.status(products, safe, how, attribution, attributionDetail, logging, retention);
        return out.facts;
    }
}
