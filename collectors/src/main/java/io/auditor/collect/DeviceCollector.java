package io.auditor.collect;

import io.auditor.model.Device;
import io.auditor.model.DeviceOutcome;
import io.auditor.model.Observation;
import io.auditor.model.facts.Fact;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Runs a device's platform probes through a transport and parses their outputs into facts.
 *
 * <p>Every problem becomes data in the {@link DeviceOutcome}: a session that cannot be opened makes the device
 * unreachable; a probe that fails, exits non-zero, is cut at the output cap or is not understood becomes a
 * problem of its topic, worded for a technician. Nothing a device returns can stop the scan.
 *
 * <p>A device whose platform has no probes yet is not contacted at all; it is reported as not reached, with
 * an error that says no collector exists for its platform yet, so no report claims it was seen.
 */
public final class DeviceCollector {
    /** Longest quote of a failing probe's output in a problem message. */
    static final int MAX_QUOTE = 200;

    private final PlatformCatalog catalog;
    private final Parsers parsers;

    public DeviceCollector(PlatformCatalog catalog) {
        this(catalog, Parsers.installed());
    }

    public DeviceCollector(PlatformCatalog catalog, Parsers parsers) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.parsers = Objects.requireNonNull(parsers, "parsers");
    }

    /** Never throws for device problems: they end up in the returned outcome. */
    public DeviceCollection collect(Device device, Transport transport) {
        Optional<Platform> found = catalog.find(device.platform());
        if (found.isEmpty()) {
            return unreachable(device, "platform '" + device.platform() + "' is not one the collectors know; expected one of "
                    + String.join(", ", catalog.names()));
        }
        Platform platform = found.get();
        if (platform.probes().isEmpty()) {
            // Nothing to run: the device is not contacted, and every control explains that no collector exists yet.
            return unreachable(device, "not contacted: no collector for platform '" + device.platform() + "' exists yet");
        }

        DeviceSession session;
        try {
            session = transport.open(device);
        } catch (CollectionException e) {
            return unreachable(device, message(e));
        } catch (RuntimeException e) {
            return unreachable(device, "could not open a session: " + e);
        }

        List<Fact> facts = new ArrayList<>();
        List<Observation> observations = new ArrayList<>();
        Map<String, List<String>> problems = new LinkedHashMap<>();
        Set<String> provided = new LinkedHashSet<>();
        try (session) {
            for (Probe probe : platform.probes()) {
                if (!probe.appliesTo(device)) continue;
                provided.add(probe.topic());
                String problem = runProbe(device, probe, session, facts, observations);
                if (problem != null) problems.computeIfAbsent(probe.topic(), t -> new ArrayList<>()).add(problem);
            }
        } catch (RuntimeException e) {
            // close() failed: the probes already ran, so keep what was collected.
        }
        DeviceOutcome outcome = new DeviceOutcome(device.id(), true, List.of(), problems, provided);
        return new DeviceCollection(outcome, facts, observations);
    }

    /** Runs and parses one probe; returns the topic problem, or null when its facts were added. */
    private String runProbe(Device device, Probe probe, DeviceSession session, List<Fact> facts,
                            List<Observation> observations) {
        String id = probe.id();
        Observation obs;
        try {
            obs = session.run(probe);
        } catch (CollectionException e) {
            return "probe " + id + ": " + message(e);
        } catch (RuntimeException e) {
            return "probe " + id + ": the transport failed: " + e;
        }
        if (obs == null) return "probe " + id + ": the transport returned nothing";
        if (!device.id().equals(obs.deviceId()) || !id.equals(obs.probeId())) {
            obs = new Observation(device.id(), id, obs.command(), obs.output(), obs.exitStatus(), obs.observedAt(),
                    obs.durationMillis(), obs.truncated());
        }
        observations.add(obs);

        if (obs.exitStatus() != null && obs.exitStatus() != 0) {
            return "probe " + id + " exited " + obs.exitStatus() + ": " + firstLine(obs.output());
        }
        if (obs.truncated()) return "probe " + id + ": output exceeded the cap; not parsed";
        Optional<Parser> parser = parsers.find(probe.parser());
        if (parser.isEmpty()) return "probe " + id + ": no parser '" + probe.parser() + "' is installed";
        try {
            List<Fact> parsed = parser.get().parse(obs);
            if (parsed != null) facts.addAll(parsed);
            return null;
        } catch (UnrecognisedOutputException e) {
            return "probe " + id + ": output not understood: " + e.getMessage()
                    + (e.line() > 0 ? " (line " + e.line() + ")" : "");
        } catch (RuntimeException e) {
            return "probe " + id + ": parser " + probe.parser() + " failed: " + e;
        }
    }

    private static DeviceCollection unreachable(Device device, String error) {
        return DeviceCollection.unreachable(device.id(), error);
    }

    private static String message(Exception e) {
        return e.getMessage() == null || e.getMessage().isBlank() ? e.toString() : e.getMessage();
    }

    /** The first non-blank output line, control characters removed, at most {@value #MAX_QUOTE} characters. */
    static String firstLine(String output) {
        if (output == null) return "(no output)";
        for (String line : Text.lines(output)) {
            String clean = Text.clean(line, MAX_QUOTE);
            if (!clean.isEmpty()) return clean;
        }
        return "(no output)";
    }
}
