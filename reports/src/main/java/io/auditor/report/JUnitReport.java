package io.auditor.report;

import io.auditor.model.Control;
import io.auditor.model.ControlResult;
import io.auditor.model.RunReport;
import io.auditor.model.Status;
import io.auditor.model.Waiver;
import io.auditor.report.history.RunContext;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.ByteArrayOutputStream;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code junit.xml}: the run as JUnit XML test results, for CI servers and dashboards. One test suite per
 * control (a dashboard then shows "AV-01 › ws-102 failed", and a control's suite turns red as a whole), one
 * test case per in-scope device: GAP is a failure, NOT_ASSESSED an error (the check itself could not run),
 * WAIVED and NOT_APPLICABLE are skipped with the reason, PASS passes.
 *
 * <p>Written with the JDK's StAX writer, which escapes markup; text is first cleaned of the characters XML
 * 1.0 cannot hold at all (control characters, unpaired surrogates), which a device may well print.
 */
public final class JUnitReport implements FileReport {
    public static final String FILE_NAME = "junit.xml";
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

    @Override
    public String format() { return "junit"; }

    @Override
    public String fileName() { return FILE_NAME; }

    @Override
    public byte[] render(RunReport report, RunContext context) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(8192 + report.results().size() * 512);
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(buffer, "UTF-8");
            write(report, x);
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write junit.xml: " + e.getMessage(), e);
        }
        return buffer.toByteArray();
    }

    private static void write(RunReport r, XMLStreamWriter x) throws XMLStreamException {
        Map<String, List<ControlResult>> byControl = new HashMap<>();
        for (ControlResult c : r.results()) byControl.computeIfAbsent(c.control().id(), k -> new ArrayList<>()).add(c);
        String timestamp = r.startedAt() == null ? null : TIMESTAMP.format(r.startedAt());

        x.writeStartDocument("UTF-8", "1.0");
        x.writeCharacters("\n");
        x.writeStartElement("testsuites");
        x.writeAttribute("name", clean("auditor: " + r.school()));
        counts(x, r.results());
        x.writeAttribute("time", seconds(r));
        if (timestamp != null) x.writeAttribute("timestamp", timestamp);
        x.writeCharacters("\n");
        for (Control c : r.allControls()) {
            List<ControlResult> results = byControl.getOrDefault(c.id(), List.of());
            if (results.isEmpty()) continue; // no device in scope: nothing to report, and an empty suite confuses some CIs
            x.writeCharacters("  ");
            x.writeStartElement("testsuite");
            x.writeAttribute("name", clean(c.id() + " " + c.title()));
            counts(x, results);
            x.writeAttribute("time", "0");
            if (timestamp != null) x.writeAttribute("timestamp", timestamp);
            x.writeCharacters("\n    ");
            x.writeStartElement("properties");
            property(x, "severity", c.severity().label());
            property(x, "policyRefs", String.join("; ", c.policyRefs()));
            property(x, "run", r.runId());
            x.writeEndElement();
            for (ControlResult res : results) testCase(x, c, res);
            x.writeCharacters("\n  ");
            x.writeEndElement();
            x.writeCharacters("\n");
        }
        x.writeEndElement();
        x.writeCharacters("\n");
        x.writeEndDocument();
    }

    private static void testCase(XMLStreamWriter x, Control c, ControlResult res) throws XMLStreamException {
        x.writeCharacters("\n    ");
        x.writeStartElement("testcase");
        // Dashboards split classname at dots into package and class: keep the control ID whole.
        x.writeAttribute("classname", clean(c.id().replace('.', '_')));
        x.writeAttribute("name", clean(res.deviceId()));
        x.writeAttribute("time", "0");
        String evidence = String.join("\n", res.evidence());
        switch (res.status()) {
            case PASS -> {
                if (!evidence.isEmpty()) element(x, "system-out", evidence);
            }
            case GAP -> {
                x.writeStartElement("failure");
                x.writeAttribute("type", "GAP");
                x.writeAttribute("message", oneLine(first(res, "gap")));
                StringBuilder body = new StringBuilder(evidence);
                if (res.expiredWaiver() != null) {
                    Waiver w = res.expiredWaiver();
                    body.append("\nwaiver expired ").append(w.expires()).append(" (").append(w.source()).append(")");
                }
                body.append("\nfix: ").append(c.remediation());
                x.writeCharacters(clean(body.toString()));
                x.writeEndElement();
            }
            case NOT_ASSESSED -> {
                x.writeStartElement("error");
                x.writeAttribute("type", "NOT_ASSESSED");
                x.writeAttribute("message", oneLine("not assessed: " + first(res, "no reason recorded")));
                x.writeCharacters(clean(evidence));
                x.writeEndElement();
            }
            case WAIVED -> {
                Waiver w = res.waiver();
                String why = w == null ? "waived" : "waived: approved by " + w.approvedBy() + " until " + w.expires()
                        + " (" + w.source() + "): " + w.reason();
                x.writeStartElement("skipped");
                x.writeAttribute("message", oneLine(why));
                x.writeCharacters(clean(evidence));
                x.writeEndElement();
            }
            case NOT_APPLICABLE -> {
                x.writeEmptyElement("skipped");
                x.writeAttribute("message", oneLine(evidence.isEmpty() ? "not applicable" : "not applicable: " + evidence));
            }
        }
        x.writeEndElement();
    }

    private static void counts(XMLStreamWriter x, List<ControlResult> results) throws XMLStreamException {
        long failures = results.stream().filter(r -> r.status() == Status.GAP).count();
        long errors = results.stream().filter(r -> r.status() == Status.NOT_ASSESSED).count();
        long skipped = results.stream()
                .filter(r -> r.status() == Status.WAIVED || r.status() == Status.NOT_APPLICABLE).count();
        x.writeAttribute("tests", Long.toString(results.size()));
        x.writeAttribute("failures", Long.toString(failures));
        x.writeAttribute("errors", Long.toString(errors));
        x.writeAttribute("skipped", Long.toString(skipped));
    }

    private static void property(XMLStreamWriter x, String name, String value) throws XMLStreamException {
        x.writeEmptyElement("property");
        x.writeAttribute("name", name);
        x.writeAttribute("value", oneLine(value));
    }

    private static void element(XMLStreamWriter x, String name, String text) throws XMLStreamException {
        x.writeStartElement(name);
        x.writeCharacters(clean(text));
        x.writeEndElement();
    }

    private static String first(ControlResult r, String otherwise) {
        return r.evidence().isEmpty() ? otherwise : r.evidence().get(0);
    }

    private static String seconds(RunReport r) {
        if (r.startedAt() == null || r.finishedAt() == null) return "0";
        return String.format(java.util.Locale.ROOT, "%.3f",
                r.startedAt().until(r.finishedAt(), ChronoUnit.MILLIS) / 1000.0);
    }

    /** Attribute values are normalised by XML parsers anyway; one line keeps them readable. */
    private static String oneLine(String s) {
        return clean(UntrustedText.oneLine(s));
    }

    /**
     * Terminal sequences and control characters go ({@link UntrustedText#sanitise}); so do the characters XML
     * 1.0 forbids even as references (unpaired surrogates, U+FFFE, U+FFFF).
     */
    static String clean(String s) {
        String t = UntrustedText.sanitise(s);
        StringBuilder out = new StringBuilder(t.length());
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < t.length() && Character.isLowSurrogate(t.charAt(i + 1))) {
                out.append(c).append(t.charAt(++i));
            } else if (Character.isSurrogate(c) || c == 0xFFFE || c == 0xFFFF) {
                out.append('\uFFFD');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
