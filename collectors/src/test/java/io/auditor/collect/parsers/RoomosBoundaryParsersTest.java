package io.auditor.collect.parsers;

import io.auditor.model.facts.ApplianceAccount;
import io.auditor.model.facts.Fact;
import io.auditor.model.facts.ManagementAccess;
import io.auditor.model.facts.ManagementService;
import io.auditor.model.facts.SoftwareRelease;
import io.auditor.model.facts.StandbySettings;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.auditor.collect.parsers.Samples.*;
import static org.junit.jupiter.api.Assertions.*;

class RoomosBoundaryParsersTest {
    private final RoomosStandbyParser standby = new RoomosStandbyParser();
    private final RoomosUsersParser users = new RoomosUsersParser();
    private final RoomosNetworkServicesParser services = new RoomosNetworkServicesParser();

    @Test
    void standby() throws Exception {
        assertEquals(new StandbySettings(DEVICE, "standby", "On", true, 10),
                one(parse(standby, "standby", "on-10-minutes.txt"), StandbySettings.class));
        assertEquals(new StandbySettings(DEVICE, "standby", "Off", false, 60),
                one(parse(standby, "standby", "off.txt"), StandbySettings.class));
    }

    @Test
    void standbyRejects() {
        for (String g : GARBAGE) rejects(standby, "standby", g);
        assertEquals(0, rejects(standby, "standby", "*c xConfiguration Standby Delay: 10\n** end\n").line(), "no Control");
        assertEquals(1, rejects(standby, "standby", "*c xConfiguration Standby Delay: soon\n*c xConfiguration Standby Control: On\n** end\n").line());
        assertEquals(0, rejects(standby, "standby", "*c xConfiguration Standby Control: On\n").line(), "no ** end");
        assertEquals(2, rejects(standby, "standby", "*c xConfiguration Standby Control: On\n*c xConfiguration Conference AutoAnswer Mode: On\n** end\n").line());
        assertTrue(rejects(standby, "standby", "*r Configuration (status=Error):\n*r Configuration Reason: \"No match on address expression.\"\n** end\n")
                .getMessage().endsWith("No match on address expression."));
    }

    @Test
    void users() throws Exception {
        List<ApplianceAccount> accounts = only(parse(users, "users", "admin-and-audit.txt"), ApplianceAccount.class);
        assertEquals(List.of(
                new ApplianceAccount(DEVICE, "users", "admin", true, true, true, true, "Admin, User, Audit"),
                new ApplianceAccount(DEVICE, "users", "audit", false, true, true, false, "Audit")), accounts);
        List<ApplianceAccount> initial = only(parse(users, "users", "initial-passphrase.txt"), ApplianceAccount.class);
        assertEquals(3, initial.size());
        assertEquals(Boolean.FALSE, initial.get(0).passphraseSet(), "PassphraseChangeRequired: True is no passphrase of its own");
        assertTrue(initial.get(1).admin());
        assertFalse(initial.get(1).vendorDefault());
    }

    @Test
    void usersRejectsCutListsAndErrors() {
        String cut = text("users", "admin-and-audit.txt").replace("TotalRows: 2", "TotalRows: 5");
        assertTrue(rejects(users, "users", cut).getMessage().contains("reports 5 users but the reply lists 2"));
        for (String g : GARBAGE) rejects(users, "users", g);
        assertTrue(rejects(users, "users", "*r UserListResult (status=Error):\n*r UserListResult Reason: \"Access denied\"\n** end\n")
                .getMessage().contains("Access denied"));
    }

    @Test
    void networkServices() throws Exception {
        List<Fact> facts = parse(services, "network-services", "https-only.txt");
        Map<String, ManagementAccess> m = only(facts, ManagementAccess.class).stream()
                .collect(Collectors.toMap(ManagementAccess::service, a -> a));
        assertTrue(m.get("https").enabled());
        assertFalse(m.get("http").enabled());
        assertTrue(m.get("ssh").enabled());
        assertFalse(m.get("telnet").enabled());
        assertNull(m.get("ssh").reachableFromWan(), "a VC unit does not know what the internet can reach");
        assertEquals(List.of("https", "ssh"), only(facts, ManagementService.class).stream().map(ManagementService::protocol).sorted().toList());

        Map<String, ManagementAccess> old = only(parse(services, "network-services", "ce9-http-and-telnet.txt"), ManagementAccess.class)
                .stream().collect(Collectors.toMap(ManagementAccess::service, a -> a));
        assertTrue(old.get("http").enabled());
        assertTrue(old.get("telnet").enabled());
        assertEquals("Telnet Mode: On", old.get("telnet").detail());
    }

    @Test
    void networkServicesRejects() {
        for (String g : GARBAGE) rejects(services, "network-services", g);
        assertEquals(1, rejects(services, "network-services", "*c xConfiguration NetworkServices HTTP Mode: Maybe\n** end\n").line());
        assertTrue(rejects(services, "network-services", "*c xConfiguration NetworkServices SSH Mode: On\n** end\n")
                .getMessage().contains("no xConfiguration NetworkServices HTTP Mode"));
    }

    @Test
    void software() throws Exception {
        RoomosSoftwareParser p = new RoomosSoftwareParser();
        assertEquals(new SoftwareRelease(DEVICE, "software", "RoomOS", "11.14.2.3"),
                one(parse(p, "software", "roomos-11.txt"), SoftwareRelease.class));
        assertEquals(new SoftwareRelease(DEVICE, "software", "Cisco CE", "9.15.3.17"),
                one(parse(p, "software", "ce-9.txt"), SoftwareRelease.class));
        assertEquals("7.3.21", one(parseText(p, "software",
                "*s SystemUnit Software Version: \"tc7.3.21.e3e4f5a\"\n** end\n"), SoftwareRelease.class).version(),
                "Version is read when DisplayName is missing");
        assertEquals(1, rejects(p, "software", "*s SystemUnit Software DisplayName: \"beta\"\n** end\n").line());
        for (String g : GARBAGE) rejects(p, "software", g);
    }
}
