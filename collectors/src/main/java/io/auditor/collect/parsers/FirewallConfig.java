package io.auditor.collect.parsers;

import io.auditor.collect.UnrecognisedOutputException;
import io.auditor.model.Observation;
import io.auditor.model.facts.AdminGroup;
import io.auditor.model.facts.Fact;
import io.auditor.model.facts.FirewallPolicy;
import io.auditor.model.facts.FirewallRule;
import io.auditor.model.facts.GroupMember;
import io.auditor.model.facts.ManagementAccess;
import org.w3c.dom.Element;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.auditor.collect.parsers.ConfigXml.at;
import static io.auditor.collect.parsers.ConfigXml.child;
import static io.auditor.collect.parsers.ConfigXml.children;
import static io.auditor.collect.parsers.ConfigXml.flag;
import static io.auditor.collect.parsers.ConfigXml.list;
import static io.auditor.collect.parsers.ConfigXml.text;

/**
 * The parts of a pfSense or OPNsense {@code config.xml} the two products share (OPNsense began as a fork of
 * pfSense): interfaces, filter rules, the web GUI and SSH settings, users and groups. Where they differ the
 * {@link Product} says how; each product's parsers build on this.
 */
final class FirewallConfig {
    /** The product a config.xml comes from and the places its format differs. */
    enum Product {
        PFSENSE("pfsense", "pfSense"),
        OPNSENSE("opnsense", "OPNsense");

        final String root;
        final String label;

        Product(String root, String label) {
            this.root = root;
            this.label = label;
        }
    }

    /** An interface of the firewall. {@code wan}: it faces the internet. */
    record Interface(String name, String label, boolean wan, boolean enabled, String address) {
        String display() {
            return label.equalsIgnoreCase(name) ? name : name + " (" + label + ")";
        }
    }

    private static final Pattern PORT_RANGE = Pattern.compile("(\\d{1,5})(?:[-:](\\d{1,5}))?");

    final Product product;
    final Element root;
    final Observation obs;
    final Map<String, Interface> interfaces = new LinkedHashMap<>();

    private FirewallConfig(Product product, Element root, Observation obs) {
        this.product = product;
        this.root = root;
        this.obs = obs;
    }

    static FirewallConfig read(Product product, Observation obs) throws UnrecognisedOutputException {
        Element root = ConfigXml.read(obs.output(), product.root, product.label);
        FirewallConfig c = new FirewallConfig(product, root, obs);
        if (child(root, "system") == null) {
            throw new UnrecognisedOutputException("the " + product.label + " config.xml has no <system> section", 0);
        }
        Element ifs = child(root, "interfaces");
        if (ifs == null || children(ifs).isEmpty()) {
            throw new UnrecognisedOutputException("the " + product.label + " config.xml has no <interfaces>", 0);
        }
        for (Element e : children(ifs)) {
            String name = e.getTagName();
            String label = text(e, "descr");
            boolean wan = name.equals("wan") || text(e, "gateway") != null;
            String ip = text(e, "ipaddr");
            String subnet = text(e, "subnet");
            String address = ip == null ? null : (subnet == null || !Character.isDigit(ip.charAt(0)) ? ip : ip + "/" + subnet);
            // pfSense marks an enabled interface with <enable/>; "lan" and "wan" of a default install have it too.
            c.interfaces.put(name, new Interface(name, label == null ? name.toUpperCase(Locale.ROOT) : label, wan,
                    flag(e, "enable"), address));
        }
        return c;
    }

    String source() { return obs.probeId(); }

    String deviceId() { return obs.deviceId(); }

    Interface iface(String name) {
        Interface i = interfaces.get(name);
        return i != null ? i : new Interface(name, name, false, true, null);
    }

    boolean filteringDisabled() {
        return flag(root, "system/disablefilter");
    }

    // ---------------------------------------------------------------- filter rules

    /** The filter rules, in evaluation order, one per interface a (floating) rule names. */
    List<FirewallRule> rules() throws UnrecognisedOutputException {
        List<FirewallRule> out = new ArrayList<>();
        Element filter = child(root, "filter");
        Element mvc = at(root, "OPNsense/Firewall/Filter/rules");
        if (filter == null && mvc == null) {
            throw new UnrecognisedOutputException("the " + product.label + " config.xml has no <filter> section", 0);
        }
        int position = 0;
        List<Element> rules = children(filter, "rule");
        for (Element r : rules) {
            position++;
            String type = text(r, "type");
            if (type == null) type = "pass"; // pfSense leaves <type> out of some imported rules; its default is pass
            type = type.toLowerCase(Locale.ROOT);
            if (!Set.of("pass", "block", "reject", "match").contains(type)) {
                throw new UnrecognisedOutputException("filter rule " + position + " has type '" + type
                        + "', expected pass, block, reject or match", 0);
            }
            List<String> names = list(r, "interface");
            if (names.isEmpty()) {
                throw new UnrecognisedOutputException("filter rule " + position + " names no interface", 0);
            }
            String direction = text(r, "direction");
            for (String name : names) {
                Interface i = iface(name);
                out.add(new FirewallRule(deviceId(), source(), position, name, i.label(), i.wan(),
                        direction == null ? "in" : direction.toLowerCase(Locale.ROOT), type,
                        protocol(text(r, "protocol")), address(child(r, "source")), address(child(r, "destination")),
                        port(text(r, "destination/port")), text(r, "descr"), flag(r, "disabled")));
            }
        }
        // OPNsense 24.7+ may keep rules in its MVC model as well (or only there); they come after the legacy ones.
        for (Element r : children(mvc, "rule")) {
            position++;
            String action = text(r, "action");
            String type = action == null ? "pass" : action.toLowerCase(Locale.ROOT);
            String desc = text(r, "description");
            String src = net(text(r, "source_net"), flag(r, "source_not"));
            String dst = net(text(r, "destination_net"), flag(r, "destination_not"));
            String direction = text(r, "direction");
            boolean disabled = at(r, "enabled") != null && !flag(r, "enabled");
            for (String name : list(r, "interface")) {
                Interface i = iface(name);
                out.add(new FirewallRule(deviceId(), source(), position, name, i.label(), i.wan(),
                        direction == null ? "in" : direction.toLowerCase(Locale.ROOT), type,
                        protocol(text(r, "protocol")), src, dst, port(text(r, "destination_port")), desc, disabled));
            }
        }
        return out;
    }

    private static String protocol(String p) {
        return p == null ? "any" : p.toLowerCase(Locale.ROOT);
    }

    private static String port(String p) {
        return p == null ? "any" : p;
    }

    /** {@code any}, {@code self}, {@code lan net}, {@code wan address}, an address or alias; {@code !} when inverted. */
    private String address(Element endpoint) {
        if (endpoint == null) return "any";
        boolean not = flag(endpoint, "not");
        if (flag(endpoint, "any")) return not ? "!any" : "any";
        String network = text(endpoint, "network");
        if (network != null) return net(network, not);
        String address = text(endpoint, "address");
        if (address != null) return (not ? "!" : "") + address;
        return not ? "!any" : "any";
    }

    private String net(String network, boolean not) {
        if (network == null) return not ? "!any" : "any";
        String n = network.strip();
        String out;
        if (n.equals("any")) out = "any";
        else if (n.equals("(self)") || n.equals("This Firewall")) out = "self";
        else if (n.endsWith("ip") && interfaces.containsKey(n.substring(0, n.length() - 2))) {
            out = "self (" + iface(n.substring(0, n.length() - 2)).label() + " address)";
        } else if (interfaces.containsKey(n)) out = iface(n).label() + " net";
        else out = n;
        return (not ? "!" : "") + out;
    }

    // ---------------------------------------------------------------- default policy and management

    List<FirewallPolicy> policies() {
        List<FirewallPolicy> out = new ArrayList<>();
        boolean off = filteringDisabled();
        for (Interface i : interfaces.values()) {
            if (!i.wan()) continue;
            out.add(new FirewallPolicy(deviceId(), source(), i.name(), off ? "pass" : "block", off
                    ? "packet filtering is disabled (System > Advanced > Firewall & NAT: Disable all packet filtering)"
                    : product.label + " drops inbound traffic on " + i.display() + " that no rule passes (default deny)"));
        }
        return out;
    }

    /** The web GUI and SSH, and whether a WAN rule (or the listening address) lets the internet reach them. */
    List<ManagementAccess> management(List<FirewallRule> rules) {
        List<ManagementAccess> out = new ArrayList<>();
        String protocol = text(root, "system/webgui/protocol");
        protocol = protocol == null ? "https" : protocol.toLowerCase(Locale.ROOT);
        int guiPort = portNumber(text(root, "system/webgui/port"), protocol.equals("http") ? 80 : 443);
        out.add(access(protocol, guiPort, true, list(root, "system/webgui/interfaces"), rules, "web GUI"));
        boolean ssh = "enabled".equalsIgnoreCase(String.valueOf(text(root, "system/ssh/enable")))
                || "enabled".equalsIgnoreCase(String.valueOf(text(root, "system/ssh/enabled")))
                || at(root, "system/enablesshd") != null;
        int sshPort = portNumber(text(root, "system/ssh/port"), 22);
        out.add(access("ssh", sshPort, ssh, list(root, "system/ssh/interfaces"), rules, "SSH"));
        return out;
    }

    private ManagementAccess access(String service, int port, boolean enabled, List<String> listenOn,
                                    List<FirewallRule> rules, String what) {
        if (!enabled) {
            return new ManagementAccess(deviceId(), source(), service, port, false, false, null, what + " is disabled");
        }
        if (filteringDisabled()) {
            return new ManagementAccess(deviceId(), source(), service, port, true, true, null, what + " on port " + port
                    + ": packet filtering is disabled, so nothing blocks it from the internet");
        }
        if (!listenOn.isEmpty() && listenOn.stream().noneMatch(n -> iface(n).wan())) {
            return new ManagementAccess(deviceId(), source(), service, port, true, false, null, what + " on port " + port
                    + " listens only on " + String.join(", ", listenOn));
        }
        List<FirewallRule> open = new ArrayList<>();
        for (FirewallRule r : rules) {
            if (r.inboundAllow() && reachesFirewall(r.destinationAddress()) && carriesTcp(r.protocol())
                    && covers(r.destinationPort(), port)) {
                open.add(r);
            }
        }
        if (open.isEmpty()) {
            return new ManagementAccess(deviceId(), source(), service, port, true, false, null, what + " on port " + port
                    + ": no WAN rule passes it, so the default deny blocks it from the internet");
        }
        Set<String> from = new LinkedHashSet<>();
        boolean anyone = false;
        StringBuilder detail = new StringBuilder(what + " on port " + port + " is passed from the internet by ");
        for (int i = 0; i < open.size(); i++) {
            FirewallRule r = open.get(i);
            if (i > 0) detail.append("; ");
            detail.append("rule ").append(r.summary());
            if (r.sourceAddress().equals("any") || r.sourceAddress().startsWith("!")) anyone = true;
            else from.add(r.sourceAddress());
        }
        return new ManagementAccess(deviceId(), source(), service, port, true, true,
                anyone ? null : String.join(", ", from), detail.toString());
    }

    private static boolean reachesFirewall(String destination) {
        return destination.equals("any") || destination.startsWith("self");
    }

    private static boolean carriesTcp(String protocol) {
        return protocol.equals("any") || protocol.contains("tcp");
    }

    /** True when the rule's port field covers {@code port}; an alias (a name) may hold it, so it counts. */
    private static boolean covers(String ports, int port) {
        if (ports.equals("any")) return true;
        Matcher m = PORT_RANGE.matcher(ports.strip());
        if (!m.matches()) return true;
        int lo = Integer.parseInt(m.group(1));
        int hi = m.group(2) == null ? lo : Integer.parseInt(m.group(2));
        return port >= lo && port <= hi;
    }

    private static int portNumber(String text, int fallback) {
        if (text == null) return fallback;
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /**
     * An enabled pass rule on the interface that lets web traffic (TCP 443) out to the internet (destination any, or
     * everything but some networks), so devices there can go round a proxy; null when there is none.
     */
    FirewallRule directWeb(List<FirewallRule> rules, String iface) {
        for (FirewallRule r : rules) {
            if (!r.interfaceName().equals(iface) || r.disabled() || !"pass".equals(r.action())) continue;
            // Only rules towards the internet count: "any", or everything except some networks ("!…").
            if (!(r.destinationAddress().equals("any") || r.destinationAddress().startsWith("!"))) continue;
            if (!carriesTcp(r.protocol())) continue;
            // Unlike a management port, an alias is not taken to hold 443: only a port or range that shows it counts.
            String p = r.destinationPort();
            if (p.equals("any") || PORT_RANGE.matcher(p).matches() && covers(p, 443)) return r;
        }
        return null;
    }

    // ---------------------------------------------------------------- administrators

    /**
     * Members of every group granting all GUI pages ({@code page-all}; the built-in {@code admins} group has it), and
     * users granted {@code page-all} directly, listed as the group {@code page-all (user privilege)}.
     */
    List<Fact> admins() throws UnrecognisedOutputException {
        Element system = child(root, "system");
        Map<String, String> userByUid = new LinkedHashMap<>();
        List<String> directAdmins = new ArrayList<>();
        for (Element u : children(system, "user")) {
            String name = text(u, "name");
            if (name == null) throw new UnrecognisedOutputException("a <user> in <system> has no <name>", 0);
            // A disabled account cannot log in, so it holds no admin access; it is left out of the membership.
            if (flag(u, "disabled")) {
                String uid = text(u, "uid");
                if (uid != null) userByUid.put(uid, null);
                continue;
            }
            String uid = text(u, "uid");
            if (uid != null) userByUid.put(uid, name);
            if (privileges(u).contains("page-all")) directAdmins.add(name);
        }
        List<Fact> facts = new ArrayList<>();
        boolean sawAdmins = false;
        for (Element g : children(system, "group")) {
            String name = text(g, "name");
            if (name == null) continue;
            if (!name.equals("admins") && !privileges(g).contains("page-all")) continue;
            sawAdmins = true;
            Set<String> members = new LinkedHashSet<>();
            for (Element m : children(g, "member")) {
                for (String uid : m.getTextContent().split(",")) {
                    String id = uid.strip();
                    if (id.isEmpty()) continue;
                    if (userByUid.containsKey(id) && userByUid.get(id) == null) continue; // disabled user
                    // A uid with no user is a dangling membership; name it so it is not silently dropped.
                    members.add(userByUid.getOrDefault(id, "uid " + id));
                }
            }
            facts.add(new AdminGroup(deviceId(), source(), name, members.size()));
            for (String m : members) facts.add(new GroupMember(deviceId(), source(), name, m, "user", "local"));
        }
        if (!sawAdmins) {
            throw new UnrecognisedOutputException("no <group> named admins (or granting page-all) in <system>: every "
                    + product.label + " configuration has one", 0);
        }
        if (!directAdmins.isEmpty()) {
            String group = "page-all (user privilege)";
            facts.add(new AdminGroup(deviceId(), source(), group, directAdmins.size()));
            for (String m : directAdmins) facts.add(new GroupMember(deviceId(), source(), group, m, "user", "local"));
        }
        return facts;
    }

    private static Set<String> privileges(Element e) {
        Set<String> out = new LinkedHashSet<>();
        for (Element p : children(e, "priv")) {
            for (String s : p.getTextContent().split(",")) if (!s.isBlank()) out.add(s.strip());
        }
        return out;
    }
}
