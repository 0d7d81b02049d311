package io.auditor.inventory;

import io.auditor.model.Credential;
import io.auditor.model.Device;
import io.auditor.model.InputProblem;
import io.auditor.model.InvalidInputException;
import io.auditor.model.Role;
import io.auditor.rules.yaml.Spelling;
import io.auditor.rules.yaml.YamlNode;
import io.auditor.rules.yaml.YamlReader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads and validates an inventory (ARCHITECTURE.md, "Inventory"). Every problem in the file is collected,
 * each with {@code file:line:column}, what is wrong and what to write instead, so the user fixes them all
 * in one go; nothing is returned unless the whole file is valid.
 */
public final class InventoryLoader {
    static final List<String> TOP_KEYS = List.of("school", "profile", "waivers", "knownHosts", "credentials",
            "sites", "devices", "roster");
    static final List<String> DEVICE_KEYS = List.of("id", "roles", "platform", "address", "port", "credentials",
            "backup", "description", "site", "via", "backupTargets");
    static final List<String> SITE_KEYS = List.of("via", "description");
    /** {@code via: direct}: contact the device directly even when its site has a jump host. */
    static final String VIA_DIRECT = "direct";
    static final List<String> SSH_KEYS = List.of("type", "username", "privateKey", "passwordEnv", "passwordFile",
            "passphraseEnv", "passphraseFile");
    static final List<String> SNMP_KEYS = List.of("type", "username", "version", "communityEnv", "communityFile",
            "authProtocol", "authPasswordEnv", "authPasswordFile", "privProtocol", "privPasswordEnv",
            "privPasswordFile");
    /** Keys that would hold a secret inline, each with the keys to use instead. */
    static final Map<String, String> INLINE_SECRETS = Map.of(
            "password", "password", "passphrase", "passphrase", "community", "community",
            "authpassword", "authPassword", "privpassword", "privPassword", "secret", "password",
            "token", "password");
    /** Accepted when a credential's type is missing or unknown: that is the one problem, not every key too. */
    static final List<String> ANY_CREDENTIAL_KEYS = union(SSH_KEYS, SNMP_KEYS);
    static final List<String> SNMP_VERSIONS = List.of("1", "2c", "3");
    static final List<String> ROLE_NAMES = Arrays.stream(Role.values()).map(Role::yamlName).toList();

    /** Ids become folder and file names (captures, history), so no path separators or leading dots. */
    static final Pattern DEVICE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final Set<String> platforms;

    /** @param knownPlatforms the platforms the collectors understand ({@code PlatformCatalog.names()}) */
    public InventoryLoader(Collection<String> knownPlatforms) {
        this.platforms = new TreeSet<>(knownPlatforms);
    }

    /** Loads for a live scan: every referenced file must exist. */
    public Inventory load(Path file) throws InvalidInputException {
        return load(file, true);
    }

    /**
     * @param checkLoginFiles whether {@code knownHosts}, {@code privateKey} and {@code *File} secrets must
     *                        exist; an offline audit from captures logs in nowhere, so it does not need them
     */
    public Inventory load(Path file, boolean checkLoginFiles) throws InvalidInputException {
        YamlNode root = YamlReader.read(file);
        return new Reading(file, checkLoginFiles).read(root);
    }

    /** One pass over one file, collecting problems. */
    private final class Reading {
        private final Path file;
        private final Path dir;
        private final boolean checkLoginFiles;
        private final List<InputProblem> problems = new ArrayList<>();

        Reading(Path file, boolean checkLoginFiles) {
            this.file = file.toAbsolutePath().normalize();
            Path parent = this.file.getParent();
            this.dir = parent == null ? Path.of("").toAbsolutePath() : parent;
            this.checkLoginFiles = checkLoginFiles;
        }

        Inventory read(YamlNode root) throws InvalidInputException {
            if (!(root instanceof YamlNode.Mapping top)) {
                problem(root, "an inventory is a set of keys, but this file holds " + root.kind(),
                        "start with 'school: Your School' and a 'devices:' list; see the README's example");
                throw new InvalidInputException(problems);
            }
            checkKeys(top, TOP_KEYS, "at the top of the inventory");
            String school = required(top, "school", "add 'school: Your School Name'");
            Path profile = optionalFile(top, "profile", true);
            Path waivers = optionalFile(top, "waivers", true);
            optionalFile(top, "roster", true); // read with the profile's column mapping by InventoryFacts
            Path knownHosts = optionalFile(top, "knownHosts", checkLoginFiles);

            Map<String, Credential> credentials = new LinkedHashMap<>();
            Set<String> credentialNames = new LinkedHashSet<>();
            YamlNode credNode = top.get("credentials");
            if (credNode instanceof YamlNode.Mapping creds) {
                for (Map.Entry<YamlNode.Scalar, YamlNode> e : creds.entries().entrySet()) {
                    credentialNames.add(e.getKey().text());
                    Credential c = credential(e.getKey(), e.getValue());
                    if (c != null) credentials.put(c.name(), c);
                }
            } else if (credNode != null && !isNull(credNode)) {
                problem(credNode, "'credentials' must be a set of named credentials, found " + credNode.kind(),
                        "write 'credentials:' then one line per name, e.g. '  linux-audit: { type: ssh, "
                                + "username: auditor, privateKey: keys/auditor_ed25519 }'");
            }

            List<Device> devices = new ArrayList<>();
            Map<String, String> descriptions = new LinkedHashMap<>();
            Map<String, String> sites = new LinkedHashMap<>();
            YamlNode devNode = top.get("devices");
            if (devNode == null) {
                problem(top, "missing key 'devices'",
                        "add a 'devices:' list, e.g. '  - { id: ws-101, roles: [workstation], platform: windows }'");
            } else if (devNode instanceof YamlNode.Sequence list) {
                if (list.items().isEmpty()) {
                    problem(list, "'devices' is empty", "list at least one device to audit");
                }
                Map<String, YamlNode> seenIds = new LinkedHashMap<>();
                for (YamlNode item : list.items()) {
                    Device d = device(item, credentialNames, seenIds, descriptions, sites);
                    if (d != null) devices.add(d);
                }
            } else {
                problem(devNode, "'devices' must be a list, found " + devNode.kind(),
                        "write each device on its own line starting with '- ', "
                                + "e.g. '  - { id: ws-101, roles: [workstation], platform: windows }'");
            }
            Map<String, String> via = devNode instanceof YamlNode.Sequence list
                    ? jumpHosts(top, list, devices, credentials, sites) : Map.of();
            if (!problems.isEmpty()) throw new InvalidInputException(problems);
            return new Inventory(file, school, profile, waivers, knownHosts,
                    credentials, devices, descriptions, sites, via);
        }

        /**
         * Which jump host each device is reached through: its own {@code via: <device-id>}, else its site's
         * ({@code sites: { NAME: { via: <device-id> } }}); {@code via: direct} opts a device out of its site's.
         * A jump host must be an SSH device of this inventory with an address, reached directly (one hop only).
         */
        private Map<String, String> jumpHosts(YamlNode.Mapping top, YamlNode.Sequence list, List<Device> devices,
                                              Map<String, Credential> credentials, Map<String, String> sites) {
            Map<String, String> siteVia = new LinkedHashMap<>();
            Map<String, YamlNode> siteViaNodes = new LinkedHashMap<>();
            YamlNode sitesNode = top.get("sites");
            if (sitesNode instanceof YamlNode.Mapping siteMap) {
                for (Map.Entry<YamlNode.Scalar, YamlNode> e : siteMap.entries().entrySet()) {
                    String name = e.getKey().text();
                    if (!(e.getValue() instanceof YamlNode.Mapping site)) {
                        if (!isEmpty(e.getValue())) {
                            problem(e.getValue(), "site '" + name + "' must be a set of keys, found "
                                    + e.getValue().kind(), "write e.g. '" + name + ": { via: jump-01 }'");
                        }
                        siteVia.put(name, null);
                        continue;
                    }
                    checkKeys(site, SITE_KEYS, "in site '" + name + "'");
                    String v = scalar(site, "via");
                    siteVia.put(name, v);
                    if (v != null) siteViaNodes.put(name, site.get("via"));
                }
            } else if (sitesNode != null && !isNull(sitesNode)) {
                problem(sitesNode, "'sites' must be a set of named sites, found " + sitesNode.kind(),
                        "write 'sites:' then one line per site, e.g. '  north-campus: { via: jump-north }'");
            }

            Map<String, Device> byId = new LinkedHashMap<>();
            for (Device d : devices) byId.put(d.id(), d);
            Map<String, String> via = new LinkedHashMap<>();
            Map<String, YamlNode> viaNodes = new LinkedHashMap<>();
            for (YamlNode item : list.items()) {
                if (!(item instanceof YamlNode.Mapping m) || !(m.get("id") instanceof YamlNode.Scalar idNode)) continue;
                String id = idNode.text();
                if (!byId.containsKey(id)) continue;
                String site = sites.get(id);
                if (site != null && sitesNode instanceof YamlNode.Mapping && !siteVia.containsKey(site)) {
                    problem(m.get("site"), "site '" + site + "' is not listed under 'sites:'",
                            suggestion(site, siteVia.keySet()) + "add it there, or use one of: "
                                    + String.join(", ", siteVia.keySet()));
                }
                String own = m.get("via") == null ? null : scalar(m, "via");
                if (own != null) {
                    if (!own.equals(VIA_DIRECT)) {
                        via.put(id, own);
                        viaNodes.put(id, m.get("via"));
                    }
                } else if (m.get("via") == null && site != null && siteVia.get(site) != null
                        && !siteVia.get(site).equals(id) && !siteVia.get(site).equals(VIA_DIRECT)) {
                    via.put(id, siteVia.get(site));
                    viaNodes.put(id, siteViaNodes.get(site));
                }
            }
            for (Map.Entry<String, String> e : new ArrayList<>(via.entrySet())) {
                String id = e.getKey();
                String jumpId = e.getValue();
                YamlNode at = viaNodes.get(id);
                Device jump = byId.get(jumpId);
                Device device = byId.get(id);
                if (jumpId.equals(id)) {
                    problem(at, "device '" + id + "' cannot be reached through itself",
                            "remove 'via', or name another device");
                } else if (jump == null) {
                    problem(at, "jump host '" + jumpId + "' (for device '" + id + "') is not a device of this inventory",
                            suggestion(jumpId, byId.keySet()) + "list the jump host under 'devices:' with its address "
                                    + "and ssh credentials, then name its id here");
                } else if (via.containsKey(jumpId)) {
                    problem(at, "jump host '" + jumpId + "' is itself reached via '" + via.get(jumpId)
                                    + "'; chains of jump hosts are not supported",
                            "reach '" + jumpId + "' directly (give it 'via: direct'), or name the first jump host here");
                } else if (jump.address() == null) {
                    problem(at, "jump host '" + jumpId + "' has no address", "add 'address: HOST-OR-IP' to device '"
                            + jumpId + "'");
                } else if (!isSsh(jump, credentials)) {
                    problem(at, "jump host '" + jumpId + "' has no ssh credentials",
                            "give device '" + jumpId + "' 'credentials:' naming a credential with 'type: ssh'");
                } else if (device.credentials() != null && credentials.containsKey(device.credentials())
                        && !isSsh(device, credentials)) {
                    problem(at, "device '" + id + "' uses " + credentials.get(device.credentials()).type()
                                    + " credentials; only SSH devices can be reached through a jump host",
                            "write 'via: direct' for this device");
                }
            }
            return via;
        }

        private boolean isSsh(Device d, Map<String, Credential> credentials) {
            Credential c = d.credentials() == null ? null : credentials.get(d.credentials());
            return c != null && "ssh".equals(c.type());
        }

        private Credential credential(YamlNode.Scalar name, YamlNode node) {
            String where = "in credential '" + name.text() + "'";
            if (!(node instanceof YamlNode.Mapping m)) {
                problem(node, "credential '" + name.text() + "' must be a set of keys, found " + node.kind(),
                        "write e.g. '" + name.text() + ": { type: ssh, username: auditor, "
                                + "privateKey: keys/auditor_ed25519 }'");
                return null;
            }
            int before = problems.size();
            String type = required(m, "type", "add 'type: ssh' or 'type: snmp'");
            List<String> allowed;
            if (type == null) {
                allowed = ANY_CREDENTIAL_KEYS;
            } else if (type.equals("ssh")) {
                allowed = SSH_KEYS;
            } else if (type.equals("snmp")) {
                allowed = SNMP_KEYS;
            } else {
                problem(m.get("type"), "unknown credential type '" + type + "'", "write 'type: ssh' or 'type: snmp'");
                allowed = ANY_CREDENTIAL_KEYS;
            }
            for (Map.Entry<YamlNode.Scalar, YamlNode> e : m.entries().entrySet()) {
                String key = e.getKey().text();
                if (inlineSecret(e.getKey())) continue;
                if (allowed.contains(key)) continue;
                String other = SSH_KEYS.contains(key) ? "ssh" : SNMP_KEYS.contains(key) ? "snmp" : null;
                if (other != null) {
                    problem(e.getKey(), "key '" + key + "' belongs to " + other + " credentials, not " + type,
                            "remove it, or set 'type: " + other + "'");
                } else {
                    unknownKey(e.getKey(), allowed, where);
                }
            }
            String username = scalar(m, "username");
            Map<String, String> settings = new LinkedHashMap<>();
            for (Map.Entry<YamlNode.Scalar, YamlNode> e : m.entries().entrySet()) {
                String key = e.getKey().text();
                if (key.equals("type") || key.equals("username") || !allowed.contains(key)) continue;
                String value = scalar(m, key);
                if (value == null) continue;
                if (key.endsWith("Env")) {
                    // Never echo the value: a secret pasted here by mistake must not end up in a log.
                    if (!ENV_NAME.matcher(value).matches()) {
                        problem(e.getValue(), "'" + key + "' must name an environment variable (value not shown)",
                                "write the variable's name, e.g. '" + key + ": AUDITOR_PASSWORD', and put the "
                                        + "secret in that variable");
                    }
                    settings.put(key, value);
                } else if (key.endsWith("File") || key.equals("privateKey")) {
                    Path p = resolve(e.getValue(), value, checkLoginFiles);
                    if (p != null) settings.put(key, p.toString());
                } else {
                    settings.put(key, value);
                }
            }
            if ("ssh".equals(type)) {
                if (username == null && m.get("username") == null) {
                    problem(m, "ssh credential '" + name.text() + "' has no 'username'", "add 'username: auditor'");
                }
                if (m.get("privateKey") == null && m.get("passwordEnv") == null && m.get("passwordFile") == null) {
                    problem(m, "ssh credential '" + name.text() + "' has no way to log in",
                            "add 'privateKey: path', 'passwordEnv: VAR' or 'passwordFile: path'");
                }
            } else if ("snmp".equals(type)) {
                String version = settings.get("version"); // read (and any problem reported) in the loop above
                if (m.get("version") == null) {
                    problem(m, "snmp credential '" + name.text() + "' has no 'version'",
                            "add 'version: 3' (preferred) or 'version: 2c'");
                } else if (version != null && !SNMP_VERSIONS.contains(version)) {
                    problem(m.get("version"), "unknown SNMP version '" + version + "'",
                            "write 'version: 3', 'version: 2c' or 'version: 1'");
                }
                if ("3".equals(version) && m.get("username") == null) {
                    problem(m, "SNMP v3 credential '" + name.text() + "' has no 'username'",
                            "add the v3 user name, e.g. 'username: audit'");
                }
                if (("1".equals(version) || "2c".equals(version)) && m.get("communityEnv") == null
                        && m.get("communityFile") == null) {
                    problem(m, "SNMP v" + version + " credential '" + name.text() + "' has no community",
                            "add 'communityEnv: VAR' or 'communityFile: path'");
                }
                // A misspelt protocol would otherwise only show at scan time, as every device NOT_ASSESSED.
                snmpProtocol(m, settings, "authProtocol", io.auditor.collect.snmp.SnmpSettings.AUTH,
                        "SHA-256 (or SHA, SHA-224, SHA-384, SHA-512; MD5 only for old kit)");
                snmpProtocol(m, settings, "privProtocol", io.auditor.collect.snmp.SnmpSettings.PRIV,
                        "AES-256 (or AES, AES-192; DES only for old kit)");
                if ("3".equals(version) && m.get("privProtocol") != null && m.get("authProtocol") == null
                        && m.get("authPasswordEnv") == null && m.get("authPasswordFile") == null) {
                    problem(m, "SNMPv3 credential '" + name.text() + "' has privacy without authentication",
                            "add 'authProtocol: SHA-256' and 'authPasswordEnv: VAR' (SNMPv3 has no privacy "
                                    + "without authentication)");
                }
            }
            if (problems.size() != before) return null;
            return new Credential(name.text(), type, username, settings);
        }

        private void snmpProtocol(YamlNode.Mapping m, Map<String, String> settings, String key,
                                  Map<String, String> known, String example) {
            String value = settings.get(key);
            if (value != null && !known.containsKey(value.toLowerCase(Locale.ROOT))) {
                problem(m.get(key), "unknown SNMPv3 " + key + " '" + value + "'", "write " + example);
            }
        }

        private Device device(YamlNode node, Set<String> credentialNames, Map<String, YamlNode> seenIds,
                              Map<String, String> descriptions, Map<String, String> sites) {
            if (!(node instanceof YamlNode.Mapping m)) {
                problem(node, "a device must be a set of keys, found " + node.kind(),
                        "write e.g. '- { id: ws-101, roles: [workstation], platform: windows }'");
                return null;
            }
            int before = problems.size();
            String id = required(m, "id", "add 'id: NAME' (letters, digits, '.', '_' or '-')");
            String where = id == null ? "in this device" : "in device '" + id + "'";
            checkKeys(m, DEVICE_KEYS, where);
            if (id != null) {
                if (!DEVICE_ID.matcher(id).matches()) {
                    problem(m.get("id"), "device id '" + id + "' is not allowed",
                            "use letters, digits, '.', '_' and '-', starting with a letter or digit, e.g. 'ws-101'");
                } else if (seenIds.containsKey(id)) {
                    problem(m.get("id"), "device id '" + id + "' is used twice (first at line "
                            + seenIds.get(id).line() + ")", "give each device its own id");
                } else {
                    seenIds.put(id, m.get("id"));
                }
            }

            Set<Role> roles = roles(m);
            String platform = required(m, "platform", "add 'platform: NAME', one of " + String.join(", ", platforms));
            if (platform != null && !platforms.contains(platform)) {
                problem(m.get("platform"), "unknown platform '" + platform + "'",
                        suggestion(platform, platforms) + "known platforms: " + String.join(", ", platforms));
            }
            String address = scalar(m, "address");
            Integer port = null;
            String portText = scalar(m, "port");
            if (portText != null) {
                try {
                    port = Integer.valueOf(portText);
                } catch (NumberFormatException e) {
                    port = -1;
                }
                if (port < 1 || port > 65535) {
                    problem(m.get("port"), "port '" + portText + "' is not a port number",
                            "write a number from 1 to 65535, e.g. 'port: 22', or leave it out for the default");
                }
            }
            String credential = scalar(m, "credentials");
            if (credential != null && !credentialNames.contains(credential)) {
                problem(m.get("credentials"), "credential '" + credential + "' is not defined",
                        credentialNames.isEmpty()
                                ? "define it under the top-level 'credentials:' key"
                                : suggestion(credential, credentialNames) + "defined credentials: "
                                        + String.join(", ", credentialNames));
            }
            boolean backupRequired = false;
            String backup = scalar(m, "backup");
            if (backup != null) {
                switch (backup) {
                    case "required" -> backupRequired = true;
                    case "none" -> backupRequired = false;
                    default -> problem(m.get("backup"), "unknown backup setting '" + backup + "'",
                            "write 'backup: required' (the device holds data that must be backed up) "
                                    + "or 'backup: none'");
                }
            }
            String description = scalar(m, "description");
            String site = scalar(m, "site");
            if (problems.size() != before || id == null || platform == null) return null;
            if (description != null) descriptions.put(id, description);
            if (site != null) sites.put(id, site);
            return new Device(id, roles, platform, address, port, credential, backupRequired);
        }

        private Set<Role> roles(YamlNode.Mapping m) {
            YamlNode node = m.get("roles");
            String known = String.join(", ", ROLE_NAMES);
            if (node == null) {
                problem(m, "missing key 'roles'", "add e.g. 'roles: [workstation]'; roles: " + known);
                return Set.of();
            }
            if (!(node instanceof YamlNode.Sequence list)) {
                String hint = node instanceof YamlNode.Scalar s && !s.isNull()
                        ? "write 'roles: [" + s.text() + "]'" : "write e.g. 'roles: [workstation]'";
                problem(node, "'roles' must be a list, found " + node.kind(), hint);
                return Set.of();
            }
            if (list.items().isEmpty()) {
                problem(list, "'roles' is empty", "give the device at least one role: " + known);
            }
            Set<Role> roles = new LinkedHashSet<>();
            for (YamlNode item : list.items()) {
                if (!(item instanceof YamlNode.Scalar s) || s.isNull()) {
                    problem(item, "a role must be a single word, found " + item.kind(), "known roles: " + known);
                    continue;
                }
                Role.fromYamlName(s.text()).ifPresentOrElse(roles::add, () -> problem(s,
                        "unknown role '" + s.text() + "'", suggestion(s.text(), ROLE_NAMES) + "known roles: " + known));
            }
            return roles;
        }

        private void checkKeys(YamlNode.Mapping m, List<String> allowed, String where) {
            for (Map.Entry<YamlNode.Scalar, YamlNode> e : m.entries().entrySet()) {
                YamlNode.Scalar key = e.getKey();
                if (inlineSecret(key)) continue;
                if (allowed.contains(key.text())) continue;
                if (key.text().contains(" ") && isEmpty(e.getValue())) {
                    // In '{ description: a, b }' the comma ends the value and 'b' becomes a key.
                    problem(key, "'" + key.text() + "' is read as a key " + where + ", because a comma inside "
                            + "{ … } starts a new key", "put the value before it in quotes, e.g. "
                            + "description: 'first part, second part'");
                    continue;
                }
                unknownKey(key, allowed, where);
            }
        }

        private void unknownKey(YamlNode.Scalar key, List<String> allowed, String where) {
            problem(key, "unknown key '" + key.text() + "' " + where,
                    Spelling.nearest(key.text(), allowed).map(k -> "did you mean '" + k + "'?")
                            .orElse("known keys: " + String.join(", ", allowed)));
        }

        /** Reports a secret-looking key without ever showing its value. */
        private boolean inlineSecret(YamlNode.Scalar key) {
            String base = INLINE_SECRETS.get(key.text().toLowerCase(Locale.ROOT));
            if (base == null) return false;
            problem(key, "'" + key.text() + "' would hold a secret inline (value not shown)",
                    "never write secrets in the inventory; use " + base + "Env: VAR or " + base + "File: path");
            return true;
        }

        /** A required single value; null (with a problem recorded) when missing or not a value. */
        private String required(YamlNode.Mapping m, String key, String hint) {
            if (m.get(key) == null) {
                problem(m, "missing key '" + key + "'", hint);
                return null;
            }
            return scalar(m, key);
        }

        /** An optional single value; null when absent, or (with a problem) when empty or not a value. */
        private String scalar(YamlNode.Mapping m, String key) {
            YamlNode node = m.get(key);
            if (node == null) return null;
            if (node instanceof YamlNode.Scalar s) {
                if (s.isNull() || s.text().isBlank()) {
                    problem(m.keyNode(key), "'" + key + "' has no value", "write a value after '" + key + ":'");
                    return null;
                }
                return s.text().strip();
            }
            problem(node, "'" + key + "' must be a single value, found " + node.kind(),
                    "write '" + key + ": VALUE' on one line");
            return null;
        }

        private Path optionalFile(YamlNode.Mapping m, String key, boolean mustExist) {
            String text = scalar(m, key);
            return text == null ? null : resolve(m.get(key), text, mustExist);
        }

        private Path resolve(YamlNode at, String text, boolean mustExist) {
            Path p;
            try {
                p = dir.resolve(text).normalize();
            } catch (java.nio.file.InvalidPathException e) {
                problem(at, "'" + text + "' is not a valid path", "write a path relative to " + dir);
                return null;
            }
            if (mustExist && !Files.exists(p)) {
                problem(at, "file not found: " + p, "paths are relative to the inventory's folder (" + dir
                        + "); fix the path or create the file");
            }
            return p;
        }

        private void problem(YamlNode at, String message, String hint) {
            problems.add(at.problem(message, hint));
        }
    }

    private static String suggestion(String word, Collection<String> candidates) {
        return Spelling.nearest(word, candidates).map(s -> "did you mean '" + s + "'? ").orElse("");
    }

    /** No value at all; YAML gives a key with nothing after it as null or as an empty plain text. */
    private static boolean isEmpty(YamlNode n) {
        return n instanceof YamlNode.Scalar s && (s.isNull() || s.text() == null || s.text().isEmpty());
    }

    private static boolean isNull(YamlNode n) {
        return n instanceof YamlNode.Scalar s && s.isNull();
    }

    private static List<String> union(List<String> a, List<String> b) {
        Set<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }
}
