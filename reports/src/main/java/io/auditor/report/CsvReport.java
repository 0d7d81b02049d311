package io.auditor.report;

import io.auditor.model.ControlResult;
import io.auditor.model.RunReport;
import io.auditor.model.Waiver;
import io.auditor.report.history.RunContext;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * {@code results.csv}: one row per control × device result, for a spreadsheet. RFC 4180 (comma separated,
 * CRLF line ends, a field quoted when it holds a comma, quote or line break, quotes doubled), UTF-8 with a
 * byte-order mark so that Excel reads the accents and symbols correctly.
 *
 * <p>A cell starting with {@code = + - @} (or a tab or carriage return) would be run as a formula by a
 * spreadsheet, and a device or an input file controls much of the text here; such cells get a leading
 * apostrophe (the OWASP "CSV injection" advice), which spreadsheets show as plain text.
 */
public final class CsvReport implements FileReport {
    public static final String FILE_NAME = "results.csv";
    public static final List<String> COLUMNS = List.of("run", "started_at", "device", "control", "title", "severity",
            "status", "policy_refs", "evidence", "remediation", "waiver_approved_by", "waiver_expires",
            "waiver_reason", "waiver_source", "expired_waiver");
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    @Override
    public String format() { return "csv"; }

    @Override
    public String fileName() { return FILE_NAME; }

    @Override
    public byte[] render(RunReport report, RunContext context) {
        byte[] text = renderText(report).getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[BOM.length + text.length];
        System.arraycopy(BOM, 0, out, 0, BOM.length);
        System.arraycopy(text, 0, out, BOM.length, text.length);
        return out;
    }

    /** The file's text, without the byte-order mark. */
    public String renderText(RunReport r) {
        StringBuilder b = new StringBuilder(256 + r.results().size() * 256);
        row(b, COLUMNS);
        String started = r.startedAt() == null ? ""
                : DateTimeFormatter.ISO_INSTANT.format(r.startedAt().truncatedTo(ChronoUnit.SECONDS));
        for (ControlResult c : r.results()) {
            Waiver w = c.waiver();
            Waiver x = c.expiredWaiver();
            row(b, List.of(r.runId(), started, c.deviceId(), c.control().id(), c.control().title(),
                    c.control().severity().label(), c.status().name(), String.join("; ", c.control().policyRefs()),
                    String.join("\n", c.evidence()), c.control().remediation(),
                    w == null ? "" : w.approvedBy(), w == null ? "" : String.valueOf(w.expires()),
                    w == null ? "" : w.reason(), w == null ? "" : w.source(),
                    x == null ? "" : "expired " + x.expires() + " (" + x.source() + ")"));
        }
        return b.toString();
    }

    private static void row(StringBuilder b, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) b.append(',');
            b.append(field(cells.get(i)));
        }
        b.append("\r\n");
    }

    /** One field: cleaned of control characters, guarded against formulas, quoted when RFC 4180 needs it. */
    static String field(String value) {
        String v = UntrustedText.sanitise(value);
        if (startsLikeFormula(v)) v = "'" + v;
        boolean quote = v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0;
        return quote ? '"' + v.replace("\"", "\"\"") + '"' : v;
    }

    /** Spreadsheets skip leading blanks before deciding that a cell is a formula. */
    static boolean startsLikeFormula(String v) {
        String t = v.stripLeading();
        if (t.isEmpty()) return !v.isEmpty() && v.charAt(0) == '\t';
        char c = t.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || v.charAt(0) == '\t' || v.charAt(0) == '\r';
    }
}
