package io.auditor.samples.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.auditor.collect.Platform;
import io.auditor.collect.PlatformCatalog;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.IpAddress;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.VariableBinding;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The demo school running on loopback: every machine of a {@link DemoSchool} started as a
 * {@link SimulatedSshDevice} (Apache MINA SSHD, its own host key, answering its platform's probes from recorded
 * outputs moved forward to now) or a {@link SimulatedSnmpAgent} (SNMP4J, serving a recorded walk over SNMPv3 or
 * v2c), each on an address of its own in 127.20.0.0/16. A folder holds what a technician would have: {@code
 * inventory.yaml}, {@code known_hosts}, the audit key and password files, the profile, roster and waivers (with
 * dates relative to today), so {@code auditor scan --inventory DIR/inventory.yaml} audits it like a real school.
 */
public final class DemoEstate implements AutoCloseable {
    /** SNMP credential names in the generated inventory. */
    static final String SNMP_V3_CREDENTIAL = "snmp-v3";
    static final String SNMP_V2C_CREDENTIAL = "snmp-legacy";
    /** The old edge switch answers the community its installer never changed (NET-02/PWD-02 show it). */
    static final String LEGACY_COMMUNITY = "public";

    private static final String ARP_TABLE = "1.3.6.1.2.1.4.22";
    private static final String ARP_PHYSICAL_TABLE = "1.3.6.1.2.1.4.35";
    /** LLDP-MIB lldpRemManAddrTable: the neighbour's management address is the row index's last arcs (1.4.a.b.c.d). */
    private static final String LLDP_MANAGEMENT_ADDRESSES = "1.0.8802.1.1.2.1.4.2";
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_./@:-]*");

    private final Path dir;
    private final List<DemoSchool.Machine> machines;
    private final List<SimulatedSshDevice> sshDevices;
    private final List<SimulatedSnmpAgent> snmpAgents;

    private DemoEstate(Path dir, List<DemoSchool.Machine> machines, List<SimulatedSshDevice> ssh,
                       List<SimulatedSnmpAgent> snmp) {
        this.dir = dir;
        this.machines = List.copyOf(machines);
        this.sshDevices = List.copyOf(ssh);
        this.snmpAgents = List.copyOf(snmp);
    }

    /**
     * Starts {@code count} machines of the school and writes the estate's files into {@code dir} (created if
     * missing; files of an earlier demo there are replaced). Recorded outputs are moved forward by the time between
     * their capture and {@code clock}'s now; waivers keep their distance from the capture day, counted from today.
     */
    public static DemoEstate start(DemoSchool school, Path dir, int count, Clock clock, PlatformCatalog catalog)
            throws IOException {
        List<DemoSchool.Machine> machines = school.machines(count);
        Files.createDirectories(dir.resolve("keys"));
        Files.createDirectories(dir.resolve("secrets"));
        Credentials credentials = Credentials.create(dir);
        Instant now = clock.instant();

        List<SimulatedSshDevice> ssh = new ArrayList<>();
        List<SimulatedSnmpAgent> snmp = new ArrayList<>();
        StringBuilder knownHosts = new StringBuilder();
        StringBuilder devices = new StringBuilder();
        Map<String, Map<String, Recording>> recordings = new HashMap<>();
        Map<String, List<VariableBinding>> walks = new HashMap<>();
        try {
            List<DemoSchool.Machine> arpRows = machines.stream().filter(m -> !m.switchedOff()).toList();
            List<DemoSchool.Machine> cores = machines.stream().filter(DemoSchool.Machine::arpOfAll).toList();
            for (DemoSchool.Machine m : machines) {
                ObjectNode entry = JsonNodeFactory.instance.objectNode();
                entry.put("id", m.id());
                entry.set("roles", m.entry().get("roles"));
                entry.put("platform", m.platform());
                entry.put("address", m.address());
                String credential;
                int port;
                if (m.snmpDevice()) {
                    List<VariableBinding> walk = walks.computeIfAbsent(m.walk(), w -> readWalk(school.root().resolve(w)));
                    List<VariableBinding> served = withArp(walk, m.arpOfAll() ? arpRows : cores, school);
                    boolean v3 = "v3".equals(m.snmp());
                    SimulatedSnmpAgent agent = v3
                            ? SimulatedSnmpAgent.servingV3(served, credentials.snmpUser(), m.address())
                            : SimulatedSnmpAgent.serving(served, LEGACY_COMMUNITY, m.address());
                    snmp.add(agent);
                    port = agent.port();
                    credential = v3 ? SNMP_V3_CREDENTIAL : SNMP_V2C_CREDENTIAL;
                } else {
                    credential = SimulatedEstate.credentialFor(m.platform());
                    if (m.switchedOff()) {
                        port = closedPort(m.address());
                    } else {
                        Platform platform = catalog.find(m.platform()).orElseThrow(() ->
                                new IOException("school.yaml: no platform '" + m.platform() + "' for " + m.id()));
                        Map<String, Recording> answers = recordings.computeIfAbsent(m.captures(),
                                c -> recorded(school.root().resolve(c), platform, now));
                        SimulatedSshDevice device = credentials.login(
                                SimulatedSshDevice.builder(m.id()).host(m.address()).respond(answers), credential).start();
                        ssh.add(device);
                        port = device.port();
                        knownHosts.append(device.knownHostsLine()).append('\n');
                    }
                }
                entry.put("port", port);
                entry.put("credentials", credential);
                m.entry().fields().forEachRemaining(f -> {
                    if (!entry.has(f.getKey())) entry.set(f.getKey(), f.getValue());
                });
                devices.append("  - ").append(flow(entry)).append('\n');
            }
            LocalDate today = LocalDate.ofInstant(now, clock.getZone());
            writeFiles(school, dir, machines, credentials, knownHosts, devices, today);
        } catch (Throwable e) {
            List<AutoCloseable> started = new ArrayList<>(ssh);
            started.addAll(snmp);
            SimulatedEstate.closeAfterFailure(started, e);
            if (e instanceof UncheckedIOException u) throw u.getCause();
            throw e;
        }
        return new DemoEstate(dir, machines, ssh, snmp);
    }

    private static void writeFiles(DemoSchool school, Path dir, List<DemoSchool.Machine> machines, Credentials credentials,
                                   StringBuilder knownHosts, StringBuilder devices, LocalDate today) throws IOException {
        Files.writeString(dir.resolve("profile.yaml"), school.onLoopback(Files.readString(school.profile())));
        Files.writeString(dir.resolve("roster.csv"), Files.readString(school.roster()));
        Files.writeString(dir.resolve("waivers.yaml"), waivers(school, machines, today));
        Files.writeString(dir.resolve("known_hosts"), knownHosts.toString());
        String inventory = "# " + school.school() + ": " + machines.size() + " simulated devices on loopback, written by"
                + " 'auditor demo'.\n# Scan it with: auditor scan --inventory " + dir.resolve("inventory.yaml") + "\n"
                + "school: " + flowText(school.school()) + "\n"
                + "profile: profile.yaml\nwaivers: waivers.yaml\nroster: roster.csv\nknownHosts: known_hosts\n"
                + "credentials:\n" + credentials.inventoryLines() + "devices:\n" + devices;
        Files.writeString(dir.resolve("inventory.yaml"), inventory, StandardCharsets.UTF_8);
    }

    /**
     * The sample estate's waivers, each as far from today as it was from the capture day, and a waiver that names
     * a template covering every copy of it.
     */
    static String waivers(DemoSchool school, List<DemoSchool.Machine> machines, LocalDate today) throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .disable(YAMLGenerator.Feature.SPLIT_LINES)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));
        JsonNode doc = yaml.readTree(Files.readString(school.waivers()));
        long days = ChronoUnit.DAYS.between(school.recordedOn(), today);
        Map<String, List<String>> copies = DemoSchool.copiesByTemplate(machines);
        ArrayNode out = yaml.createArrayNode();
        for (JsonNode w : doc.path("waivers")) {
            ObjectNode copy = (ObjectNode) w.deepCopy();
            for (String key : List.of("effective", "expires")) {
                if (w.hasNonNull(key)) copy.put(key, LocalDate.parse(w.get(key).asText()).plusDays(days).toString());
            }
            List<String> named = new ArrayList<>();
            JsonNode d = w.path("devices");
            List<String> given = new ArrayList<>();
            if (d.isArray()) d.forEach(x -> given.add(x.asText()));
            else if (d.isTextual()) given.add(d.asText());
            for (String id : given) named.addAll(copies.getOrDefault(id, List.of(id)));
            ArrayNode list = copy.putArray("devices");
            named.forEach(list::add);
            out.add(copy);
        }
        ObjectNode root = yaml.createObjectNode();
        root.set("waivers", out);
        return "# The sample school's waivers, dated relative to the day the demo ran (" + today + ").\n"
                + yaml.writeValueAsString(root);
    }

    /** The walk without its ARP tables, plus an ARP row for each of {@code neighbours} and, on the core, the strangers. */
    static List<VariableBinding> withArp(List<VariableBinding> walk, List<DemoSchool.Machine> neighbours, DemoSchool school) {
        OID arp = new OID(ARP_TABLE);
        OID physical = new OID(ARP_PHYSICAL_TABLE);
        OID lldp = new OID(LLDP_MANAGEMENT_ADDRESSES);
        int[] recorded = school.recordedPrefix();
        int[] loopback = school.loopbackPrefix();
        List<VariableBinding> out = new ArrayList<>();
        for (VariableBinding vb : walk) {
            OID oid = vb.getOid();
            if (oid.startsWith(arp) || oid.startsWith(physical)) continue;
            if (oid.startsWith(lldp) && oid.size() >= lldp.size() + 6) {
                // The neighbour's address as the school's plan moved onto loopback, so it names an inventory device.
                int[] arcs = oid.getValue();
                int at = arcs.length - 6;
                if (arcs[at] == 1 && arcs[at + 1] == 4 && arcs[at + 2] == recorded[0] && arcs[at + 3] == recorded[1]) {
                    arcs[at + 2] = loopback[0];
                    arcs[at + 3] = loopback[1];
                    vb = new VariableBinding(new OID(arcs), vb.getVariable());
                }
            }
            out.add(vb);
        }
        boolean core = neighbours.size() > 1;
        for (DemoSchool.Machine m : neighbours) out.addAll(arpRow(m.address(), mac(m), arp));
        if (core) for (DemoSchool.Stranger s : school.strangers()) out.addAll(arpRow(s.address(), s.mac(), arp));
        return out;
    }

    private static List<VariableBinding> arpRow(String address, String mac, OID table) {
        int[] octets = java.util.Arrays.stream(address.split("\\.")).mapToInt(Integer::parseInt).toArray();
        int ifIndex = vlanInterface(octets[2]);
        OID index = new OID(new int[] {ifIndex}).append(new OID(octets));
        byte[] macBytes = new byte[6];
        String[] hex = mac.split(":");
        for (int i = 0; i < 6; i++) macBytes[i] = (byte) Integer.parseInt(hex[i], 16);
        return List.of(
                new VariableBinding(new OID(table).append("1.1").append(index), new Integer32(ifIndex)),
                new VariableBinding(new OID(table).append("1.2").append(index), new OctetString(macBytes)),
                new VariableBinding(new OID(table).append("1.3").append(index), new IpAddress(address)),
                new VariableBinding(new OID(table).append("1.4").append(index), new Integer32(3)));
    }

    /** The core switch's VLAN interfaces in the recorded walk: infrastructure 10, classrooms 20, VC 30, guests 200. */
    private static int vlanInterface(int thirdOctet) {
        if (thirdOctet >= 200) return 200;
        if (thirdOctet == 30) return 30;
        return thirdOctet < 10 ? 10 : 20;
    }

    /** A stable MAC per machine, under a maker's prefix that fits the kind of device. */
    private static String mac(DemoSchool.Machine m) {
        String prefix = switch (m.platform()) {
            case "snmp-generic", "cisco-aireos", "cisco-roomos" -> "70:6D:15";
            case "pfsense", "opnsense" -> "00:08:A2";
            default -> "D4:81:D7";
        };
        String[] o = m.address().split("\\.");
        return String.format(Locale.ROOT, "%s:%02X:%02X:%02X", prefix, Integer.parseInt(o[1]), Integer.parseInt(o[2]),
                Integer.parseInt(o[3]));
    }

    private static List<VariableBinding> readWalk(Path file) {
        try {
            return SimulatedSnmpAgent.read(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A template's recorded outputs, every timestamp moved from its capture time to {@code now}. */
    private static Map<String, Recording> recorded(Path captures, Platform platform, Instant now) {
        try {
            TimeShift shift = TimeShift.between(TimeShift.capturedAt(captures), now);
            Map<String, Recording> out = new HashMap<>();
            SimulatedSshDevice.recordingsFrom(captures, platform).forEach((command, r) -> out.put(command, shift.apply(r)));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            throw new UncheckedIOException(new IOException(captures + ": " + e.getMessage(), e));
        }
    }

    /** A port on {@code address} that nothing listens on: the machine is switched off. */
    private static int closedPort(String address) throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(address))) {
            return s.getLocalPort();
        }
    }

    /** One flow-style YAML mapping on a line, as a technician writes inventory entries. */
    static String flow(JsonNode n) {
        if (n.isObject()) {
            List<String> parts = new ArrayList<>();
            n.fields().forEachRemaining(f -> parts.add(f.getKey() + ": " + flow(f.getValue())));
            return "{ " + String.join(", ", parts) + " }";
        }
        if (n.isArray()) {
            List<String> parts = new ArrayList<>();
            n.forEach(x -> parts.add(flow(x)));
            return "[" + String.join(", ", parts) + "]";
        }
        if (n.isNumber() || n.isBoolean()) return n.asText();
        return flowText(n.asText());
    }

    private static String flowText(String s) {
        return PLAIN.matcher(s).matches() ? s : "'" + s.replace("'", "''") + "'";
    }

    public Path dir() {
        return dir;
    }

    public Path inventory() {
        return dir.resolve("inventory.yaml");
    }

    public List<DemoSchool.Machine> machines() {
        return machines;
    }

    public int sshDevices() {
        return sshDevices.size();
    }

    public int snmpDevices() {
        return snmpAgents.size();
    }

    /** Machines that get an address and a port but do not answer (school.yaml's {@code switchedOff}). */
    public int switchedOff() {
        return machines.size() - sshDevices.size() - snmpAgents.size();
    }

    /** SSH sessions still open on any device; 0 once the auditor has let go of every connection. */
    public int activeSessions() {
        return sshDevices.stream().mapToInt(SimulatedSshDevice::activeSessions).sum();
    }

    @Override
    public void close() throws IOException {
        List<AutoCloseable> all = new ArrayList<>(sshDevices);
        all.addAll(snmpAgents);
        SimulatedEstate.closeAll(all);
    }

    /** The audit account's key and passwords, written once per demo folder, and how the inventory names them. */
    private record Credentials(KeyPair key, String windowsPassword, String vcPassword, SimulatedSnmpDaemon.V3User snmpUser) {
        static Credentials create(Path dir) throws IOException {
            KeyPair key = SimulatedEstate.writeAuditKey(dir, "auditor@demo-school");
            Credentials c = new Credentials(key, SimulatedEstate.randomPassword(), SimulatedEstate.randomPassword(),
                    new SimulatedSnmpDaemon.V3User("auditor", "SHA-256", SimulatedEstate.randomPassword(), "AES-256",
                            SimulatedEstate.randomPassword()));
            SimulatedEstate.writeSecret(dir, "win-audit.txt", c.windowsPassword());
            SimulatedEstate.writeSecret(dir, "vc-audit.txt", c.vcPassword());
            SimulatedEstate.writeSecret(dir, "snmp-auth.txt", c.snmpUser().authPassword());
            SimulatedEstate.writeSecret(dir, "snmp-priv.txt", c.snmpUser().privPassword());
            SimulatedEstate.writeSecret(dir, "snmp-community.txt", LEGACY_COMMUNITY);
            return c;
        }

        SimulatedSshDevice.Builder login(SimulatedSshDevice.Builder b, String credential) {
            return switch (credential) {
                case SimulatedEstate.WINDOWS_CREDENTIAL -> b.user("RIVERSIDE\\svc-audit").password(windowsPassword);
                case SimulatedEstate.VC_CREDENTIAL -> b.user("audit").password(vcPassword);
                default -> b.user("auditor").authorizedKey(key.getPublic());
            };
        }

        String inventoryLines() {
            return "  " + SimulatedEstate.KEY_CREDENTIAL + ": { type: ssh, username: auditor, privateKey: keys/auditor_rsa }\n"
                    + "  " + SimulatedEstate.WINDOWS_CREDENTIAL + ": { type: ssh, username: 'RIVERSIDE\\svc-audit', "
                    + "passwordFile: secrets/win-audit.txt }\n"
                    + "  " + SimulatedEstate.VC_CREDENTIAL + ": { type: ssh, username: audit, passwordFile: secrets/vc-audit.txt }\n"
                    + "  " + SNMP_V3_CREDENTIAL + ": { type: snmp, version: 3, username: " + snmpUser.name()
                    + ", authProtocol: " + snmpUser.authProtocol() + ", authPasswordFile: secrets/snmp-auth.txt,\n"
                    + "               privProtocol: " + snmpUser.privProtocol() + ", privPasswordFile: secrets/snmp-priv.txt }\n"
                    + "  " + SNMP_V2C_CREDENTIAL + ": { type: snmp, version: 2c, communityFile: secrets/snmp-community.txt }\n";
        }
    }
}
