package io.auditor.rules;

import io.auditor.model.Control;
import io.auditor.model.ControlResult;
import io.auditor.model.Device;
import io.auditor.model.DeviceOutcome;
import io.auditor.model.Status;
import io.auditor.model.Waiver;
import io.auditor.model.facts.Fact;
import org.kie.api.runtime.KieSession;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Evaluates a rule pack over collected facts. */
public final class RuleEngine {
    static final String NOT_COLLECTED = "device was not collected";

    private final RulePack pack;

    public RuleEngine(RulePack pack) { this.pack = pack; }

    /** Exactly one result per control × in-scope device, sorted by control id then device id. */
    public EvaluationResult evaluate(Evaluation input) {
        List<Finding> findings = fire(input);

        Map<String, Device> devices = new HashMap<>();
        for (Device d : input.devices()) devices.put(d.id(), d);
        Map<String, Control> controls = new HashMap<>();
        for (Control c : pack.controls()) controls.put(c.id(), c);
        Map<String, Map<String, Verdict>> verdicts = new HashMap<>();
        for (Finding f : findings) {
            Control control = controls.get(f.controlId());
            Device device = devices.get(f.deviceId());
            // A rule may match a device outside its control's scope; only in-scope results exist.
            if (control == null || device == null || !control.appliesTo(device)) continue;
            verdicts.computeIfAbsent(f.controlId(), k -> new HashMap<>())
                    .computeIfAbsent(f.deviceId(), k -> new Verdict()).add(f);
        }

        List<Device> sortedDevices = new ArrayList<>(input.devices());
        sortedDevices.sort(Comparator.comparing(Device::id));
        List<ControlResult> results = new ArrayList<>();
        for (Control control : pack.controls()) {
            for (Device device : sortedDevices) {
                if (!control.appliesTo(device)) continue;
                Verdict v = verdicts.getOrDefault(control.id(), Map.of()).get(device.id());
                ControlResult r;
                if (v == null) {
                    DeviceOutcome outcome = input.outcomes().get(device.id());
                    String reason = outcome == null ? NOT_COLLECTED
                            : outcome.notAssessedReason(control.needs(), device.platform());
                    r = new ControlResult(control, device.id(), Status.NOT_ASSESSED, bounded(List.of(reason)), null, null);
                } else {
                    r = new ControlResult(control, device.id(), v.status, bounded(v.evidence), null, null);
                }
                results.add(applyWaivers(r, input));
            }
        }
        List<Waiver> expired = input.waivers().stream().filter(w -> w.expiredOn(input.asOf())).toList();
        return new EvaluationResult(results, expired);
    }

    private List<Finding> fire(Evaluation input) {
        KieSession session = pack.kieBase().newKieSession();
        try {
            Findings findings = new Findings();
            session.setGlobal("findings", findings);
            session.setGlobal("profile", input.profile());
            for (Device d : input.devices()) session.insert(d);
            for (Fact f : input.facts()) session.insert(f);
            session.fireAllRules();
            return List.copyOf(findings.all());
        } finally {
            session.dispose();
        }
    }

    /** Waivers only ever act on a GAP: an active one waives it, an expired one is noted on it. */
    private static ControlResult applyWaivers(ControlResult r, Evaluation input) {
        if (r.status() != Status.GAP) return r;
        Waiver expired = null;
        Waiver pending = null;
        for (Waiver w : input.waivers()) {
            if (!w.matches(r.control().id(), r.deviceId())) continue;
            if (w.activeOn(input.asOf())) return r.withStatus(Status.WAIVED, w, null);
            if (w.expiredOn(input.asOf()) && (expired == null || w.expires().isAfter(expired.expires()))) expired = w;
            // Approved ahead of time: not yet in force, so the gap stands, but the reader should know it is coming.
            if (input.asOf().isBefore(w.effective()) && (pending == null || w.effective().isBefore(pending.effective()))) {
                pending = w;
            }
        }
        if (expired == null && pending == null) return r;
        List<String> evidence = new ArrayList<>(r.evidence());
        if (pending != null) {
            evidence.add("waiver at " + pending.source() + " takes effect only on " + pending.effective());
        }
        if (expired == null) return new ControlResult(r.control(), r.deviceId(), Status.GAP, evidence, null, null);
        evidence.add("waiver at " + expired.source() + " expired on " + expired.expires());
        return new ControlResult(r.control(), r.deviceId(), Status.GAP, evidence, null, expired);
    }

    /** Most evidence lines kept per result; a device that floods (thousands of admins) must not flood reports. */
    static final int MAX_EVIDENCE_LINES = 50;
    /** Longest evidence line kept, in characters. */
    static final int MAX_EVIDENCE_CHARS = 2_000;

    static List<String> bounded(java.util.Collection<String> evidence) {
        List<String> out = new ArrayList<>();
        for (String line : evidence) {
            if (out.size() == MAX_EVIDENCE_LINES) {
                out.add("… and " + (evidence.size() - MAX_EVIDENCE_LINES) + " more");
                break;
            }
            out.add(line.length() <= MAX_EVIDENCE_CHARS ? line
                    : line.substring(0, MAX_EVIDENCE_CHARS) + "… (" + (line.length() - MAX_EVIDENCE_CHARS) + " more characters)");
        }
        return out;
    }

    /** The winning status of one control on one device and the evidence lines that support it. */
    private static final class Verdict {
        private Status status;
        private final Set<String> evidence = new LinkedHashSet<>();

        void add(Finding f) {
            if (status == null || rank(f.status()) > rank(status)) {
                status = f.status();
                evidence.clear();
            }
            if (f.status() == status) evidence.add(f.evidence());
        }

        /** GAP > NOT_ASSESSED > PASS > NOT_APPLICABLE: the worst thing said wins. */
        private static int rank(Status s) {
            return switch (s) {
                case GAP -> 4;
                case NOT_ASSESSED -> 3;
                case PASS -> 2;
                case NOT_APPLICABLE -> 1;
                case WAIVED -> throw new IllegalStateException("rules cannot waive; waivers are applied afterwards");
            };
        }
    }
}
