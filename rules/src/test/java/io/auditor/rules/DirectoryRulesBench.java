package io.auditor.rules;

import io.auditor.model.Device;
import io.auditor.model.DeviceOutcome;
import io.auditor.model.Role;
import io.auditor.model.Status;
import io.auditor.model.facts.AdminGroup;
import io.auditor.model.facts.DirectoryAccount;
import io.auditor.model.facts.Fact;
import io.auditor.model.facts.GroupMember;
import io.auditor.model.facts.PasswordPolicy;
import io.auditor.model.facts.RosterEntry;
import io.auditor.model.facts.RosterExport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How long the directory controls (ADM-03..06, PWD-01) take on a large secondary school's directory: not a test
 * of speed (nothing is asserted about time), run by hand and written to docs/BENCHMARKS.md:
 * {@code mvn -pl rules test -Dtest=DirectoryRulesBench -Dauditor.bench=true}.
 */
@EnabledIfSystemProperty(named = "auditor.bench", matches = "true")
class DirectoryRulesBench {
    static final Instant SCAN = Instant.parse("2026-11-20T02:00:00Z");

    @Test
    void largeSchool() throws Exception {
        RulePack pack = RulePack.load(List.of());
        for (int[] size : new int[][]{{2_000, 300}, {5_000, 1_000}}) {
            int accounts = size[0], workstations = size[1];
            List<Device> devices = new ArrayList<>();
            List<Fact> facts = new ArrayList<>();
            Device dc = new Device("dc-01", Set.of(Role.DOMAIN_CONTROLLER), "windows", null, null, null, false);
            devices.add(dc);
            facts.add(new AdminGroup("dc-01", "ad-privileged-groups", "SCHOOL\\Domain Admins", 5));
            facts.add(new PasswordPolicy("dc-01", "ad-password-policy", "domain", 12, 10, true));
            facts.add(new RosterExport("dc-01", "roster.csv", accounts));
            for (int i = 0; i < accounts; i++) {
                boolean student = i % 10 != 0;
                String name = (student ? "pupil" : "staff") + i;
                facts.add(new DirectoryAccount("dc-01", "ad-accounts", SCAN, "SCHOOL\\" + name, true,
                        SCAN.minusSeconds(86_400L * (i % 200)), SCAN.minusSeconds(86_400L * 400),
                        "CN=" + name + ",OU=" + (student ? "Year 9,OU=Students" : "Staff") + ",DC=school,DC=local",
                        List.of(student ? "Students" : "Staff")));
                if (i % 50 != 1) facts.add(new RosterEntry("dc-01", "roster.csv:" + (i + 2), name)); // a few leavers
                if (i < 5) facts.add(new GroupMember("dc-01", "ad-privileged-groups", "SCHOOL\\Domain Admins",
                        "SCHOOL\\" + name, "user", "domain"));
            }
            for (int w = 0; w < workstations; w++) {
                String id = "ws-" + w;
                devices.add(new Device(id, Set.of(Role.WORKSTATION), "windows", null, null, null, false));
                facts.add(new AdminGroup(id, "local-admins", "Administrators", 3));
                facts.add(new GroupMember(id, "local-admins", "Administrators", id.toUpperCase() + "\\Administrator", "user", "local"));
                facts.add(new GroupMember(id, "local-admins", "Administrators", "SCHOOL\\Domain Admins", "group", "domain"));
                facts.add(new GroupMember(id, "local-admins", "Administrators", "SCHOOL\\staff" + (w * 10 % accounts), "user", "domain"));
                facts.add(new PasswordPolicy(id, "net-accounts", "local", 12, 10, null));
            }
            Evaluation in = new Evaluation(devices, facts, Map.<String, DeviceOutcome>of(), ProfileLoader.defaults(),
                    List.of(), LocalDate.of(2026, 11, 20));
            RuleEngine engine = new RuleEngine(pack);
            engine.evaluate(in); // warm up
            long best = Long.MAX_VALUE;
            EvaluationResult r = null;
            for (int run = 0; run < 3; run++) {
                long t0 = System.nanoTime();
                r = engine.evaluate(in);
                best = Math.min(best, System.nanoTime() - t0);
            }
            long gaps = r.results().stream().filter(x -> x.status() == Status.GAP).count();
            System.out.printf("BENCH %d accounts, %d roster entries, %d workstations, %d facts: evaluation %.2f s"
                    + " (best of 3), %d results, %d gaps%n", accounts, accounts - accounts / 50, workstations,
                    facts.size(), best / 1e9, r.results().size(), gaps);
            assertTrue(r.results().size() > workstations);
        }
    }
}
