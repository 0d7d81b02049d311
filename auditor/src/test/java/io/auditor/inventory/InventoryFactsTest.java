package io.auditor.inventory;

import io.auditor.collect.PlatformCatalog;
import io.auditor.model.InputProblem;
import io.auditor.model.InvalidInputException;
import io.auditor.model.facts.BackupTarget;
import io.auditor.model.facts.Fact;
import io.auditor.model.facts.RosterEntry;
import io.auditor.model.facts.RosterExport;
import io.auditor.rules.ProfileLoader;
import io.auditor.scan.AuditInputs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The roster export and backup targets the inventory states, and their validation (exit 2 before any device). */
class InventoryFactsTest {
    @TempDir
    Path dir;

    static final String DEVICES = """
            devices:
              - { id: dc-01, roles: [domain-controller], platform: windows }
              - { id: dc-02, roles: [domain-controller], platform: windows }
              - id: bak-01
                roles: [backup-server]
                platform: debian
                backupTargets:
                  - { name: cloud, location: off-site, tool: restic, dataSet: /srv/* }
                  - { name: nas, location: on-site, tool: restic }
            """;

    private Path inventory(String top, String profile) throws Exception {
        Files.writeString(dir.resolve("inventory.yaml"), "school: Test\n" + top + DEVICES);
        if (profile != null) Files.writeString(dir.resolve("profile.yaml"), profile);
        return dir.resolve("inventory.yaml");
    }

    private List<Fact> read(Path inventory) throws Exception {
        Inventory inv = new InventoryLoader(PlatformCatalog.builtIn().names()).load(inventory, false);
        return InventoryFacts.read(inv, ProfileLoader.defaults());
    }

    private static <T> List<T> only(List<Fact> facts, Class<T> type) {
        return facts.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Test
    void rosterIsAttachedToEveryDomainControllerWithNamesNormalised() throws Exception {
        // An Excel export: byte-order mark, CRLF, quoted fields with commas, DOMAIN\name and name@domain spellings.
        Files.write(dir.resolve("roster.csv"), ("\uFEFFUsername,Name,Year\r\n"
                + "ALee,\"Lee, Anna\",\r\n"
                + "RIVERSIDE\\jsmith,John Smith,\r\n"
                + "17khan@riverside.sch.uk,Sam Khan,10\r\n"
                + ",Nursery child without an account,N\r\n").getBytes(StandardCharsets.UTF_8));
        List<Fact> facts = read(inventory("roster: roster.csv\n", null));
        List<RosterExport> exports = only(facts, RosterExport.class);
        assertEquals(2, exports.size());
        assertEquals(3, exports.get(0).entries());
        assertEquals(List.of("alee", "jsmith", "17khan"), only(facts, RosterEntry.class).stream()
                .filter(e -> e.deviceId().equals("dc-01")).map(RosterEntry::account).toList());
    }

    @Test
    void backupTargetsBecomeFactsWithWhereTheyWereWritten() throws Exception {
        List<BackupTarget> targets = only(read(inventory("", null)), BackupTarget.class);
        assertEquals(2, targets.size());
        BackupTarget cloud = targets.get(0);
        assertEquals(new BackupTarget("bak-01", cloud.source(), "cloud", "off-site", "restic", "/srv/*"), cloud);
        assertTrue(cloud.source().endsWith("inventory.yaml:9"), cloud.source());
        assertTrue(cloud.isOffsiteOrOffline());
        assertEquals("*", targets.get(1).dataSet(), "no dataSet means every data set");
        assertTrue(!targets.get(1).isOffsiteOrOffline());
    }

    @Test
    void missingRosterFileIsReportedAtTheInventoryLine() throws Exception {
        Path inv = inventory("roster: exports/roster.csv\n", null);
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> new InventoryLoader(PlatformCatalog.builtIn().names()).load(inv, false));
        InputProblem p = e.problems().get(0);
        assertEquals(2, p.line(), p.format());
        assertTrue(p.format().contains("file not found") && p.format().contains("roster.csv"), p.format());
    }

    @Test
    void missingColumnNamesTheHeaderLineTheColumnsAndTheProfileKey() throws Exception {
        Files.writeString(dir.resolve("roster.csv"), "Login,Forename\njsmith,John\n");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> read(inventory("roster: roster.csv\n", null)));
        String msg = e.problems().get(0).format();
        assertTrue(msg.matches(".*roster\\.csv:1: the roster has no column 'Username'; its columns are Login, Forename"
                + " — .*roster\\.accountColumn.*"), msg);
    }

    @Test
    void theProfileNamesTheAccountColumn() throws Exception {
        Files.writeString(dir.resolve("roster.csv"), "Login,Forename\njsmith,John\n");
        Path inv = inventory("profile: profile.yaml\nroster: roster.csv\n", "roster: { accountColumn: login }\n");
        AuditInputs in = AuditInputs.load(inv, List.of(), PlatformCatalog.builtIn(), false, List.of());
        assertEquals(List.of("jsmith", "jsmith"), only(in.inventoryFacts(), RosterEntry.class).stream()
                .map(RosterEntry::account).toList());
    }

    @Test
    void shortRowsAreNamedByLine() throws Exception {
        Files.writeString(dir.resolve("roster.csv"), "Forename,Username\nJohn,jsmith\nAnna\n");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> read(inventory("roster: roster.csv\n", null)));
        String msg = e.problems().get(0).format();
        assertTrue(msg.contains("roster.csv:3: this line has 1 columns; the account column 'Username' is column 2"), msg);
    }

    @Test
    void emptyAndNonUtf8RostersAreRefused() throws Exception {
        Files.writeString(dir.resolve("roster.csv"), "");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> read(inventory("roster: roster.csv\n", null)));
        assertTrue(e.problems().get(0).format().contains("roster file is empty"), e.problems().toString());
        Files.write(dir.resolve("roster.csv"), new byte[]{'U', 's', 'e', 'r', 'n', 'a', 'm', 'e', '\n', (byte) 0xE9, 'a', '\n'});
        e = assertThrows(InvalidInputException.class, () -> read(dir.resolve("inventory.yaml")));
        assertTrue(e.problems().get(0).format().contains("not UTF-8"), e.problems().toString());
    }

    @Test
    void badBackupTargetsAreAllReported() throws Exception {
        Files.writeString(dir.resolve("inventory.yaml"), """
                school: Test
                devices:
                  - id: bak-01
                    roles: [backup-server]
                    platform: debian
                    backupTargets:
                      - { name: cloud, location: offsite, tool: restic }
                      - { name: cloud, location: offline, tol: restic }
                  - id: srv-01
                    roles: [server]
                    platform: debian
                    backupTargets: [ { name: usb, location: offline, tool: restic } ]
                """);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> read(dir.resolve("inventory.yaml")));
        String all = String.join("\n", e.problems().stream().map(InputProblem::format).toList());
        assertTrue(all.contains("inventory.yaml:7:34: unknown location 'offsite' — write off-site"), all);
        assertTrue(all.contains(":8:43: unknown key 'tol' in a backup target — did you mean 'tool'?"), all);
        assertTrue(all.contains(":8:9: backup target has no 'tool'"), all);
        assertTrue(all.contains(":8:17: backup target 'cloud' is named twice on bak-01"), all);
        assertTrue(all.contains(":12:20: backupTargets is read only for backup servers, and device 'srv-01' has no role backup-server"), all);
    }

    @Test
    void aRosterWithoutADomainControllerIsAMistake() throws Exception {
        Files.writeString(dir.resolve("roster.csv"), "Username\njsmith\n");
        Files.writeString(dir.resolve("inventory.yaml"), """
                school: Test
                roster: roster.csv
                devices:
                  - { id: srv-01, roles: [server], platform: debian }
                """);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> read(dir.resolve("inventory.yaml")));
        assertTrue(e.problems().get(0).format().contains(":2:9: a roster is given but no device has the role "
                + "domain-controller"), e.problems().toString());
    }
}
