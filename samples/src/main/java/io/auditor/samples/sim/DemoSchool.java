package io.auditor.samples.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.auditor.model.ClasspathFolder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the demo school is made of, as {@code samples/demo/school.yaml} describes it: the fixed infrastructure
 * (firewall, servers, switches, wireless, video conferencing) and the classroom mix that is repeated to reach the
 * size asked for. Pure data: {@link DemoEstate} starts it.
 */
public final class DemoSchool {
    /** Keys of school.yaml that steer the simulation and never reach the generated inventory. */
    static final List<String> SIMULATION_KEYS = List.of("captures", "walk", "snmp", "arp", "template", "switchedOff");

    /** The resource folder the samples are packaged under (see samples/pom.xml). */
    static final String RESOURCE_ROOT = "io/auditor/samples";

    /** One machine of the school, with its inventory entry (without address/port/credentials) and how to simulate it. */
    public record Machine(String id, String platform, String address, ObjectNode entry, String captures, String walk,
                          String snmp, boolean arpOfAll, String template, boolean switchedOff) {
        public boolean snmpDevice() {
            return walk != null;
        }
    }

    /** An address on the core switch's ARP table that is no inventory device's. */
    public record Stranger(String address, String mac) {}

    private final Path root;
    private final String school;
    private final String profile;
    private final String roster;
    private final String waivers;
    private final LocalDate recordedOn;
    private final String recordedNetwork;
    private final String loopbackNetwork;
    private final List<Machine> infrastructure;
    private final List<ObjectNode> classroom;
    private final List<Stranger> strangers;

    private DemoSchool(Path root, JsonNode doc) throws IOException {
        this.root = root;
        this.school = text(doc, "school");
        this.profile = text(doc, "profile");
        this.roster = text(doc, "roster");
        this.waivers = text(doc, "waivers");
        this.recordedOn = LocalDate.parse(text(doc, "recordedOn"));
        this.recordedNetwork = text(doc.path("network"), "recorded");
        this.loopbackNetwork = text(doc.path("network"), "loopback");
        List<Machine> infra = new ArrayList<>();
        for (JsonNode n : doc.path("infrastructure")) infra.add(machine((ObjectNode) n.deepCopy(), text(n, "id"), text(n, "address")));
        this.infrastructure = List.copyOf(infra);
        List<ObjectNode> mix = new ArrayList<>();
        doc.path("classroom").forEach(n -> mix.add((ObjectNode) n.deepCopy()));
        if (mix.isEmpty()) throw new IOException("school.yaml: 'classroom' lists no machine");
        this.classroom = List.copyOf(mix);
        List<Stranger> s = new ArrayList<>();
        for (JsonNode n : doc.path("strangers")) s.add(new Stranger(text(n, "address"), text(n, "mac")));
        this.strangers = List.copyOf(s);
    }

    /** The demo school packaged with the auditor (from the jar, or from target/classes when run from the build). */
    public static DemoSchool builtIn() throws IOException {
        Path schoolFile = ClasspathFolder.path(DemoSchool.class.getClassLoader(), RESOURCE_ROOT + "/demo/school.yaml");
        if (schoolFile == null) throw new IOException("the demo school is not packaged with this build ("
                + RESOURCE_ROOT + "/demo/school.yaml missing from the classpath)");
        return load(schoolFile.getParent().getParent());
    }

    /** Reads {@code demo/school.yaml} under a samples folder ({@code samples/} of a checkout, or the jar's copy). */
    public static DemoSchool load(Path samplesRoot) throws IOException {
        Path file = samplesRoot.resolve("demo").resolve("school.yaml");
        return new DemoSchool(samplesRoot, new ObjectMapper(new YAMLFactory()).readTree(Files.readString(file)));
    }

    /** Infrastructure first, then the classroom mix repeated until there are {@code count} machines. */
    public List<Machine> machines(int count) {
        if (count < minimumSize()) {
            throw new IllegalArgumentException("the demo school needs at least " + minimumSize() + " devices ("
                    + infrastructure.size() + " for its network, servers and VC units, and one of each kind of "
                    + "classroom machine)");
        }
        List<Machine> out = new ArrayList<>(infrastructure);
        Map<String, Integer> next = new HashMap<>();
        int clients = count - infrastructure.size();
        for (int i = 0; i < clients; i++) {
            ObjectNode n = classroom.get(i % classroom.size()).deepCopy();
            String first = text(n, "id");
            int cut = first.lastIndexOf('-') + 1;
            String prefix = first.substring(0, cut);
            int number = next.merge(prefix, 1, Integer::sum) - 1 + Integer.parseInt(first.substring(cut));
            String id = prefix + number;
            n.put("id", id);
            // 127.20.20.1 onwards: 250 machines per /24, clear of the servers' and the BYOD ranges.
            String address = loopbackNetwork + (20 + i / 250) + "." + (1 + i % 250);
            out.add(machine(n, id, address));
        }
        return out;
    }

    /** Infrastructure plus one of each classroom machine: the smallest school that still shows every state. */
    public int minimumSize() {
        return infrastructure.size() + classroom.size();
    }

    /** Infrastructure plus the classroom mix twice: about 25 workstations and laptops, as a small secondary has. */
    public int defaultSize() {
        return infrastructure.size() + 2 * classroom.size();
    }

    private Machine machine(ObjectNode n, String id, String address) {
        Machine m = new Machine(id, text(n, "platform"), address, n, optional(n, "captures"), optional(n, "walk"),
                optional(n, "snmp"), "all".equals(optional(n, "arp")), optional(n, "template"),
                n.path("switchedOff").asBoolean(false));
        for (String k : SIMULATION_KEYS) n.remove(k);
        n.remove("address");
        return m;
    }

    public Path root() {
        return root;
    }

    public String school() {
        return school;
    }

    public Path profile() {
        return root.resolve(profile);
    }

    public Path roster() {
        return root.resolve(roster);
    }

    public Path waivers() {
        return root.resolve(waivers);
    }

    /** The day the recorded outputs stand for: waivers are dated relative to it. */
    public LocalDate recordedOn() {
        return recordedOn;
    }

    public List<Stranger> strangers() {
        return strangers;
    }

    /** The estate's address written as the demo's loopback address (10.20.x.y → 127.20.x.y). */
    public String onLoopback(String text) {
        return text.replace(recordedNetwork, loopbackNetwork);
    }

    /** The first two octets of the school's recorded network (10.20). */
    int[] recordedPrefix() {
        return prefix(recordedNetwork);
    }

    /** The first two octets of the network the demo uses on loopback (127.20). */
    int[] loopbackPrefix() {
        return prefix(loopbackNetwork);
    }

    private static int[] prefix(String network) {
        String[] o = network.split("\\.");
        return new int[] {Integer.parseInt(o[0]), Integer.parseInt(o[1])};
    }

    /** Machines by template, for waivers that name a template: every copy of it is covered. */
    static Map<String, List<String>> copiesByTemplate(List<Machine> machines) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Machine m : machines) {
            if (m.template() != null) out.computeIfAbsent(m.template(), k -> new ArrayList<>()).add(m.id());
        }
        return out;
    }

    private static String text(JsonNode n, String key) throws IllegalStateException {
        JsonNode v = n.get(key);
        if (v == null || !v.isValueNode()) throw new IllegalStateException("school.yaml: an entry lacks '" + key + "': " + n);
        return v.asText();
    }

    private static String optional(JsonNode n, String key) {
        JsonNode v = n.get(key);
        return v == null || v.isNull() ? null : v.asText();
    }
}
