package io.auditor.inventory;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.auditor.model.Device;
import io.auditor.model.InputProblem;
import io.auditor.model.InvalidInputException;
import io.auditor.model.PolicyProfile;
import io.auditor.model.Role;
import io.auditor.model.facts.BackupTarget;
import io.auditor.model.facts.Fact;
import io.auditor.model.facts.RosterEntry;
import io.auditor.model.facts.RosterExport;
import io.auditor.rules.Accounts;
import io.auditor.rules.yaml.Spelling;
import io.auditor.rules.yaml.YamlNode;
import io.auditor.rules.yaml.YamlReader;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Facts the inventory itself states rather than a device: the staff and student roster exported from the MIS
 * (top-level {@code roster:}, compared with each domain controller's accounts by ADM-05) and each backup server's
 * targets with their location (device key {@code backupTargets:}, read by BAK-02). Both are validated like every
 * other input, {@code file:line:column} and what to write instead, before any device is contacted.
 */
public final class InventoryFacts {
    static final List<String> TARGET_KEYS = List.of("name", "location", "tool", "dataSet");
    static final List<String> LOCATIONS = List.of("off-site", "offline", "on-site");
    /** A roster bigger than this is not a school's; refusing it keeps memory bounded whatever file is named. */
    static final long MAX_ROSTER_BYTES = 64L * 1024 * 1024;

    private InventoryFacts() {}

    /**
     * Reads the roster and backup targets of a loaded inventory.
     *
     * @param profile for the roster's account column ({@code roster.accountColumn})
     */
    public static List<Fact> read(Inventory inventory, PolicyProfile profile) throws InvalidInputException {
        List<InputProblem> problems = new ArrayList<>();
        List<Fact> facts = new ArrayList<>();
        YamlNode root = YamlReader.read(inventory.file());
        if (!(root instanceof YamlNode.Mapping top)) return List.of(); // the loader has already refused it
        String shownInventory = Inventory.shown(inventory.file()).toString();

        YamlNode rosterNode = top.get("roster");
        if (rosterNode instanceof YamlNode.Scalar s && s.hasText()) {
            Path file = inventory.file().getParent().resolve(s.text().strip()).normalize();
            List<String> dcs = inventory.devices().stream().filter(d -> d.hasRole(Role.DOMAIN_CONTROLLER))
                    .map(Device::id).toList();
            if (dcs.isEmpty()) {
                problems.add(s.problem("a roster is given but no device has the role domain-controller",
                        "ADM-05 compares the roster with a domain controller's accounts: add the domain controller "
                                + "to devices with roles: [domain-controller], or remove roster:"));
            }
            List<String> accounts = roster(file, profile.value("roster.accountColumn").toString(), problems);
            String source = Inventory.shown(file).toString();
            for (String dc : dcs) {
                facts.add(new RosterExport(dc, source, accounts.size()));
                for (String account : accounts) facts.add(new RosterEntry(dc, source, account));
            }
        }

        if (top.get("devices") instanceof YamlNode.Sequence devices) {
            for (YamlNode item : devices.items()) {
                if (!(item instanceof YamlNode.Mapping d) || d.get("backupTargets") == null) continue;
                String id = d.get("id") instanceof YamlNode.Scalar s ? s.text() : null;
                Device device = inventory.devices().stream().filter(x -> x.id().equals(id)).findFirst().orElse(null);
                if (device == null) continue;
                facts.addAll(targets(device, d.get("backupTargets"), shownInventory, problems));
            }
        }
        if (!problems.isEmpty()) throw new InvalidInputException(problems);
        return List.copyOf(facts);
    }

    private static List<Fact> targets(Device device, YamlNode node, String inventoryFile, List<InputProblem> problems) {
        List<Fact> out = new ArrayList<>();
        if (!device.hasRole(Role.BACKUP_SERVER)) {
            problems.add(node.problem("backupTargets is read only for backup servers, and device '" + device.id()
                    + "' has no role backup-server", "add backup-server to its roles, or move backupTargets to the "
                    + "device that runs the backups"));
            return out;
        }
        if (!(node instanceof YamlNode.Sequence list) || list.items().isEmpty()) {
            problems.add(node.problem("backupTargets must be a list of targets, found " + node.kind(),
                    "write e.g. backupTargets: [ { name: cloud, location: off-site, tool: restic } ]"));
            return out;
        }
        Set<String> names = new LinkedHashSet<>();
        for (YamlNode item : list.items()) {
            if (!(item instanceof YamlNode.Mapping t)) {
                problems.add(item.problem("a backup target is a set of keys, found " + item.kind(),
                        "write { name: cloud, location: off-site, tool: restic, dataSet: '*' }"));
                continue;
            }
            int before = problems.size();
            for (YamlNode.Scalar key : t.entries().keySet()) {
                if (!TARGET_KEYS.contains(key.text())) {
                    problems.add(key.problem("unknown key '" + key.text() + "' in a backup target",
                            Spelling.nearest(key.text(), TARGET_KEYS).map(k -> "did you mean '" + k + "'? ").orElse("")
                                    + "keys: " + String.join(", ", TARGET_KEYS)));
                }
            }
            String name = text(t, "name", "name the target, e.g. name: cloud-b2", problems);
            String location = text(t, "location", "write location: off-site, offline or on-site", problems);
            String tool = text(t, "tool", "name the backup tool writing to it as the auditor reports it: restic "
                    + "or windows-server-backup", problems);
            String dataSet = t.get("dataSet") == null ? "*" : text(t, "dataSet", "a glob on the data set, e.g. '/srv/*'", problems);
            if (location != null && !LOCATIONS.contains(location)) {
                problems.add(t.get("location").problem("unknown location '" + location + "'",
                        "write off-site (another building or the cloud), offline (disconnected, e.g. a rotated disk) "
                                + "or on-site"));
            }
            if (name != null && !names.add(name)) {
                problems.add(t.get("name").problem("backup target '" + name + "' is named twice on " + device.id(),
                        "give each target its own name"));
            }
            if (problems.size() == before) {
                out.add(new BackupTarget(device.id(), inventoryFile + ":" + t.line(), name, location, tool, dataSet));
            }
        }
        return out;
    }

    private static String text(YamlNode.Mapping m, String key, String hint, List<InputProblem> problems) {
        YamlNode n = m.get(key);
        if (n instanceof YamlNode.Scalar s && s.hasText()) return s.text().strip();
        problems.add(n == null ? m.problem("backup target has no '" + key + "'", hint)
                : n.problem("'" + key + "' must be a text, found " + n.kind(), hint));
        return null;
    }

    /**
     * The account names of the roster CSV (first line the column headings), normalised as {@link Accounts#localPart};
     * a blank cell (someone without an account) is skipped.
     */
    static List<String> roster(Path file, String column, List<InputProblem> problems) {
        String shown = Inventory.shown(file).toString();
        String text;
        try {
            if (!Files.isRegularFile(file)) {
                problems.add(new InputProblem(shown, 0, 0, Files.isDirectory(file) ? "the roster is a folder, not a file"
                        : "roster file not found",
                        "export the current staff and students from the MIS as CSV to this path, or fix roster: "
                                + "in the inventory (paths are relative to the inventory's folder)"));
                return List.of();
            }
            if (Files.size(file) > MAX_ROSTER_BYTES) {
                problems.add(new InputProblem(shown, 0, 0, "roster file is larger than "
                        + MAX_ROSTER_BYTES / (1024 * 1024) + " MB", "export only the account column and names"));
                return List.of();
            }
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            problems.add(new InputProblem(shown, 0, 0, "roster file is not UTF-8 text",
                    "save the export as 'CSV UTF-8 (comma delimited)'"));
            return List.of();
        } catch (IOException e) {
            problems.add(new InputProblem(shown, 0, 0, "cannot read roster file (" + e.getMessage() + ")", ""));
            return List.of();
        }
        if (text.startsWith("\uFEFF")) text = text.substring(1); // Excel writes a byte-order mark

        CsvMapper csv = new CsvMapper();
        csv.enable(CsvParser.Feature.WRAP_AS_ARRAY);
        List<String> out = new ArrayList<>();
        try (Reader reader = new StringReader(text);
             MappingIterator<List<String>> rows = csv.readerForListOf(String.class).readValues(reader)) {
            if (!rows.hasNextValue()) {
                problems.add(new InputProblem(shown, 1, 0, "roster file is empty",
                        "the first line holds the column headings, e.g. Username,Forename,Surname"));
                return List.of();
            }
            List<String> header = rows.nextValue().stream().map(h -> h == null ? "" : h.strip()).toList();
            int index = -1;
            for (int i = 0; i < header.size(); i++) if (header.get(i).equalsIgnoreCase(column)) index = i;
            if (index < 0) {
                problems.add(new InputProblem(shown, 1, 0, "the roster has no column '" + column + "'; its columns are "
                        + String.join(", ", header), Spelling.nearest(column, header)
                        .map(h -> "did you mean '" + h + "'? ").orElse("") + "set roster.accountColumn in the policy "
                        + "profile to the heading of the column holding account names"));
                return List.of();
            }
            while (rows.hasNextValue()) {
                int line = rows.getCurrentLocation().getLineNr();
                List<String> row = rows.nextValue();
                if (row.size() == 1 && (row.get(0) == null || row.get(0).isBlank())) continue; // blank line
                if (row.size() <= index) {
                    problems.add(new InputProblem(shown, line, 0, "this line has " + row.size() + " columns; the "
                            + "account column '" + column + "' is column " + (index + 1),
                            "check the export: each line needs as many comma-separated values as the heading line"));
                    if (problems.size() > 20) return List.of();
                    continue;
                }
                String account = row.get(index);
                if (account != null && !account.isBlank()) out.add(Accounts.localPart(account));
            }
        } catch (IOException | RuntimeException e) {
            String msg = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
            problems.add(new InputProblem(shown, 0, 0, "roster is not readable CSV: " + msg,
                    "save the export as 'CSV UTF-8 (comma delimited)'"));
            return List.of();
        }
        return out;
    }

    /** For tests: the roster's accounts, or the problems. */
    static List<String> rosterAccounts(Path file, String column) throws InvalidInputException {
        List<InputProblem> problems = new ArrayList<>();
        List<String> accounts = roster(file, column, problems);
        if (!problems.isEmpty()) throw new InvalidInputException(problems);
        return accounts;
    }
}
