package io.auditor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile and broken device output, end to end through {@code auditor scan --captures}: the real capture
 * transport, collectors, rule pack and reports. The project's standards under test:
 * <ul>
 *   <li>a device that lies or floods output is bounded by caps and reported, and the rest of the scan completes
 *       (every broken capture ends NOT_ASSESSED with a reason, or a correct PASS/GAP when the data is valid; never
 *       an exception, never a wrong PASS);</li>
 *   <li>everything from a device is untrusted text: no terminal control sequence reaches the console, while the
 *       JSON report keeps the text, escaped;</li>
 *   <li>missing data is never a pass.</li>
 * </ul>
 * Each scan also holds healthy devices whose results must be unaffected by their hostile neighbours.
 */
class HostileCapturesTest {
    /** Reads back reports of any size: a flooded device's evidence is one long string (see floodsAreBoundedAndFast). */
    private static final ObjectMapper JSON = new ObjectMapper(com.fasterxml.jackson.core.JsonFactory.builder()
            .streamReadConstraints(com.fasterxml.jackson.core.StreamReadConstraints.builder()
                    .maxStringLength(Integer.MAX_VALUE).build()).build());
    private static final String CAPTURED_AT = "2026-11-20T02:00:00Z";
    /** 2026-11-19T03:05:11Z: a day before the capture. */
    private static final long YESTERDAY = 1795069511L;
    /** 2026-09-21: two months before the capture. */
    private static final long TWO_MONTHS_AGO = 1790000000L;
    private static final int CAP = 4 * 1024 * 1024;

    // ---- healthy outputs, one map per platform: probe id → output ----

    private static final String CLAMAV_UNITS = """
            Id=clamav-daemon.service
            LoadState=loaded
            ActiveState=active
            SubState=running

            Id=clamav-freshclam.service
            LoadState=loaded
            ActiveState=active
            SubState=running

            Id=clamav-clamonacc.service
            LoadState=loaded
            ActiveState=active
            SubState=running
            """;

    private static Map<String, String> debianOutputs() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("apt-upgradable", "index-refreshed: " + YESTERDAY + " /var/lib/apt/periodic/update-success-stamp\n"
                + "Listing...\n");
        m.put("unattended-upgrades", "APT::Periodic::Update-Package-Lists \"1\";\n"
                + "APT::Periodic::Unattended-Upgrade \"1\";\nunattended-upgrades ii  2.9.1+nmu3\n");
        m.put("clamav", "ClamAV 1.0.7/27829/Thu Nov 19 08:27:02 2026\n" + CLAMAV_UNITS);
        m.put("admin-groups", "sudo:x:27:\nuid0:x:0:root\n");
        m.put("restic-snapshots", "[{\"time\":\"2026-11-19T23:00:09Z\",\"paths\":[\"/srv\"],\"hostname\":\"h\","
                + "\"id\":\"8b0e6a2f4c1d3e5a\",\"short_id\":\"8b0e6a2f\"}]");
        return m;
    }

    private static Map<String, String> windowsOutputs() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("defender-status", defender("true", "true", "true", "\"\\/Date(1795064530000)\\/\""));
        m.put("local-admins", "{\"Name\": \"WS\\\\Administrator\", \"ObjectClass\": \"User\", \"PrincipalSource\": \"Local\"}");
        m.put("pending-updates", "{\"LastSearchSuccessDate\": \"\\/Date(" + YESTERDAY + "000)\\/\", \"Updates\": []}");
        m.put("wsb-summary", "{\"LastSuccessfulBackupTime\": \"\\/Date(1795125600000)\\/\", "
                + "\"LastBackupTime\": \"\\/Date(1795125600000)\\/\", \"LastBackupResultHR\": 0, "
                + "\"LastBackupResultDetailedHR\": 0, \"NumberOfVersions\": 12}");
        return m;
    }

    private static String defender(String service, String antivirus, String realTime, String signatureDate) {
        return "{\"AMProductVersion\": \"4.18.25100.9\", \"AMServiceEnabled\": " + service
                + ", \"AntivirusEnabled\": " + antivirus + ", \"RealTimeProtectionEnabled\": " + realTime
                + ", \"AntivirusSignatureVersion\": \"1.441.201.0\", \"AntivirusSignatureLastUpdated\": "
                + signatureDate + "}";
    }

    private static Map<String, String> roomos() {
        return new LinkedHashMap<>(Map.of("autoanswer", """
                *c xConfiguration Conference AutoAnswer Delay: 0
                *c xConfiguration Conference AutoAnswer Mode: Off
                *c xConfiguration Conference AutoAnswer Mute: Off
                ** end

                OK
                """, "standby", """
                *c xConfiguration Standby Control: On
                *c xConfiguration Standby Delay: 10
                ** end
                """, "users", """
                *r UserListResult (status=OK):
                *r UserListResult User 1 Active: True
                *r UserListResult User 1 PassphraseChangeRequired: False
                *r UserListResult User 1 Roles Role 1: Admin
                *r UserListResult User 1 Username: "admin"
                *r UserListResult TotalRows: 1
                ** end
                """, "network-services", """
                *c xConfiguration NetworkServices HTTP Mode: HTTPS
                *c xConfiguration NetworkServices SSH Mode: On
                ** end
                """, "software", """
                *s SystemUnit Software DisplayName: "RoomOS 11.14.2.3 4b7d3df8d7f"
                ** end
                """));
    }

    /** A healthy RoomOS unit's outputs with one probe's output replaced, so only that probe's topic is broken. */
    private static Map<String, String> roomosWith(String probe, String output) {
        Map<String, String> m = roomos();
        m.put(probe, output);
        return m;
    }

    private static String restic(String time) {
        return "[{\"time\":\"" + time + "\",\"paths\":[\"/srv\"],\"hostname\":\"h\",\"short_id\":\"0badc0de\"}]";
    }

    // ---- the estate builder and the scan ----

    /** A temporary estate: inventory.yaml and one capture folder per device. */
    private static final class Estate {
        final Path root;
        final Path captures;
        final StringBuilder inventory = new StringBuilder("school: Hostile Captures School\ndevices:\n");

        Estate(Path root) {
            this.root = root;
            this.captures = root.resolve("captures");
        }

        /** Adds a device with the given outputs; a byte[] value is written as is, a String as UTF-8. */
        Estate device(String id, String roles, String platform, Map<String, ?> outputs) {
            inventory.append("  - { id: ").append(id).append(", roles: [").append(roles).append("], platform: ")
                    .append(platform).append(roles.contains("server") ? ", backup: required" : "").append(" }\n");
            Path dir = captures.resolve(id);
            try {
                Files.createDirectories(dir);
                Files.writeString(dir.resolve("capture.properties"), "capturedAt=" + CAPTURED_AT + "\n");
                for (Map.Entry<String, ?> o : outputs.entrySet()) {
                    Path file = dir.resolve(o.getKey() + ".txt");
                    if (o.getValue() instanceof byte[] b) Files.write(file, b);
                    else Files.writeString(file, (String) o.getValue(), StandardCharsets.UTF_8);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return this;
        }

        Estate debian(String id, Map<String, ?> replaced) {
            Map<String, Object> m = new LinkedHashMap<>(debianOutputs());
            m.putAll(replaced);
            return device(id, "server", "debian", m);
        }

        Estate windows(String id, String roles, Map<String, ?> replaced) {
            Map<String, Object> m = new LinkedHashMap<>(windowsOutputs());
            m.putAll(replaced);
            return device(id, roles, "windows", m);
        }

        /** Healthy neighbours: every control they are in scope of must pass, whatever else is in the scan. */
        Estate healthy() {
            debian("ok-deb", Map.of());
            windows("ok-win", "workstation", Map.of());
            return device("ok-vc", "vc-endpoint", "cisco-roomos", roomos());
        }

        Scan scan() {
            try {
                Path inv = Files.writeString(root.resolve("inventory.yaml"), inventory.toString());
                Path out = root.resolve("out");
                Run run = Run.of("scan", "--inventory", inv.toString(), "--captures", captures.toString(),
                        "--out", out.toString(), "--as-of", "2026-11-20", "--color", "always");
                Path file = out.resolve("report.json");
                String raw = Files.exists(file) ? Files.readString(file) : "";
                return new Scan(run, raw.isEmpty() ? null : JSON.readTree(raw), raw);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private record Scan(Run run, JsonNode report, String rawJson) {
        JsonNode result(String control, String device) {
            for (JsonNode r : report.get("results")) {
                if (r.get("control").asText().equals(control) && r.get("device").asText().equals(device)) return r;
            }
            throw new AssertionError("no " + control + " result for " + device + "\n" + run);
        }

        /** Asserts the status and that the evidence contains every fragment; returns the evidence. */
        String expect(String control, String device, String status, String... evidence) {
            JsonNode r = result(control, device);
            String text = r.get("evidence").asText();
            assertEquals(status, r.get("status").asText(), control + " on " + device + ": " + text);
            assertFalse(text.isBlank(), control + " on " + device + " has no evidence");
            for (String e : evidence) assertTrue(text.contains(e), control + " on " + device + ": '" + e + "' not in " + text);
            return text;
        }

        /** The scan finished normally (exit 1: gaps or not assessed) with no crash anywhere. */
        void completed() {
            assertEquals(1, run.exit(), run.toString());
            assertFalse(run.err().contains("internal error"), run.toString());
            assertTrue(report != null, "report.json written\n" + run);
            for (JsonNode r : report.get("results")) {
                String e = r.get("evidence").asText();
                // A parser or transport that threw is reported as "failed: java.lang.…": a bug, not a reason.
                assertFalse(e.contains("Exception") || e.contains("java.lang."), "crash in evidence: " + r);
            }
        }

        void healthyNeighboursPass() {
            for (String c : List.of("PATCH-01", "AV-01", "AV-02", "ADM-01", "BAK-01")) expect(c, "ok-deb", "PASS");
            for (String c : List.of("PATCH-01", "AV-01", "AV-02", "ADM-01")) expect(c, "ok-win", "PASS");
            for (String c : List.of("VC-01", "VC-02", "VC-03")) expect(c, "ok-vc", "PASS");
        }
    }

    // ---- broken and lying output ----

    @Test
    void brokenCapturesEndNotAssessedWithAReasonAndTheRestOfTheScanCompletes(@TempDir Path dir) {
        byte[] binary = new byte[64 * 1024];
        new Random(42).nextBytes(binary);
        // Valid UTF-8 JSON around a lone continuation byte and an overlong encoding where a brace should be.
        byte[] badUtf8Json = concat("{\"AMProductVersion\": \"4.18\" ".getBytes(StandardCharsets.UTF_8),
                new byte[]{(byte) 0x80, (byte) 0xC0, (byte) 0xAF}, "}".getBytes(StandardCharsets.UTF_8));
        // Over the transport's cap: a well-formed apt listing that just does not stop.
        StringBuilder flood = new StringBuilder("index-refreshed: " + YESTERDAY + " /x\nListing...\n");
        for (int i = 0; flood.length() <= CAP + 1024; i++) {
            flood.append("pkg").append(i).append("/bookworm 1.0 amd64 [upgradable from: 0.9]\n");
        }

        Estate e = new Estate(dir).healthy()
                .debian("flood", Map.of("apt-upgradable", flood.toString()))
                .debian("binary", Map.of("clamav", binary, "admin-groups", binary))
                .windows("bad-utf8", "workstation", Map.of("defender-status", badUtf8Json))
                .device("empty-deb", "server", "debian", Map.of("apt-upgradable", "", "unattended-upgrades", "",
                        "clamav", "", "admin-groups", "", "restic-snapshots", ""))
                .device("empty-win", "server", "windows", Map.of("defender-status", "", "local-admins", "",
                        "pending-updates", "", "wsb-summary", ""))
                .device("empty-vc", "vc-endpoint", "cisco-roomos", roomosWith("autoanswer", ""))
                // Valid JSON, wrong shape.
                .debian("restic-object", Map.of("restic-snapshots", "{\"time\":\"2026-11-19T23:00:09Z\",\"paths\":[\"/srv\"]}"))
                .windows("strings", "server", Map.of(
                        "defender-status", defender("\"true\"", "\"true\"", "\"true\"", "\"\\/Date(1795064530000)\\/\""),
                        "wsb-summary", "{\"LastSuccessfulBackupTime\": \"\\/Date(1795125600000)\\/\", "
                                + "\"LastBackupTime\": \"\\/Date(1795125600000)\\/\", \"LastBackupResultHR\": \"0\", "
                                + "\"NumberOfVersions\": \"12\"}"))
                .windows("nulls", "server", Map.of(
                        "defender-status", defender("null", "null", "null", "null").replace("\"4.18.25100.9\"", "null")
                                .replace("\"1.441.201.0\"", "null"),
                        "local-admins", "{\"Name\": null, \"ObjectClass\": null, \"PrincipalSource\": null}",
                        "pending-updates", "{\"LastSearchSuccessDate\": null, \"Updates\": null}",
                        "wsb-summary", "{\"LastSuccessfulBackupTime\": null, \"LastBackupTime\": null, "
                                + "\"LastBackupResultHR\": null, \"NumberOfVersions\": null}"))
                .debian("deep", Map.of("restic-snapshots", "[".repeat(10_000) + "]".repeat(10_000)))
                .windows("deep-win", "workstation", Map.of(
                        "defender-status", "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000)))
                .device("fw-laughs", "firewall", "pfsense", Map.of("pf-firewall", """
                        <?xml version="1.0"?>
                        <!DOCTYPE pfsense [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
                          <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>
                        <pfsense><system/><interfaces><wan/></interfaces><filter><rule><interface>wan</interface>
                        <descr>&d;&d;&d;&d;&d;&d;&d;&d;</descr></rule></filter></pfsense>
                        """, "pf-admins", "<pfsense><system><group><name>admins</name>"))
                .device("vc-error", "vc-endpoint", "cisco-roomos", roomosWith("autoanswer", """
                        *r Configuration (status=Error):\s
                        *r Configuration Reason: "No match on address expression."
                        *r Configuration XPath: "Configuration/Conference/AutoAnswer"
                        ** end

                        ERROR
                        """));
        Scan s = e.scan();
        s.completed();
        s.healthyNeighboursPass();

        s.expect("PATCH-01", "flood", "NOT_ASSESSED", "probe apt-upgradable", "exceeded the cap");
        s.expect("AV-01", "flood", "PASS"); // the flood is bounded to its own probe

        s.expect("AV-01", "binary", "NOT_ASSESSED", "probe clamav", "output not understood");
        s.expect("AV-02", "binary", "NOT_ASSESSED", "probe clamav", "output not understood");
        s.expect("ADM-01", "binary", "NOT_ASSESSED", "probe admin-groups", "output not understood");
        s.expect("PATCH-01", "binary", "PASS");

        s.expect("AV-01", "bad-utf8", "NOT_ASSESSED", "probe defender-status", "not valid JSON");

        for (String c : List.of("PATCH-01", "AV-01", "AV-02", "ADM-01", "BAK-01")) {
            s.expect(c, "empty-deb", "NOT_ASSESSED", "output not understood");
        }
        for (String c : List.of("PATCH-01", "AV-01", "AV-02", "BAK-01")) {
            s.expect(c, "empty-win", "NOT_ASSESSED", "output not understood");
        }
        // Get-LocalGroupMember prints nothing for an empty group: that is the documented format
        // (samples/formats/local-admins/no-members.txt), and the evidence says so in words.
        s.expect("ADM-01", "empty-win", "PASS", "no members");
        s.expect("VC-01", "empty-vc", "NOT_ASSESSED", "probe autoanswer", "output not understood");

        s.expect("BAK-01", "restic-object", "NOT_ASSESSED", "expected a JSON array of snapshots");
        s.expect("AV-01", "strings", "NOT_ASSESSED", "AMServiceEnabled", "not true or false");
        s.expect("BAK-01", "strings", "NOT_ASSESSED", "NumberOfVersions", "not a count");

        // Nulls everywhere: the rules say "could not tell" where the fact allows it, else the parser refuses.
        s.expect("AV-01", "nulls", "NOT_ASSESSED", "could not tell");
        s.expect("AV-02", "nulls", "NOT_ASSESSED", "could not be read");
        s.expect("ADM-01", "nulls", "NOT_ASSESSED", "probe local-admins", "has no Name");
        s.expect("BAK-01", "nulls", "NOT_ASSESSED", "probe wsb-summary");
        // An update agent that has never searched knows of no updates, so an empty list proves nothing.
        s.expect("PATCH-01", "nulls", "NOT_ASSESSED", "probe pending-updates", "LastSearchSuccessDate");

        s.expect("BAK-01", "deep", "NOT_ASSESSED", "probe restic-snapshots", "not valid JSON");
        s.expect("AV-01", "deep-win", "NOT_ASSESSED", "probe defender-status", "not valid JSON");

        s.expect("VC-01", "vc-error", "NOT_ASSESSED", "the unit answered with an error",
                "No match on address expression.");

        // A hostile config.xml (entity expansion) and a cut one are refused, never expanded or guessed at.
        for (String c : List.of("FW-01", "FW-02", "FW-03")) {
            s.expect(c, "fw-laughs", "NOT_ASSESSED", "probe pf-firewall", "DOCTYPE declaration is refused");
        }
        s.expect("ADM-01", "fw-laughs", "NOT_ASSESSED", "probe pf-admins", "not well-formed XML");

        // The console lists every broken device under NOT ASSESSED, with its reason.
        assertTrue(s.run().out().contains("exceeded the cap"), s.run().toString());
        assertTrue(s.run().err().contains("[1/"), s.run().toString());
        assertTrue(s.run().err().contains("] vc-error … ok, incomplete: vc-settings"), s.run().toString());
    }

    @Test
    void datesFarInTheFutureAreNeverAPassAndAncientDatesAreGaps(@TempDir Path dir) {
        String year9999 = "\"\\/Date(253402300799000)\\/\"";
        Estate e = new Estate(dir).healthy()
                // A clock or output claiming the future cannot show that something is recent.
                .debian("future-clam", Map.of("clamav", "ClamAV 1.0.7/27829/Fri Dec 31 23:59:59 9999\n" + CLAMAV_UNITS))
                .debian("future-index", Map.of("apt-upgradable", "index-refreshed: 999999999999 /x\nListing...\n"))
                .debian("future-restic", Map.of("restic-snapshots", restic("9999-12-31T23:59:59Z")))
                .windows("future-av", "workstation", Map.of("defender-status", defender("true", "true", "true", year9999)))
                .windows("future-wsb", "server", Map.of("wsb-summary", "{\"LastSuccessfulBackupTime\": " + year9999
                        + ", \"LastBackupTime\": " + year9999 + ", \"LastBackupResultHR\": 0, \"NumberOfVersions\": 1}"))
                .windows("future-search", "workstation", Map.of("pending-updates",
                        "{\"LastSearchSuccessDate\": " + year9999 + ", \"Updates\": []}"))
                .windows("future-release", "workstation", Map.of("pending-updates",
                        "{\"LastSearchSuccessDate\": \"\\/Date(" + YESTERDAY + "000)\\/\", \"Updates\": [{\"Title\": "
                                + "\"Security Update (KB1)\", \"KBArticleIDs\": [\"1\"], \"MsrcSeverity\": \"Critical\", "
                                + "\"Categories\": [\"Security Updates\"], \"LastDeploymentChangeTime\": "
                                + "\"\\/Date(999999999999999)\\/\"}]}"))
                // Year 1, the epoch and before it: genuinely old, so a gap, not a crash.
                .debian("year1-restic", Map.of("restic-snapshots", restic("0001-01-01T00:00:00Z")))
                .debian("epoch-index", Map.of("apt-upgradable", "index-refreshed: 0 /x\nListing...\n"))
                .windows("negative-av", "workstation", Map.of("defender-status",
                        defender("true", "true", "true", "\"\\/Date(-86400000)\\/\"")))
                .windows("year1-av", "workstation", Map.of("defender-status",
                        defender("true", "true", "true", "\"\\/Date(-62135596800000)\\/\"")))
                .windows("huge-date", "workstation", Map.of("defender-status",
                        defender("true", "true", "true", "\"\\/Date(99999999999999999999)\\/\"")));
        Scan s = e.scan();
        s.completed();
        s.healthyNeighboursPass();

        s.expect("AV-02", "future-clam", "NOT_ASSESSED", "probe clamav", "after the output was taken");
        // The whole probe is refused, so AV-01 is not assessed either: its reason names the wrong date, which is
        // more use to a technician than a service state read from a device whose output cannot be believed.
        s.expect("AV-01", "future-clam", "NOT_ASSESSED", "signature date 9999-12-31T23:59:59Z");
        s.expect("PATCH-01", "future-index", "NOT_ASSESSED", "probe apt-upgradable", "after the output was taken");
        s.expect("BAK-01", "future-restic", "NOT_ASSESSED", "probe restic-snapshots", "after the output was taken");
        s.expect("AV-02", "future-av", "NOT_ASSESSED", "probe defender-status", "after the output was taken");
        s.expect("BAK-01", "future-wsb", "NOT_ASSESSED", "probe wsb-summary", "after the output was taken");
        s.expect("PATCH-01", "future-search", "NOT_ASSESSED", "probe pending-updates", "after the output was taken");
        s.expect("PATCH-01", "future-release", "NOT_ASSESSED", "probe pending-updates", "after the output was taken");

        s.expect("BAK-01", "year1-restic", "GAP", "0001-01-01");
        s.expect("PATCH-01", "epoch-index", "GAP", "package index last refreshed 1970-01-01");
        s.expect("AV-02", "negative-av", "GAP", "dated 1969-12-31");
        s.expect("AV-02", "year1-av", "GAP", "dated 0001-01-01");
        s.expect("AV-02", "huge-date", "NOT_ASSESSED", "probe defender-status");
    }

    // ---- missing data ----

    /**
     * apt only knows the updates in its local package index. A capture with "Listing..." and no
     * {@code index-refreshed:} line means neither apt's success stamp nor its lists folder exists (the lists were
     * wiped, as container images do, or never fetched), so "nothing pending" says nothing about the updates the
     * Debian archive has. PATCH-01 itself treats an index older than the limit as a gap because "newer security
     * updates cannot be seen"; an index of unknown age is the same risk, unmeasured. So it is NOT_ASSESSED, not the
     * PASS "package index last refreshed at an unknown time" it used to be.
     */
    @Test
    void anAptListWithoutAnIndexRefreshTimeIsNotAssessedBecauseAnEmptyListProvesNothing(@TempDir Path dir) {
        Scan s = new Estate(dir).healthy()
                .debian("no-stamp", Map.of("apt-upgradable", "Listing...\n"))
                .debian("no-stamp-pending", Map.of("apt-upgradable",
                        "Listing...\ntzdata/bookworm-updates 2024b-0+deb12u1 all [upgradable from: 2024a-0+deb12u1]\n"))
                .debian("stamp-ok", Map.of("apt-upgradable", "index-refreshed: " + YESTERDAY + " /x\nListing...\n"))
                .scan();
        s.completed();
        s.healthyNeighboursPass();
        s.expect("PATCH-01", "no-stamp", "NOT_ASSESSED", "probe apt-upgradable", "index-refreshed");
        s.expect("PATCH-01", "no-stamp-pending", "NOT_ASSESSED", "probe apt-upgradable", "index-refreshed");
        s.expect("PATCH-01", "stamp-ok", "PASS", "0 updates pending", "package index last refreshed 2026-11-19");
    }

    // ---- untrusted text ----

    /** Every way a string can drive a terminal: SGR colour, erase and cursor moves, OSC title, CR, BS, C1, bidi. */
    private static final String HOSTILE = "ev\u001b[31mil\u001b[0m\u001b[2J\u001b[H\u001b[5A\u001b]0;pwned\u0007"
            + "\u001b]8;;x.example\u001b\\link\u001b]8;;\u001b\\\u0008\u0008x\u009b31mc1\u009d2;t\u009c"
            + "\u0085\u007f\u202egnp.exe\u2066iso\u2069";
    /** What a reader should still see of it. */
    private static final List<String> VISIBLE = List.of("ev", "il", "link", "c1", "gnp.exe", "iso");

    @Test
    void deviceTextReachesTheConsoleWithoutControlSequencesAndTheJsonReportEscaped(@TempDir Path dir) throws Exception {
        String jsonHostile = JSON.writeValueAsString(HOSTILE + "\r\rcarriage"); // a JSON string literal, quotes included
        Scan s = new Estate(dir).healthy()
                // CR would end a getent or apt line, so it travels in the JSON outputs.
                .debian("ansi-deb", Map.of(
                        "admin-groups", "sudo:x:27:" + HOSTILE + "\nuid0:x:0:root\n",
                        "apt-upgradable", "index-refreshed: " + TWO_MONTHS_AGO + " /x\nListing...\n"
                                + HOSTILE.replace(" ", "") + "/bookworm-security 2.0 amd64 [upgradable from: 1.0]\n"))
                .windows("ansi-win", "workstation", Map.of(
                        "local-admins", "{\"Name\": " + jsonHostile + ", \"ObjectClass\": \"User\", \"PrincipalSource\": \"Local\"}",
                        "pending-updates", "{\"LastSearchSuccessDate\": \"\\/Date(" + YESTERDAY + "000)\\/\", "
                                + "\"Updates\": [{\"Title\": " + jsonHostile + ", \"KBArticleIDs\": [\"5046633\"], "
                                + "\"MsrcSeverity\": \"Critical\", \"Categories\": [\"Security Updates\"], "
                                + "\"LastDeploymentChangeTime\": \"\\/Date(" + TWO_MONTHS_AGO + "000)\\/\"}]}"))
                .scan();
        s.completed();
        s.healthyNeighboursPass();

        // The hostile text is evidence of gaps: the report must carry it, exactly as the device printed it.
        assertTrue(s.expect("ADM-01", "ansi-deb", "GAP").contains(HOSTILE), "JSON keeps the member name");
        String patch = s.expect("PATCH-01", "ansi-deb", "GAP");
        assertTrue(patch.contains(HOSTILE.replace(" ", "")), "and the package: " + patch);
        assertTrue(s.expect("ADM-01", "ansi-win", "GAP").contains(HOSTILE + "\r\rcarriage"), "and the Windows name");
        assertTrue(s.expect("PATCH-01", "ansi-win", "GAP").contains(HOSTILE + "\r\rcarriage"), "and the update title");

        // The console, colour on: our own SGR sequences only, nothing from the device.
        String console = s.run().out();
        String withoutOurColours = console.replaceAll("\u001b\\[[0-9;]*m", "");
        assertNoControls("console", withoutOurColours);
        assertFalse(console.contains("pwned"), "the OSC title string is dropped, not printed");
        assertFalse(console.contains("x.example"), "the OSC 8 hyperlink target is dropped");
        for (String v : VISIBLE) assertTrue(withoutOurColours.contains(v), "'" + v + "' still readable\n" + console);
        assertTrue(withoutOurColours.contains("carriage"));
        // Our own colour codes are whole and well-formed: the device could not smuggle one in.
        assertFalse(console.contains("\u001b[31mil"), "device SGR removed\n" + console);
        assertNoControls("progress", s.run().err());

        // report.json: the text is JSON-escaped, so the raw file holds no control characters or bidi overrides,
        // and a consumer that parses it gets the exact text back (asserted above).
        assertNoControls("report.json", s.rawJson().replace("\n", ""));
        assertTrue(s.rawJson().contains("\\u001B[31m") || s.rawJson().contains("\\u001b[31m"), "ESC escaped");
        assertTrue(s.rawJson().contains("\\r\\rcarriage"), "CR escaped");
    }

    private static void assertNoControls(String where, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = (c < 0x20 && c != '\n') || (c >= 0x7F && c <= 0x9F)
                    || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F;
            if (control) {
                int from = Math.max(0, i - 40);
                throw new AssertionError(where + " holds U+" + String.format("%04X", (int) c) + " at " + i + ": …"
                        + text.substring(from, Math.min(text.length(), i + 40)).replaceAll("\\p{Cntrl}", "?") + "…");
            }
        }
    }

    // ---- floods within the cap: fast and bounded ----

    @Test
    void floodsAreBoundedAndFast(@TempDir Path dir) {
        // 100k restic snapshots as restic prints them is far over the cap: cut, reported, never parsed.
        StringBuilder huge = new StringBuilder("[");
        for (int i = 0; i < 100_000; i++) {
            if (i > 0) huge.append(',');
            huge.append("{\"time\":\"2026-11-19T23:00:09.412765093Z\",\"tree\":\"5f1c0d7a3b9e4c21a8d6e0f7\","
                    + "\"paths\":[\"/srv\"],\"hostname\":\"h\",\"username\":\"root\",\"id\":\"")
                    .append(String.format("%064x", i)).append("\",\"short_id\":\"").append(String.format("%08x", i))
                    .append("\"}");
        }
        huge.append(']');
        // As many snapshots as fit under the cap, the newest last; the rule engine must stay quick with them.
        List<String> many = new ArrayList<>();
        long t = java.time.Instant.parse("2016-01-01T00:00:00Z").getEpochSecond();
        for (int i = 0; i < 80_000; i++) {
            many.add("{\"time\":\"" + java.time.Instant.ofEpochSecond(t + i * 3600L) + "\",\"paths\":[\"/srv\"]}");
        }
        many.add("{\"time\":\"2026-11-19T23:00:09Z\",\"paths\":[\"/srv\"]}");
        String manyJson = "[" + String.join(",", many) + "]";
        assertTrue(manyJson.length() < CAP, "under the cap: " + manyJson.length());
        // One sudo group with as many members as fit under the cap.
        StringBuilder members = new StringBuilder("sudo:x:27:");
        for (int i = 0; members.length() < CAP - 100_000; i++) members.append(i == 0 ? "" : ",").append("u").append(i);
        members.append("\nuid0:x:0:root\n");

        Estate e = new Estate(dir).healthy()
                .debian("restic-100k", Map.of("restic-snapshots", huge.toString()))
                .debian("restic-80k", Map.of("restic-snapshots", manyJson))
                .debian("sudo-flood", Map.of("admin-groups", members.toString()));
        Scan s = assertTimeoutPreemptively(Duration.ofSeconds(60), e::scan, "the scan must stay fast");
        s.completed();
        s.healthyNeighboursPass();
        assertTrue(huge.length() > CAP);
        s.expect("BAK-01", "restic-100k", "NOT_ASSESSED", "probe restic-snapshots", "exceeded the cap");
        s.expect("BAK-01", "restic-80k", "PASS", "2026-11-19T23:00:09Z");
        s.expect("ADM-01", "sudo-flood", "GAP", "u1 (user, local) is not on admins.approved");
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) n += p.length;
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
