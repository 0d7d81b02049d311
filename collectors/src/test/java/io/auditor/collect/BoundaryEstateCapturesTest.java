package io.auditor.collect;

import io.auditor.model.Device;
import io.auditor.model.Role;
import io.auditor.model.facts.ApplianceAccount;
import io.auditor.model.facts.Fact;
import io.auditor.model.facts.FilterListUpdate;
import io.auditor.model.facts.FilteredNetwork;
import io.auditor.model.facts.FirewallRule;
import io.auditor.model.facts.GroupMember;
import io.auditor.model.facts.SoftwareRelease;
import io.auditor.model.facts.StandbySettings;
import io.auditor.model.facts.WebFilterStatus;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The sample estate's boundary devices (fw-01, vc-hall, vc-staff) collected through the real capture transport and
 * the installed parsers: every probe is understood, and the facts the estate's story depends on are there.
 */
class BoundaryEstateCapturesTest {
    private static final Path CAPTURES = Path.of("..", "samples", "estate", "captures");
    private final DeviceCollector collector = new DeviceCollector(PlatformCatalog.builtIn());

    private DeviceCollection collect(String id, String platform, Role... roles) {
        Device d = new Device(id, Set.of(roles), platform, null, null, null, false);
        return collector.collect(d, new CaptureTransport(CAPTURES));
    }

    private static <T extends Fact> List<T> only(DeviceCollection c, Class<T> type) {
        return c.facts().stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Test
    void firewall() {
        DeviceCollection c = collect("fw-01", "pfsense", Role.FIREWALL, Role.WEBFILTER);
        assertTrue(c.outcome().reachable());
        assertEquals(Map.of(), c.outcome().topicProblems());
        assertEquals(Set.of("firewall-rules", "admin-groups", "web-filter", "software-release"), c.outcome().providedTopics());
        assertEquals(List.of(Instant.parse("2026-11-20T02:00:00Z")),
                c.observations().stream().map(o -> o.observedAt()).distinct().toList());
        assertEquals(1, only(c, FirewallRule.class).stream().filter(r -> r.inboundAllow() && r.description() == null).count(),
                "the undocumented port forward");
        assertEquals(List.of("itadmin"), only(c, GroupMember.class).stream().map(GroupMember::member).toList());
        assertTrue(only(c, WebFilterStatus.class).get(0).enabled());
        assertEquals(List.of("opt5 (GUEST_WIFI)"), only(c, FilteredNetwork.class).stream().filter(n -> !n.filtered())
                .map(FilteredNetwork::network).toList(), "only the guest VLAN is unfiltered");
        assertEquals(10, only(c, FilterListUpdate.class).size());
        assertEquals("2.7.2-RELEASE", only(c, SoftwareRelease.class).get(0).version());
    }

    @Test
    void videoConferencingUnits() {
        for (String id : List.of("vc-hall", "vc-staff")) {
            DeviceCollection c = collect(id, "cisco-roomos", Role.VC_ENDPOINT);
            assertEquals(Map.of(), c.outcome().topicProblems(), id);
            assertEquals(2, only(c, ApplianceAccount.class).size(), id);
            assertEquals("RoomOS 11.14.2.3", only(c, SoftwareRelease.class).stream().map(r -> r.product() + " " + r.version())
                    .findFirst().orElseThrow(), id);
        }
        assertEquals(Boolean.TRUE, only(collect("vc-hall", "cisco-roomos", Role.VC_ENDPOINT), StandbySettings.class).get(0).enabled());
        assertEquals(Boolean.FALSE, only(collect("vc-staff", "cisco-roomos", Role.VC_ENDPOINT), StandbySettings.class).get(0).enabled());
    }

    @Test
    void aFirewallWithoutTheWebfilterRoleIsNotAskedForFilterSettings() {
        DeviceCollection c = collect("fw-01", "pfsense", Role.FIREWALL);
        assertFalse(c.outcome().providedTopics().contains("web-filter"));
        assertTrue(only(c, WebFilterStatus.class).isEmpty());
        assertFalse(c.observations().stream().anyMatch(o -> o.probeId().equals("pf-webfilter")));
    }
}
