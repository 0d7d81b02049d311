package io.auditor.inventory;

import io.auditor.model.Credential;
import io.auditor.model.Device;
import io.auditor.model.InputProblem;
import io.auditor.model.InvalidInputException;
import io.auditor.model.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InventoryLoaderTest {
    private static final Set<String> PLATFORMS = Set.of("debian", "windows", "pfsense", "snmp-generic",
            "cisco-roomos");

    /** Line numbers below refer to this text; tests change one line at a time. */
    private static final String VALID = """
            school: Example Academy
            profile: profile.yaml
            waivers: waivers.yaml
            knownHosts: known_hosts
            credentials:
              linux-audit: { type: ssh, username: auditor, privateKey: keys/auditor_ed25519 }
              win-audit:   { type: ssh, username: 'EXAMPLE\\svc-audit', passwordEnv: AUDITOR_WIN_PASSWORD }
              snmp-ro:     { type: snmp, version: 3, username: audit, authProtocol: SHA, authPasswordEnv: SNMP_AUTH,
                             privProtocol: AES, privPasswordEnv: SNMP_PRIV }
            devices:
              - { id: fw-01,  roles: [firewall, webfilter], platform: pfsense, address: 10.0.0.1, credentials: linux-audit }
              - { id: srv-01, roles: [server], platform: debian, address: 10.0.1.10, port: 22, credentials: linux-audit, backup: required }
              - { id: sw-core, roles: [switch], platform: snmp-generic, address: 10.0.0.2, credentials: snmp-ro }
              - id: ws-101
                roles: [workstation]
                platform: windows
                credentials: win-audit
                description: staff room PC
                site: main
            """;

    @TempDir
    Path dir;

    @BeforeEach
    void referencedFiles() throws IOException {
        Files.writeString(dir.resolve("profile.yaml"), "name: test\n");
        Files.writeString(dir.resolve("waivers.yaml"), "waivers: []\n");
        Files.writeString(dir.resolve("known_hosts"), "");
        Files.createDirectories(dir.resolve("keys"));
        Files.writeString(dir.resolve("keys/auditor_ed25519"), "not a real key");
    }

    private Path write(String text) throws IOException {
        Path file = dir.resolve("inventory.yaml");
        Files.writeString(file, text);
        return file;
    }

    private Inventory load(String text) throws Exception {
        return new InventoryLoader(PLATFORMS).load(write(text));
    }

    private List<InputProblem> problems(String text) throws IOException {
        Path file = write(text);
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> new InventoryLoader(PLATFORMS).load(file));
        return e.problems();
    }

    /** 1-based column where {@code token} starts on 1-based {@code line} of {@code text}. */
    private static int col(String text, int line, String token) {
        String l = text.split("\n", -1)[line - 1];
        int i = l.indexOf(token);
        assertTrue(i >= 0, "'" + token + "' not on line " + line + ": " + l);
        return i + 1;
    }

    /** The only problem, at the start of {@code token} on {@code line}. */
    private InputProblem only(String text, int line, String token, String inMessage, String inHint)
            throws IOException {
        return only(text, line, col(text, line, token), inMessage, inHint);
    }

    /** The only problem, checked for position and that message and hint say what they must. */
    private InputProblem only(String text, int line, int column, String inMessage, String inHint) throws IOException {
        List<InputProblem> ps = problems(text);
        assertEquals(1, ps.size(), () -> "expected one problem, got:\n" + format(ps));
        InputProblem p = ps.get(0);
        assertAt(p, line, column, inMessage, inHint);
        return p;
    }

    private static void assertAt(InputProblem p, int line, int column, String inMessage, String inHint) {
        String f = p.format();
        assertEquals(line, p.line(), f);
        assertEquals(column, p.column(), f);
        assertTrue(p.message().contains(inMessage), f);
        assertTrue(p.hint().contains(inHint), f);
        assertTrue(p.file().endsWith("inventory.yaml"), f);
        assertTrue(f.contains("inventory.yaml:" + line + ":" + column + ": "), f);
    }

    private static String format(List<InputProblem> ps) {
        return String.join("\n", ps.stream().map(InputProblem::format).toList());
    }

    private static String replace(String from, String to) {
        assertTrue(VALID.contains(from), from);
        return VALID.replace(from, to);
    }

    @Test
    void aValidInventoryGivesDevicesAndCredentialsWithPathsResolvedAgainstItsFolder() throws Exception {
        Inventory inv = load(VALID);
        assertEquals("Example Academy", inv.school());
        assertEquals(dir.resolve("profile.yaml").toAbsolutePath(), inv.profile());
        assertEquals(dir.resolve("waivers.yaml").toAbsolutePath(), inv.waivers());
        assertEquals(dir.resolve("known_hosts").toAbsolutePath(), inv.knownHosts());
        assertEquals(List.of("fw-01", "srv-01", "sw-core", "ws-101"), List.copyOf(inv.deviceIds()));

        Device fw = inv.devices().get(0);
        assertEquals(Set.of(Role.FIREWALL, Role.WEBFILTER), fw.roles());
        assertEquals("pfsense", fw.platform());
        assertEquals("10.0.0.1", fw.address());
        assertNull(fw.port());
        assertEquals("linux-audit", fw.credentials());
        assertFalse(fw.backupRequired());
        Device srv = inv.devices().get(1);
        assertEquals(22, srv.port());
        assertTrue(srv.backupRequired());
        assertEquals("staff room PC", inv.descriptions().get("ws-101"));
        assertEquals("main", inv.sites().get("ws-101"));

        Credential linux = inv.credentials().get("linux-audit");
        assertEquals("ssh", linux.type());
        assertEquals("auditor", linux.username());
        assertEquals(dir.resolve("keys/auditor_ed25519").toAbsolutePath().toString(), linux.settings().get("privateKey"));
        assertEquals("EXAMPLE\\svc-audit", inv.credentials().get("win-audit").username());
        Credential snmp = inv.credentials().get("snmp-ro");
        assertEquals(Map.of("version", "3", "authProtocol", "SHA", "authPasswordEnv", "SNMP_AUTH",
                "privProtocol", "AES", "privPasswordEnv", "SNMP_PRIV"), snmp.settings());
    }

    @Test
    void unknownTopLevelKeySuggestsTheNearest() throws Exception {
        only(replace("profile: profile.yaml", "profiel: profile.yaml"), 2, 1,
                "unknown key 'profiel' at the top of the inventory", "did you mean 'profile'?");
    }

    @Test
    void unknownDeviceKeyListsKnownKeysWhenNothingIsClose() throws Exception {
        only(replace("    site: main", "    colour: blue"), 19, 5,
                "unknown key 'colour' in device 'ws-101'", "known keys: id, roles, platform");
    }

    @Test
    void unquotedCommaInAFlowMappingExplainsTheStrayKey() throws Exception {
        String text = replace("{ id: sw-core, roles: [switch],", "{ id: sw-core, description: core, rack 2, roles: [switch],");
        only(text, 13, "rack 2", "'rack 2' is read as a key in device 'sw-core', because a comma inside { … } starts",
                "put the value before it in quotes");
    }

    @Test
    void misspeltRequiredKeyIsReportedAsUnknownAndAsMissing() throws Exception {
        List<InputProblem> ps = problems(replace("    platform: windows", "    platfrom: windows"));
        assertEquals(2, ps.size(), format(ps));
        assertAt(ps.get(0), 16, 5, "unknown key 'platfrom'", "did you mean 'platform'?");
        assertAt(ps.get(1), 14, 5, "missing key 'platform'", "platform: NAME");
    }

    @Test
    void unknownCredentialKey() throws Exception {
        only(replace("{ type: ssh, username: auditor,", "{ type: ssh, usrname: auditor, username: a,"), 6, "usrname",
                "unknown key 'usrname' in credential 'linux-audit'", "did you mean 'username'?");
    }

    @Test
    void credentialKeyOfTheOtherType() throws Exception {
        only(replace("passwordEnv: AUDITOR_WIN_PASSWORD }", "passwordEnv: AUDITOR_WIN_PASSWORD, communityEnv: C }"),
                7, "communityEnv", "key 'communityEnv' belongs to snmp credentials, not ssh", "set 'type: snmp'");
    }

    @Test
    void missingSchool() throws Exception {
        only(replace("school: Example Academy\n", ""), 1, 1, "missing key 'school'", "school: Your School Name");
    }

    @Test
    void missingDevices() throws Exception {
        only(VALID.substring(0, VALID.indexOf("devices:")), 1, 1, "missing key 'devices'", "devices:");
    }

    @Test
    void missingDeviceId() throws Exception {
        only(replace("{ id: sw-core, ", "{ "), 13, "{", "missing key 'id'", "id: NAME");
    }

    @Test
    void missingDeviceRoles() throws Exception {
        only(replace("roles: [switch], ", ""), 13, "{", "missing key 'roles'", "roles: [workstation]");
    }

    @Test
    void missingDevicePlatform() throws Exception {
        only(replace("platform: snmp-generic, ", ""), 13, "{", "missing key 'platform'",
                "cisco-roomos, debian, pfsense, snmp-generic, windows");
    }

    @Test
    void unknownRoleListsTheKnownRoles() throws Exception {
        only(replace("roles: [firewall, webfilter]", "roles: [firewall, webfiltr]"), 11, "webfiltr",
                "unknown role 'webfiltr'", "did you mean 'webfilter'? known roles: firewall, webfilter, server");
    }

    @Test
    void rolesMustBeAList() throws Exception {
        only(replace("roles: [switch]", "roles: switch"), 13, "switch", "'roles' must be a list", "roles: [switch]");
    }

    @Test
    void unknownPlatformListsTheCatalogue() throws Exception {
        only(replace("platform: debian", "platform: ubuntuu"), 12, "ubuntuu", "unknown platform 'ubuntuu'",
                "known platforms: cisco-roomos, debian, pfsense, snmp-generic, windows");
    }

    @Test
    void undefinedCredentialName() throws Exception {
        only(replace("credentials: snmp-ro }", "credentials: snmp-rw }"), 13, "snmp-rw",
                "credential 'snmp-rw' is not defined", "did you mean 'snmp-ro'? defined credentials: linux-audit, "
                        + "win-audit, snmp-ro");
    }

    @ParameterizedTest
    @ValueSource(strings = {"password", "passphrase", "community", "authPassword", "privPassword", "secret", "token",
            "Password"})
    void inlineSecretIsRefusedWithoutEchoingItsValue(String key) throws Exception {
        InputProblem p = only(replace("passwordEnv: AUDITOR_WIN_PASSWORD }",
                        "passwordEnv: AUDITOR_WIN_PASSWORD, " + key + ": Hunter2-sup3r }"), 7, key + ":",
                "'" + key + "' would hold a secret inline", "never write secrets in the inventory; use ");
        assertFalse(p.format().contains("Hunter2"), p.format());
    }

    @Test
    void inlinePasswordHintNamesTheEnvAndFileKeys() throws Exception {
        InputProblem p = only(replace("    site: main", "    password: Hunter2"), 19, 5, "secret inline",
                "never write secrets in the inventory; use passwordEnv: VAR or passwordFile: path");
        assertFalse(p.format().contains("Hunter2"));
        InputProblem c = only(replace("privPasswordEnv: SNMP_PRIV }", "privPasswordEnv: SNMP_PRIV, community: pub }"),
                9, "community:", "secret inline", "use communityEnv: VAR or communityFile: path");
        assertFalse(c.format().contains("pub "));
    }

    @Test
    void environmentVariableNameThatLooksLikeASecretIsNotEchoed() throws Exception {
        InputProblem p = only(replace("passwordEnv: AUDITOR_WIN_PASSWORD", "passwordEnv: 'Hunter2!x'"), 7, "'Hunter2",
                "'passwordEnv' must name an environment variable (value not shown)", "passwordEnv: AUDITOR_PASSWORD");
        assertFalse(p.format().contains("Hunter2"));
    }

    @Test
    void duplicateDeviceIdNamesTheFirstLine() throws Exception {
        only(replace("{ id: sw-core,", "{ id: srv-01,"), 13, "srv-01", "device id 'srv-01' is used twice (first at line 12)",
                "its own id");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../etc", ".hidden", "ws 101", "ws/101", "-ws"})
    void deviceIdMustBeAPlainName(String id) throws Exception {
        only(replace("{ id: sw-core,", "{ id: '" + id + "',"), 13, "'", "device id '" + id + "' is not allowed",
                "letters, digits, '.', '_' and '-'");
    }

    @Test
    void notYaml() throws Exception {
        // The parser reports where it gave up: the end of the unclosed flow mapping on line 2.
        only("school: Example\ndevices: [ { id: a\n", 2, 19, "not valid YAML", "check indentation");
    }

    @Test
    void duplicateYamlKey() throws Exception {
        only(replace("waivers: waivers.yaml\n", "waivers: waivers.yaml\nschool: Other\n"), 4, 1,
                "key 'school' is written twice (first at line 1)", "keep one of them");
    }

    @Test
    void emptyFile() throws Exception {
        only("", 1, 1, "the file is empty", "");
        only("# only a comment\n", 1, 1, "the file is empty", "");
    }

    @Test
    void aListInsteadOfAMapping() throws Exception {
        only("- school: x\n", 1, 1, "an inventory is a set of keys, but this file holds a list", "school:");
    }

    @Test
    void missingProfileFileIsNamedWithItsResolvedPath() throws Exception {
        Files.delete(dir.resolve("profile.yaml"));
        only(VALID, 2, "profile.yaml", "file not found: " + dir.resolve("profile.yaml").toAbsolutePath(),
                "relative to the inventory's folder");
    }

    @Test
    void missingWaiversFile() throws Exception {
        only(replace("waivers: waivers.yaml", "waivers: exceptions.yaml"), 3, "exceptions", "file not found", "");
    }

    @Test
    void missingPrivateKeyIsAnErrorForALiveScanOnly() throws Exception {
        Files.delete(dir.resolve("keys/auditor_ed25519"));
        Files.delete(dir.resolve("known_hosts"));
        List<InputProblem> ps = problems(VALID);
        assertEquals(2, ps.size(), format(ps));
        assertAt(ps.get(0), 4, col(VALID, 4, "known_hosts"), "file not found: " + dir.resolve("known_hosts").toAbsolutePath(), "");
        assertAt(ps.get(1), 6, col(VALID, 6, "keys/"), "file not found: " + dir.resolve("keys/auditor_ed25519").toAbsolutePath(), "");
        Inventory offline = new InventoryLoader(PLATFORMS).load(dir.resolve("inventory.yaml"), false);
        assertEquals(4, offline.devices().size());
    }

    @Test
    void backupIsRequiredOrNone() throws Exception {
        only(replace("backup: required", "backup: yes"), 12, "yes", "unknown backup setting 'yes'",
                "'backup: required'");
    }

    @Test
    void portMustBeANumberInRange() throws Exception {
        only(replace("port: 22,", "port: 70000,"), 12, "70000", "port '70000' is not a port number", "1 to 65535");
    }

    @Test
    void sshCredentialNeedsAWayToLogIn() throws Exception {
        only(replace(", passwordEnv: AUDITOR_WIN_PASSWORD }", " }"), 7, "{",
                "ssh credential 'win-audit' has no way to log in", "privateKey: path");
    }

    @Test
    void unknownSnmpVersion() throws Exception {
        only(replace("version: 3,", "version: 2,"), 8, "2,", "unknown SNMP version '2'", "version: 3");
    }

    @Test
    void emptySnmpVersionIsReportedOnce() throws Exception {
        only(replace("version: 3,", "version: '',"), 8, "version", "'version' has no value", "after 'version:'");
    }

    @Test
    void unknownCredentialType() throws Exception {
        only(replace("{ type: ssh, username: auditor,", "{ type: telnet, username: auditor,"), 6, "telnet",
                "unknown credential type 'telnet'", "type: ssh");
    }

    @Test
    void everyProblemIsReportedInOnePass() throws Exception {
        String text = replace("platform: debian", "platform: ubuntuu")
                .replace("roles: [switch]", "roles: [swich]")
                .replace("credentials: win-audit\n", "credentials: nobody\n")
                .replace("school: Example Academy\n", "");
        List<InputProblem> ps = problems(text);
        assertEquals(List.of("missing key 'school'", "unknown platform 'ubuntuu'", "unknown role 'swich'",
                "credential 'nobody' is not defined"), ps.stream().map(InputProblem::message).toList(), format(ps));
    }

    @Test
    void theBundledSampleInventoryIsValidForAnOfflineAudit() throws Exception {
        // Its keys/ and secrets/ are deliberately not shipped: an offline audit must not need them.
        Inventory inv = new InventoryLoader(Set.of("windows", "debian", "ubuntu", "cisco-roomos", "pfsense",
                "snmp-generic", "cisco-aireos"))
                .load(Path.of("../samples/estate/inventory.yaml"), false);
        assertEquals("Riverside Academy (sample)", inv.school());
        assertEquals(16, inv.devices().size());
        assertEquals("staff laptop, often off site", inv.descriptions().get("lt-201"));
    }
}
