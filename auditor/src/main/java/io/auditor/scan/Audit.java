package io.auditor.scan;

import io.auditor.collect.DeviceCollection;
import io.auditor.collect.DeviceCollector;
import io.auditor.collect.PlatformCatalog;
import io.auditor.collect.Transport;
import io.auditor.model.Device;
import io.auditor.model.DeviceOutcome;
import io.auditor.model.Role;
import io.auditor.model.RunReport;
import io.auditor.model.facts.Fact;
import io.auditor.rules.Evaluation;
import io.auditor.rules.EvaluationResult;
import io.auditor.rules.RuleEngine;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One run over validated inputs: collect every device through a transport, then evaluate the rule pack and
 * assemble the {@link RunReport}. The two steps are separate so a caller can time or replace either; every
 * transport (captures now, SSH and SNMP later) goes through this same path.
 */
public final class Audit {
    private static final DateTimeFormatter RUN_ID_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    /** Told as each device finishes, for progress display. */
    public interface Progress {
        void deviceDone(int done, int total, Device device, DeviceOutcome outcome);
    }

    /** What collection produced for the whole inventory. */
    public record Collected(Instant startedAt, List<Fact> facts, Map<String, DeviceOutcome> outcomes) {
        public Collected {
            facts = List.copyOf(facts);
            outcomes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(outcomes));
        }
    }

    private final PlatformCatalog catalog;
    private final Clock clock;

    public Audit(PlatformCatalog catalog, Clock clock) {
        this.catalog = catalog;
        this.clock = clock;
    }

    public Collected collect(AuditInputs in, Transport transport, Progress progress) {
        Instant startedAt = clock.instant();
        DeviceCollector collector = new DeviceCollector(catalog);
        List<Fact> facts = new ArrayList<>();
        Map<String, DeviceOutcome> outcomes = new LinkedHashMap<>();
        List<Device> devices = in.inventory().devices();
        int done = 0;
        for (Device d : devices) {
            DeviceCollection c = collector.collect(d, transport);
            facts.addAll(c.facts());
            outcomes.put(d.id(), c.outcome());
            progress.deviceDone(++done, devices.size(), d, c.outcome());
        }
        return new Collected(startedAt, facts, outcomes);
    }

    /** @param asOf the day waivers are checked against */
    public RunReport evaluate(AuditInputs in, Collected collected, LocalDate asOf) {
        List<Device> devices = in.inventory().devices();
        EvaluationResult result = new RuleEngine(in.rulePack()).evaluate(
                new Evaluation(devices, collected.facts(), collected.outcomes(), in.profile(), in.waivers(), asOf));
        return new RunReport(runId(collected.startedAt()), collected.startedAt(), clock.instant(),
                in.inventory().school(), in.profile().name(), in.profile().sha256(),
                summaries(devices, collected.outcomes()), result.results(), in.rulePack().controls(),
                result.expiredWaivers());
    }

    private static List<RunReport.DeviceSummary> summaries(List<Device> devices, Map<String, DeviceOutcome> outcomes) {
        List<RunReport.DeviceSummary> out = new ArrayList<>();
        for (Device d : devices) {
            DeviceOutcome o = outcomes.get(d.id());
            List<String> roles = d.roles().stream().sorted(Comparator.comparingInt(Role::ordinal))
                    .map(Role::yamlName).toList();
            out.add(new RunReport.DeviceSummary(d.id(), roles, d.platform(), o != null && o.reachable(),
                    o == null ? List.of("not collected") : o.errors()));
        }
        return out;
    }

    /** Sortable by time, unique even for two runs in the same second. */
    static String runId(Instant startedAt) {
        return RUN_ID_TIME.format(startedAt) + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
