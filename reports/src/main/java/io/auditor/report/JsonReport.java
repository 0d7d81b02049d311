package io.auditor.report;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.auditor.model.ControlResult;
import io.auditor.model.RunReport;
import io.auditor.model.Status;
import io.auditor.model.Waiver;
import io.auditor.report.history.RunContext;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * {@code report.json}: the machine-readable run, for dashboards and scripts. Its fields are a contract
 * (ARCHITECTURE.md, "JSON report"): fields may be added, never renamed or removed, without raising
 * {@link #SCHEMA_VERSION}. The tree is built field by field rather than by serialising records, so a
 * rename in the model cannot silently change the contract.
 */
public final class JsonReport implements FileReport {
    public static final int SCHEMA_VERSION = 1;
    public static final String FILE_NAME = "report.json";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    static {
        MAPPER.getFactory().setCharacterEscapes(new InvisibleEscapes());
    }

    /**
     * Evidence is device output. JSON already escapes C0 controls (ESC included); this also writes DEL, the C1
     * controls (an 8-bit CSI is U+009B), bidirectional overrides and the line/paragraph separators as
     * six-character JSON escapes, so that {@code cat report.json} in a terminal shows them rather than obeying them. A parser
     * still reads back exactly the text the device printed.
     */
    private static final class InvisibleEscapes extends CharacterEscapes {
        private final int[] ascii = CharacterEscapes.standardAsciiEscapesForJSON();

        InvisibleEscapes() {
            ascii[0x7F] = CharacterEscapes.ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int c) {
            boolean invisible = UntrustedText.isC1Control(c) || UntrustedText.isBidiControl(c)
                    || c == 0x2028 || c == 0x2029;
            return invisible ? new SerializedString(String.format("\\u%04X", c)) : null;
        }
    }

    public ObjectNode toJson(RunReport r) {
        ObjectNode root = NODES.objectNode();
        root.put("schemaVersion", SCHEMA_VERSION);

        ObjectNode run = root.putObject("run");
        run.put("id", r.runId());
        run.put("startedAt", instant(r.startedAt()));
        run.put("finishedAt", instant(r.finishedAt()));
        run.put("school", r.school());
        run.put("profile", r.profileName());
        run.put("profileSha256", r.profileSha256());

        ObjectNode summary = root.putObject("summary");
        summary.put("devices", r.devices().size());
        summary.put("pass", r.count(Status.PASS));
        summary.put("gap", r.count(Status.GAP));
        summary.put("notAssessed", r.count(Status.NOT_ASSESSED));
        summary.put("waived", r.count(Status.WAIVED));
        summary.put("notApplicable", r.count(Status.NOT_APPLICABLE));

        ArrayNode devices = root.putArray("devices");
        for (RunReport.DeviceSummary d : r.devices()) {
            ObjectNode n = devices.addObject();
            n.put("id", d.id());
            strings(n.putArray("roles"), d.roles());
            n.put("platform", d.platform());
            n.put("reachable", d.reachable());
            strings(n.putArray("errors"), d.errors());
        }

        ArrayNode results = root.putArray("results");
        for (ControlResult c : r.results()) {
            ObjectNode n = results.addObject();
            n.put("control", c.control().id());
            n.put("device", c.deviceId());
            n.put("status", c.status().name());
            n.put("severity", c.control().severity().label());
            n.put("title", c.control().title());
            strings(n.putArray("policyRefs"), c.control().policyRefs());
            n.put("evidence", c.evidenceText());
            n.put("remediation", c.control().remediation());
            if (c.waiver() != null) n.set("waiver", waiver(c.waiver()));
            if (c.expiredWaiver() != null) n.set("expiredWaiver", waiver(c.expiredWaiver()));
        }

        ArrayNode expired = root.putArray("expiredWaivers");
        for (Waiver w : r.expiredWaivers()) expired.add(waiver(w));
        return root;
    }

    @Override
    public String format() { return "json"; }

    @Override
    public String fileName() { return FILE_NAME; }

    /** The same bytes as {@link #write(RunReport, Path)}; the JSON report does not use history. */
    @Override
    public byte[] render(RunReport report, RunContext context) {
        return render(report).getBytes(StandardCharsets.UTF_8);
    }

    public String render(RunReport r) {
        try {
            return MAPPER.writeValueAsString(toJson(r)) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise report: " + e.getMessage(), e);
        }
    }

    /**
     * Writes {@code outDir/report.json} atomically (see {@link AtomicFile}), creating the folder.
     *
     * @return the file written
     */
    public Path write(RunReport r, Path outDir) throws IOException {
        return write(r, RunContext.none(), outDir);
    }

    private static ObjectNode waiver(Waiver w) {
        return waiver(w, "device");
    }

    /**
     * A waiver's fields as a JSON object, in the report's field order. The report names the device pattern
     * {@code device}; the run history stores the same object under {@code devicePattern}, which files already
     * written depend on, so the key is the caller's.
     */
    public static ObjectNode waiver(Waiver w, String devicePatternKey) {
        ObjectNode n = NODES.objectNode();
        n.put("control", w.control());
        n.put(devicePatternKey, w.devicePattern());
        n.put("reason", w.reason());
        n.put("riskAccepted", w.riskAccepted());
        n.put("approvedBy", w.approvedBy());
        n.put("effective", w.effective() == null ? null : w.effective().toString());
        n.put("expires", w.expires() == null ? null : w.expires().toString());
        n.put("source", w.source());
        return n;
    }

    private static void strings(ArrayNode array, List<String> values) {
        for (String v : values) array.add(v);
    }

    /** ISO-8601 in UTC with a {@code Z}, whatever the machine's time zone. */
    private static String instant(Instant i) {
        return i == null ? null : DateTimeFormatter.ISO_INSTANT.format(i.truncatedTo(ChronoUnit.MILLIS));
    }
}
