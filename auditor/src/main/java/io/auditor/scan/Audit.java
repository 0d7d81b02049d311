package io.auditor.scan;

import io.auditor.collect.CollectionException;
import io.auditor.collect.DeviceCollection;
import io.auditor.collect.DeviceCollector;
import io.auditor.collect.DeviceSession;
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
import java.time.Duration;
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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One run over validated inputs: collect every device through a transport, then evaluate the rule pack and
 * assemble the {@link RunReport}. The two steps are separate so a caller can time or replace either; every
 * transport (captures now, SSH and SNMP later) goes through this same path.
 */
public final class Audit {
    private static final DateTimeFormatter RUN_ID_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    /** Told as each device finishes, for progress display; never called by two threads at once. */
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

    /**
     * How collection is scheduled: at most {@code parallel} devices at once, and each device given up after
     * {@code deviceTimeout} (its session closed, its controls NOT_ASSESSED) so that no device can hold the run.
     */
    public record Schedule(int parallel, Duration deviceTimeout) {
        public static final int DEFAULT_PARALLEL = 8;
        public static final Duration DEFAULT_DEVICE_TIMEOUT = Duration.ofMinutes(5);
        public static final Schedule DEFAULT = new Schedule(DEFAULT_PARALLEL, DEFAULT_DEVICE_TIMEOUT);

        public Schedule {
            if (parallel < 1) throw new IllegalArgumentException("parallel must be at least 1");
            if (deviceTimeout.isZero() || deviceTimeout.isNegative()) {
                throw new IllegalArgumentException("deviceTimeout must be positive");
            }
        }
    }

    /** One device at a time, in inventory order (embedders and tests that want a deterministic progress order). */
    public Collected collect(AuditInputs in, Transport transport, Progress progress) {
        return collect(in, transport, progress, new Schedule(1, Schedule.DEFAULT_DEVICE_TIMEOUT));
    }

    /**
     * Collects every device, {@code schedule.parallel()} at a time. Results (facts and outcomes) keep the
     * inventory's order whatever order devices finish in; {@code progress} is told of each device as it finishes,
     * one call at a time.
     */
    public Collected collect(AuditInputs in, Transport transport, Progress progress, Schedule schedule) {
        return collect(in.inventory().devices(), transport, progress, schedule);
    }

    /** Collects the given devices (in this order), as {@link #collect(AuditInputs, Transport, Progress, Schedule)}. */
    public Collected collect(List<Device> devices, Transport transport, Progress progress, Schedule schedule) {
        Instant startedAt = clock.instant();
        DeviceCollector collector = new DeviceCollector(catalog);
        int total = devices.size();
        DeviceCollection[] results = new DeviceCollection[total];
        CountDownLatch finished = new CountDownLatch(total);
        AtomicInteger done = new AtomicInteger();
        Object progressLock = new Object();
        ExecutorService workers = Executors.newFixedThreadPool(Math.max(1, Math.min(schedule.parallel(), total)),
                daemonThreads("auditor-collect"));
        ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor(daemonThreads("auditor-deadline"));
        try {
            for (int i = 0; i < total; i++) {
                Attempt attempt = new Attempt(i, devices.get(i));
                Runnable report = () -> {
                    synchronized (progressLock) {
                        progress.deviceDone(done.incrementAndGet(), total, attempt.device, results[attempt.index].outcome());
                    }
                    finished.countDown();
                };
                workers.execute(() -> {
                    synchronized (attempt) {
                        attempt.worker = Thread.currentThread();
                    }
                    ScheduledFuture<?> deadline = deadlines.schedule(() -> {
                        if (attempt.finish()) {
                            results[attempt.index] = timedOut(attempt.device, schedule.deviceTimeout(), attempt.phase);
                            attempt.abandon();
                            report.run();
                        }
                    }, schedule.deviceTimeout().toNanos(), TimeUnit.NANOSECONDS);
                    DeviceCollection c;
                    try {
                        c = collector.collect(attempt.device, attempt.tracking(transport));
                    } catch (RuntimeException e) {
                        c = DeviceCollection.unreachable(attempt.device.id(), "collection failed: " + e);
                    }
                    deadline.cancel(false);
                    attempt.release();
                    if (attempt.finish()) {
                        // Raw outputs are not needed past parsing: keep only facts and outcome, so memory does not
                        // grow with the estate's output.
                        // (INV-02's "it answered" sighting needs the observations' time, so it is taken first.)
                        results[attempt.index] = new DeviceCollection(c.outcome(),
                                io.auditor.collect.snmp.Sightings.factsWithSighting(attempt.device, c), List.of());
                        report.run();
                    }
                    Thread.interrupted(); // a deadline that fired late must not leak into the next device
                });
            }
            finished.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while collecting", e);
        } finally {
            workers.shutdownNow();
            deadlines.shutdownNow();
        }
        List<Fact> facts = new ArrayList<>();
        Map<String, DeviceOutcome> outcomes = new LinkedHashMap<>();
        for (int i = 0; i < total; i++) {
            facts.addAll(results[i].facts());
            outcomes.put(devices.get(i).id(), results[i].outcome());
        }
        // INV-02: which inventory devices this run saw, answering or in another device's ARP/LLDP table.
        facts.addAll(io.auditor.collect.snmp.Sightings.derive(devices, java.util.Arrays.asList(results)));
        return new Collected(startedAt, facts, outcomes);
    }

    private static DeviceCollection timedOut(Device d, Duration limit, String phase) {
        return DeviceCollection.unreachable(d.id(), "no complete answer within " + human(limit)
                + " (--device-timeout), given up while " + phase + "; its partial results are discarded: check the "
                + "device is not overloaded, or raise --device-timeout");
    }

    static String human(Duration d) {
        long s = d.toSeconds();
        if (d.toMillis() % 1000 != 0) return d.toMillis() + " ms";
        return s % 60 == 0 && s >= 60 ? (s / 60) + " min" : s + " s";
    }

    private static ThreadFactory daemonThreads(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** One device's collection: whoever finishes first, the collector or the deadline, reports it. */
    private static final class Attempt {
        final int index;
        final Device device;
        private final AtomicBoolean finished = new AtomicBoolean();
        private final List<DeviceSession> sessions = new java.util.concurrent.CopyOnWriteArrayList<>();
        volatile Thread worker;
        /** What the device was doing, for the message when its deadline passes. */
        volatile String phase = "waiting to start";

        Attempt(int index, Device device) {
            this.index = index;
            this.device = device;
        }

        boolean finish() {
            return finished.compareAndSet(false, true);
        }

        /** The deadline passed: close the device's session so the worker's blocked call returns. */
        void abandon() {
            for (DeviceSession s : sessions) {
                try {
                    s.close();
                } catch (RuntimeException ignored) {
                    // Closing is best effort; the worker is abandoned either way.
                }
            }
            synchronized (this) {
                if (worker != null) worker.interrupt();
            }
        }

        /** The worker is done with this device: from now on its deadline must not interrupt it. */
        synchronized void release() {
            worker = null;
        }

        Transport tracking(Transport transport) {
            return device -> {
                phase = "connecting";
                DeviceSession s = transport.open(device);
                sessions.add(s);
                if (finished.get()) {
                    s.close();
                    throw new CollectionException("the device deadline passed while connecting");
                }
                return new DeviceSession() {
                    @Override
                    public io.auditor.model.Observation run(io.auditor.collect.Probe probe) throws CollectionException {
                        phase = "running probe " + probe.id();
                        return s.run(probe);
                    }

                    @Override
                    public void close() {
                        phase = "closing the connection";
                        s.close();
                    }
                };
            };
        }
    }

    /** @param asOf the day waivers are checked against */
    public RunReport evaluate(AuditInputs in, Collected collected, LocalDate asOf) {
        List<Device> devices = in.inventory().devices();
        // Facts the inventory states (roster, backup targets) join the collected ones.
        List<Fact> facts = new ArrayList<>(collected.facts());
        facts.addAll(in.inventoryFacts());
        EvaluationResult result = new RuleEngine(in.rulePack()).evaluate(
                new Evaluation(devices, facts, collected.outcomes(), in.profile(), in.waivers(), asOf));
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
