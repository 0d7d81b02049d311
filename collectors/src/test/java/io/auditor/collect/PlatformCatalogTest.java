package io.auditor.collect;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.junit.jupiter.api.Assertions.*;

class PlatformCatalogTest {
    private final PlatformCatalog catalog = PlatformCatalog.builtIn();

    @Test
    void namesAreSortedAndComplete() {
        assertEquals(List.of("cisco-aireos", "cisco-ios", "cisco-roomos", "debian", "opnsense", "pfsense", "rhel",
                "snmp-generic", "ubuntu", "windows"), List.copyOf(catalog.names()));
    }

    @Test
    void ubuntuHasDebiansProbes() {
        assertEquals(catalog.find("debian").orElseThrow().probes(), catalog.find("ubuntu").orElseThrow().probes());
        assertEquals("ssh", catalog.find("ubuntu").orElseThrow().transport());
    }

    @Test
    void unknownPlatformIsEmpty() {
        assertTrue(catalog.find("solaris").isEmpty());
        assertTrue(catalog.find(null).isEmpty());
    }

    @Test
    void declaredPlatformsWithoutProbes() {
        for (String name : List.of("cisco-ios")) {
            Platform p = catalog.find(name).orElseThrow();
            assertTrue(p.probes().isEmpty(), name);
            assertTrue(p.topics().isEmpty(), name);
        }
        assertEquals("snmp", catalog.find("snmp-generic").orElseThrow().transport());
    }

    @Test
    void topics() {
        assertEquals(Set.of("updates", "automatic-updates", "anti-malware", "admin-groups", "backups", "sshd-config",
                "backup-checks", "software-release", "screen-lock", "logon-banner", "host-firewall", "web-filter", "auto-logon",
                "disk-encryption"),
                catalog.find("debian").orElseThrow().topics());
        assertEquals(Set.of("updates", "anti-malware", "admin-groups", "backups", "local-accounts", "screen-lock",
                "logon-banner", "auto-logon", "autorun", "host-firewall", "disk-encryption", "services", "automatic-updates",
                "update-history", "software-release", "directory-accounts", "password-policy"),
                catalog.find("windows").orElseThrow().topics());
        assertEquals(catalog.find("debian").orElseThrow().topics(), catalog.find("rhel").orElseThrow().topics(),
                "dnf's probes supply the topics apt's do");
        assertEquals(Set.of("vc-settings", "vc-standby", "vc-admin", "management-access", "software-release"), catalog.find("cisco-roomos").orElseThrow().topics());
        assertEquals(Set.of("firewall-rules", "admin-groups", "web-filter", "software-release"),
                catalog.find("pfsense").orElseThrow().topics());
        assertEquals(catalog.find("pfsense").orElseThrow().topics(), catalog.find("opnsense").orElseThrow().topics());
    }

    /** The fact topics the rules know; a probe with another topic would feed no control. */
    static final Set<String> TOPICS = Set.of("updates", "automatic-updates", "anti-malware", "admin-groups", "backups",
            "vc-settings",
            // endpoint probes (debian, rhel, windows)
            "sshd-config", "local-accounts", "screen-lock", "logon-banner", "auto-logon", "host-firewall", "services",
            "disk-encryption", "autorun", "update-history", "software-release",
            // boundary probes (pfsense, opnsense, cisco-roomos)
            "firewall-rules", "web-filter", "vc-standby", "vc-admin",
            // directory, password and backup probes (domain controller, net accounts, restic check)
            "directory-accounts", "password-policy", "backup-checks",
            // SNMP probes (snmp-generic, cisco-aireos)
            "system-description", "default-credentials", "management-access", "interfaces", "neighbours",
            "installed-software", "processes", "wireless-settings");

    @Test
    void everyProbeNamesAnInstalledParserAndAKnownTopic() {
        Parsers parsers = Parsers.installed();
        Set<String> used = new TreeSet<>();
        for (Platform p : catalog.platforms()) {
            Set<String> ids = new HashSet<>();
            for (Probe probe : p.probes()) {
                assertTrue(ids.add(probe.id()), p.name() + ": probe id " + probe.id() + " is used twice");
                assertTrue(parsers.find(probe.parser()).isPresent(),
                        p.name() + "/" + probe.id() + " names parser " + probe.parser() + ", installed: " + parsers.ids());
                assertTrue(TOPICS.contains(probe.topic()), p.name() + "/" + probe.id() + ": topic " + probe.topic());
                used.add(probe.parser());
            }
        }
        assertEquals(parsers.ids(), used, "every installed parser is used by a probe");
    }

    @Test
    void probeIdsTopicsAndParsersAreTheContract() {
        Map<String, String> expected = Map.of(
                "debian", "apt-upgradable:updates:apt-upgradable unattended-upgrades:automatic-updates:apt-automatic "
                        + "clamav:anti-malware:clamav admin-groups:admin-groups:getent-group "
                        + "restic-snapshots:backups:restic-snapshots sshd-config:sshd-config:sshd-config "
                        + "restic-check:backup-checks:systemd-check-unit os-release:software-release:os-release "
                        + "screen-lock:screen-lock:gnome-screen-lock logon-banner:logon-banner:linux-logon-banner "
                        + "host-firewall:host-firewall:linux-firewall webfilter:web-filter:linux-webfilter "
                        + "filter-lists:web-filter:list-timestamps display-manager:auto-logon:display-manager-login "
                        + "disk-encryption:disk-encryption:lsblk-root",
                "windows", "defender-status:anti-malware:windows-defender local-admins:admin-groups:windows-local-admins "
                        + "pending-updates:updates:windows-pending-updates wsb-summary:backups:windows-server-backup "
                        + "local-accounts:local-accounts:windows-local-accounts idle-lock-policy:screen-lock:windows-screen-lock "
                        + "legal-notice:logon-banner:windows-legal-notice auto-logon:auto-logon:windows-auto-logon "
                        + "autorun:autorun:windows-autorun firewall-profiles:host-firewall:windows-firewall "
                        + "bitlocker:disk-encryption:windows-bitlocker services:services:windows-services "
                        + "update-policy:automatic-updates:windows-update-policy hotfixes:update-history:windows-hotfixes "
                        + "windows-release:software-release:windows-os-release "
                        + "ad-privileged-groups:admin-groups:ad-privileged-groups ad-accounts:directory-accounts:ad-accounts "
                        + "ad-password-policy:password-policy:ad-password-policy net-accounts:password-policy:net-accounts",
                "cisco-roomos", "autoanswer:vc-settings:roomos-autoanswer standby:vc-standby:roomos-standby "
                        + "users:vc-admin:roomos-users network-services:management-access:roomos-network-services "
                        + "software:software-release:roomos-software",
                "pfsense", "pf-firewall:firewall-rules:pfsense-firewall pf-admins:admin-groups:pfsense-admins "
                        + "pf-webfilter:web-filter:pfsense-webfilter pf-filter-lists:web-filter:list-timestamps "
                        + "pf-version:software-release:pfsense-version",
                "opnsense", "opn-firewall:firewall-rules:opnsense-firewall opn-admins:admin-groups:opnsense-admins "
                        + "opn-webfilter:web-filter:opnsense-webfilter opn-filter-lists:web-filter:list-timestamps "
                        + "opn-version:software-release:opnsense-version");
        expected.forEach((platform, probes) -> assertEquals(probes, String.join(" ",
                catalog.find(platform).orElseThrow().probes().stream()
                        .map(p -> p.id() + ":" + p.topic() + ":" + p.parser()).toList()), platform));
    }

    /** rhel runs Debian's probes except apt's, with dnf's in their place and its own ClamAV unit names. */
    @Test
    void rhelInheritsDebiansProbesWithDnfInsteadOfApt() {
        List<Probe> debian = catalog.find("debian").orElseThrow().probes();
        List<Probe> rhel = catalog.find("rhel").orElseThrow().probes();
        List<String> expected = new java.util.ArrayList<>();
        for (Probe p : debian) {
            if (!Set.of("apt-upgradable", "unattended-upgrades").contains(p.id())) expected.add(p.id());
        }
        expected.addAll(List.of("dnf-updates", "dnf-automatic"));
        assertEquals(expected, rhel.stream().map(Probe::id).toList());
        Probe clamav = rhel.stream().filter(p -> p.id().equals("clamav")).findFirst().orElseThrow();
        assertTrue(clamav.command().contains("clamd@scan.service"), "replaced in place: " + clamav.command());
        for (Probe p : rhel) {
            if (!Set.of("clamav", "dnf-updates", "dnf-automatic").contains(p.id())) {
                assertTrue(debian.contains(p), p.id() + " is Debian's own");
            }
        }
    }

    @Test
    void inheritedProbesCanBeLeftOutReplacedAndAdded() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("inherit").resolve("p"));
        Files.writeString(dir.resolve("good.yaml"), GOOD + "  - {id: p2, topic: backups, command: c2, parser: x, description: d}\n"
                + "  - {id: p3, topic: anti-malware, command: c3, parser: x, description: d}\n");
        Files.writeString(dir.resolve("child.yaml"), "name: child\ndescription: d\ntransport: ssh\nprobesFrom: good\n"
                + "exceptProbes: [p1]\nprobes:\n  - {id: p9, topic: updates, command: c9, parser: y, description: d}\n"
                + "  - {id: p3, topic: anti-malware, command: own, parser: x, description: d}\n");
        try (URLClassLoader loader = new URLClassLoader(new URL[]{dir.getParent().toUri().toURL()}, null)) {
            List<Probe> child = PlatformCatalog.load(loader, "p").find("child").orElseThrow().probes();
            assertEquals(List.of("p2:c2", "p3:own", "p9:c9"), child.stream().map(p -> p.id() + ":" + p.command()).toList());
        }
        assertTrue(loadError("good.yaml", GOOD + "exceptProbes: [p1]\n").contains("exceptProbes needs probesFrom"));
        Path bad = Files.createDirectories(tmp.resolve("inherit2").resolve("p"));
        Files.writeString(bad.resolve("good.yaml"), GOOD);
        Files.writeString(bad.resolve("child.yaml"), "name: child\ndescription: d\ntransport: ssh\nprobesFrom: good\n"
                + "exceptProbes: [p7]\n");
        try (URLClassLoader loader = new URLClassLoader(new URL[]{bad.getParent().toUri().toURL()}, null)) {
            String msg = assertThrows(IllegalStateException.class, () -> PlatformCatalog.load(loader, "p")).getMessage();
            assertTrue(msg.contains("exceptProbes names 'p7', which is not a probe of 'good'"), msg);
        }
    }

    @Test
    void commandsSurviveYamlQuoting() {
        Map<String, String> cmd = new java.util.HashMap<>();
        for (Probe p : catalog.find("debian").orElseThrow().probes()) cmd.put(p.id(), p.command());
        assertEquals("for f in /var/lib/apt/periodic/update-success-stamp /var/lib/apt/lists/partial; do [ -e \"$f\" ] "
                + "&& stat -c 'index-refreshed: %Y %n' \"$f\"; done; LC_ALL=C apt list --upgradable 2>/dev/null",
                cmd.get("apt-upgradable"));
        assertEquals("apt-config dump APT::Periodic; dpkg-query -W -f='unattended-upgrades ${db:Status-Abbrev} "
                + "${Version}\\n' unattended-upgrades 2>&1 || true", cmd.get("unattended-upgrades"));
        assertEquals("(command -v clamscan >/dev/null && clamscan --version) || echo 'clamscan: not installed'; "
                + "systemctl show --property=Id,LoadState,ActiveState,SubState clamav-daemon.service "
                + "clamav-freshclam.service clamav-clamonacc.service 2>/dev/null || true", cmd.get("clamav"));
        assertEquals("for g in sudo wheel admin; do getent group \"$g\"; done; awk -F: '$3 == 0 { print \"uid0:x:0:\" $1 }' "
                + "/etc/passwd", cmd.get("admin-groups"));
        assertEquals("restic snapshots --json --no-lock --latest 3", cmd.get("restic-snapshots"));
        Probe admins = catalog.find("windows").orElseThrow().probes().get(1);
        assertEquals("powershell -NoProfile -NonInteractive -Command \"Get-LocalGroupMember -SID S-1-5-32-544 | "
                + "Select-Object Name,ObjectClass,@{n='PrincipalSource';e={\\\"$($_.PrincipalSource)\\\"}} | ConvertTo-Json\"",
                admins.command());
        for (Probe p : catalog.find("windows").orElseThrow().probes()) {
            assertTrue(p.command().startsWith("powershell -NoProfile -NonInteractive -Command \""), p.id());
            assertFalse(p.command().contains("\n"), p.id());
        }
    }

    @TempDir Path tmp;

    private static final String GOOD = "name: good\ndescription: d\ntransport: ssh\nprobes:\n"
            + "  - {id: p1, topic: updates, command: c, parser: x, description: d}\n";

    @Test
    void loadsFromAJar() throws Exception {
        Path jar = tmp.resolve("platforms.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("p/"));
            out.putNextEntry(new JarEntry("p/good.yaml"));
            out.write(GOOD.getBytes());
            out.putNextEntry(new JarEntry("p/alias.yaml"));
            out.write("name: alias\ndescription: d\ntransport: ssh\nprobesFrom: good\n".getBytes());
            out.putNextEntry(new JarEntry("p/README.md"));
            out.write("not a platform".getBytes());
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[]{jar.toUri().toURL()}, null)) {
            PlatformCatalog c = PlatformCatalog.load(loader, "p");
            assertEquals(List.of("alias", "good"), List.copyOf(c.names()));
            assertEquals(c.find("good").orElseThrow().probes(), c.find("alias").orElseThrow().probes());
        }
    }

    private String loadError(String file, String yaml) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("d" + System.nanoTime()).resolve("p"));
        Files.writeString(dir.resolve(file), yaml);
        try (URLClassLoader loader = new URLClassLoader(new URL[]{dir.getParent().toUri().toURL()}, null)) {
            return assertThrows(IllegalStateException.class, () -> PlatformCatalog.load(loader, "p")).getMessage();
        }
    }

    @Test
    void malformedPlatformFilesAreExplained() throws Exception {
        assertTrue(loadError("other.yaml", GOOD).contains("name 'good' must equal the file name 'other'"));
        assertTrue(loadError("good.yaml", GOOD + "  - {id: p1, topic: updates, command: c, parser: x, description: d}\n")
                .contains("probe 2 'p1': id is used twice"));
        assertTrue(loadError("good.yaml", GOOD.replace("ssh", "telnet")).contains("transport 'telnet'"));
        assertTrue(loadError("good.yaml", GOOD.replace("transport: ssh\n", "")).contains("transport 'null' must be one of"));
        assertTrue(loadError("good.yaml", GOOD + "  -\n").contains("probe 2 is empty"));
        assertTrue(loadError("good.yaml", "name: good\ndescription: d\ntransport: ssh\nprobes: [~]\n")
                .contains("good.yaml: probe 1 is empty"));
        assertTrue(loadError("good.yaml", GOOD.replace("command: c, ", "")).contains("command is missing"));
        assertTrue(loadError("good.yaml", GOOD.replace("parser: x", "parsr: x")).contains("parsr"));
        assertTrue(loadError("good.yaml", "name: good\ndescription: d\ntransport: ssh\n").contains("probes is missing"));
        assertTrue(loadError("good.yaml", "name: good\ndescription: d\ntransport: ssh\nprobesFrom: nothing\n")
                .contains("probesFrom 'nothing'"));
        assertTrue(loadError("good.yaml", GOOD.replace("id: p1", "id: ../p1")).contains("id must be"));
    }

    @Test
    void ofRejectsDuplicates() {
        Platform p = new Platform("a", "d", "ssh", List.of());
        assertThrows(IllegalArgumentException.class, () -> PlatformCatalog.of(List.of(p, p)));
    }
}
