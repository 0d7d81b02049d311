package io.auditor.scan;

import io.auditor.collect.PlatformCatalog;
import io.auditor.inventory.Inventory;
import io.auditor.inventory.InventoryFacts;
import io.auditor.inventory.InventoryLoader;
import io.auditor.model.facts.Fact;
import io.auditor.model.Control;
import io.auditor.model.InputProblem;
import io.auditor.model.InvalidInputException;
import io.auditor.model.PolicyProfile;
import io.auditor.model.Waiver;
import io.auditor.rules.ProfileLoader;
import io.auditor.rules.RulePack;
import io.auditor.rules.WaiverLoader;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything a run needs that the user wrote — inventory, profile, rule pack, waivers — loaded and validated
 * together, before any device is touched. Every problem in every file is reported at once.
 *
 * @param rulePackLoad how long compiling and validating the rule pack took (it dominates start-up)
 */
public record AuditInputs(Inventory inventory, PolicyProfile profile, RulePack rulePack, List<Waiver> waivers,
                          Duration rulePackLoad, List<Fact> inventoryFacts) {
    public AuditInputs {
        waivers = List.copyOf(waivers);
        inventoryFacts = List.copyOf(inventoryFacts);
    }

    /**
     * @param checkLoginFiles require key, password and known_hosts files to exist (live scans); offline audits
     *                        from captures need no credentials
     * @param extraProblems   problems already found (for example in the command's arguments), reported with
     *                        the files' own
     */
    public static AuditInputs load(Path inventoryFile, List<Path> ruleDirs, PlatformCatalog catalog,
                                   boolean checkLoginFiles, List<InputProblem> extraProblems)
            throws InvalidInputException {
        List<InputProblem> problems = new ArrayList<>(extraProblems);
        Inventory inv = null;
        PolicyProfile profile = null;
        RulePack pack = null;
        List<Waiver> waivers = List.of();
        try {
            inv = new InventoryLoader(catalog.names()).load(inventoryFile, checkLoginFiles);
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
        }
        if (inv != null) {
            try {
                profile = inv.profile() == null ? ProfileLoader.defaults() : ProfileLoader.load(Inventory.shown(inv.profile()));
            } catch (InvalidInputException e) {
                problems.addAll(e.problems());
            }
        }
        long rulesStart = System.nanoTime();
        try {
            pack = RulePack.load(ruleDirs);
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
        }
        Duration rulePackLoad = Duration.ofNanos(System.nanoTime() - rulesStart);
        if (inv != null && pack != null && inv.waivers() != null) {
            try {
                waivers = WaiverLoader.load(Inventory.shown(inv.waivers()), pack.controlIds(), inv.deviceIds());
                problems.addAll(outOfScope(waivers, pack, inv));
            } catch (InvalidInputException e) {
                problems.addAll(e.problems());
            }
        }
        // The roster and backup targets: stated by the inventory, read with the profile's column mapping.
        List<Fact> inventoryFacts = List.of();
        if (inv != null && profile != null) {
            try {
                inventoryFacts = InventoryFacts.read(inv, profile);
            } catch (InvalidInputException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty() || inv == null || profile == null || pack == null) {
            throw new InvalidInputException(problems);
        }
        return new AuditInputs(inv, profile, pack, waivers, rulePackLoad, inventoryFacts);
    }

    /**
     * A waiver whose devices are all outside its control's scope can never apply - almost always a wrong control
     * id or device pattern - so it is refused like an unknown one.
     */
    static List<InputProblem> outOfScope(List<Waiver> waivers, RulePack pack, Inventory inv) {
        List<InputProblem> problems = new ArrayList<>();
        for (Waiver w : waivers) {
            Control c = pack.control(w.control()).orElse(null);
            if (c == null) continue;
            boolean applies = inv.devices().stream()
                    .anyMatch(d -> Waiver.globMatches(w.devicePattern(), d.id()) && c.appliesTo(d));
            if (applies) continue;
            int colon = w.source().lastIndexOf(':');
            String file = colon > 0 ? w.source().substring(0, colon) : w.source();
            int line = 0;
            try {
                line = colon > 0 ? Integer.parseInt(w.source().substring(colon + 1)) : 0;
            } catch (NumberFormatException e) {
                file = w.source();
            }
            problems.add(new InputProblem(file, line, 0, "waiver for " + w.control() + " on '" + w.devicePattern()
                    + "' can never apply: " + w.control() + " checks only devices with the roles "
                    + c.scope().stream().map(io.auditor.model.Role::yamlName).sorted().toList(),
                    "check the control id and the devices pattern"));
        }
        return problems;
    }

}
