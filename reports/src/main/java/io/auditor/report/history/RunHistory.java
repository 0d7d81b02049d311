package io.auditor.report.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.auditor.model.Control;
import io.auditor.model.ControlResult;
import io.auditor.model.Role;
import io.auditor.model.RunReport;
import io.auditor.model.Severity;
import io.auditor.model.Status;
import io.auditor.model.Waiver;
import io.auditor.report.JsonReport;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The run history: every recorded run with its devices, the controls' metadata as used, and every result
 * with its evidence and waivers, in one SQLite file. Enough is kept to re-render a run exactly
 * ({@link #load}), to compare two runs ({@link #diff}) and to draw the trend ({@link #context}).
 *
 * <p>Each write is one transaction, so a run is in history completely or not at all, even if the process is
 * killed half-way. The file uses SQLite's rollback journal (not WAL): it stays a single file that can be
 * copied for backup when no scan is running and works on a network share; a reader waits up to
 * {@link #BUSY_TIMEOUT_MS} for a writer to finish.
 *
 * <p>Not thread-safe: one instance per thread (a scan uses one).
 */
public final class RunHistory implements AutoCloseable {
    /** How long a reader or writer waits for another process's transaction before giving up. */
    public static final int BUSY_TIMEOUT_MS = 10_000;
    /** The schema version this code writes ({@code PRAGMA user_version}). */
    public static final int SCHEMA_VERSION = Migrations.CURRENT;
    /** The default file name, beside the reports in the scan's output folder. */
    public static final String FILE_NAME = "history.db";

    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
    private static final int BATCH = 500;

    /** Told after each batch of results is written inside the recording transaction (tests use it). */
    interface WriteProgress {
        void resultsWritten(int count);
    }

    private final Path file;
    private final Connection db;

    private RunHistory(Path file, Connection db) {
        this.file = file;
        this.db = db;
    }

    /**
     * Opens the history, creating it (and its folder) when missing and bringing an older schema up to date.
     *
     * @throws HistoryException unusable when the file is not an auditor history or is from a newer auditor
     *                          (it is left untouched); failed when it cannot be read or migrated
     */
    public static RunHistory open(Path file) throws HistoryException {
        return open(file, BUSY_TIMEOUT_MS);
    }

    static RunHistory open(Path file, int busyTimeoutMs) throws HistoryException {
        if (!Files.exists(file)) {
            try {
                Path parent = file.toAbsolutePath().getParent();
                if (parent != null) Files.createDirectories(parent);
            } catch (IOException e) {
                throw HistoryException.unusable("cannot create the folder for the history file " + file + " ("
                        + e.getMessage() + ")", "choose a folder you can write to with --history FILE");
            }
        }
        return connect(file, busyTimeoutMs);
    }

    /** Opens an existing history for reading commands; a missing file is the user's mistake, not a new history. */
    public static RunHistory openExisting(Path file) throws HistoryException {
        if (!Files.exists(file)) {
            throw HistoryException.unusable("no run history at " + file,
                    "run a scan first (it records to OUT/" + FILE_NAME + "), or give the file with --history FILE");
        }
        return connect(file, BUSY_TIMEOUT_MS);
    }

    private static RunHistory connect(Path file, int busyTimeoutMs) throws HistoryException {
        checkHeader(file);
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(busyTimeoutMs);
        Connection c;
        try {
            c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), config.toProperties());
        } catch (SQLException e) {
            throw openFailure(file, e);
        }
        try {
            prepare(file, c);
            return new RunHistory(file, c);
        } catch (HistoryException | RuntimeException e) {
            closeQuietly(c);
            throw e;
        } catch (SQLException e) {
            closeQuietly(c);
            throw openFailure(file, e);
        }
    }

    /** Refuses anything but an empty file or an SQLite database before SQLite is let near it. */
    private static void checkHeader(Path file) throws HistoryException {
        if (!Files.exists(file)) return;
        if (Files.isDirectory(file)) {
            throw HistoryException.unusable(file + " is a folder, not a history file",
                    "give a file, for example --history " + file.resolve(FILE_NAME));
        }
        byte[] head = new byte[SQLITE_HEADER.length];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw HistoryException.unusable("cannot read the history file " + file + " (" + e.getMessage() + ")",
                    "check its permissions, or give another file with --history FILE");
        }
        if (n == 0) return; // an empty file is an empty database to SQLite
        if (n < head.length || !Arrays.equals(head, SQLITE_HEADER)) {
            throw notHistory(file, "it is not an SQLite database");
        }
    }

    private static HistoryException notHistory(Path file, String why) {
        return HistoryException.unusable(file + " is not an auditor run history: " + why
                + "; it was left untouched", "give the history file a scan wrote (OUT/" + FILE_NAME
                + ") with --history FILE, or a new file name to start a new history");
    }

    private static HistoryException openFailure(Path file, SQLException e) {
        if (is(e, SQLiteErrorCode.SQLITE_NOTADB) || is(e, SQLiteErrorCode.SQLITE_CORRUPT)) {
            return HistoryException.unusable("the run history " + file + " is damaged (SQLite: " + e.getMessage()
                    + "); it was left untouched", "restore it from a backup (docs/history.md), or give a new file "
                    + "with --history FILE to start a new history");
        }
        return HistoryException.failed("cannot open the run history " + file + ": " + why(e), e);
    }

    /**
     * Checks the file is ours and not newer than this code, then migrates it. Nothing is written before
     * those checks pass.
     */
    private static void prepare(Path file, Connection c) throws SQLException, HistoryException {
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA foreign_keys = ON");
            s.execute("PRAGMA synchronous = FULL");
        }
        int version = pragmaInt(c, "user_version");
        check(file, c, version);
        if (version == Migrations.CURRENT) return;
        boolean fresh = version == 0 && tableCount(c) == 0;
        if (fresh) {
            // Only takes effect before the first table exists: lets prune give space back to the disk.
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA auto_vacuum = INCREMENTAL");
            }
        }
        inTransaction(c, () -> {
            // Another process may have migrated it while this one waited for the lock.
            int now = pragmaInt(c, "user_version");
            check(file, c, now);
            if (now < Migrations.CURRENT) Migrations.apply(c, now, Migrations.CURRENT);
            return null;
        });
    }

    private static void check(Path file, Connection c, int version) throws SQLException, HistoryException {
        int appId = pragmaInt(c, "application_id");
        if (appId != Migrations.APPLICATION_ID && (appId != 0 || tableCount(c) > 0)) {
            throw notHistory(file, "it is an SQLite database of another program");
        }
        if (version > Migrations.CURRENT) {
            throw HistoryException.unusable("this history was written by a newer auditor (schema " + version
                    + "; this auditor reads up to schema " + Migrations.CURRENT + "); " + file
                    + " was left untouched", "use that auditor version, or give another file with --history FILE");
        }
    }

    private static int pragmaInt(Connection c, String pragma) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA " + pragma)) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private static int tableCount(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM sqlite_master WHERE type = 'table'")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    @FunctionalInterface
    private interface Work<T> {
        T run() throws SQLException, HistoryException;
    }

    /**
     * One write transaction: {@code BEGIN IMMEDIATE} takes the write lock up front, so two scans writing the
     * same file queue (up to the busy timeout) instead of failing half-way. Any failure rolls back.
     */
    private static <T> T inTransaction(Connection c, Work<T> work) throws SQLException, HistoryException {
        try (Statement s = c.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
        }
        boolean done = false;
        try {
            T result = work.run();
            try (Statement s = c.createStatement()) {
                s.execute("COMMIT");
            }
            done = true;
            return result;
        } finally {
            if (!done) {
                try (Statement s = c.createStatement()) {
                    s.execute("ROLLBACK");
                } catch (SQLException ignored) {
                    // The original failure is the one worth reporting; SQLite may already have rolled back.
                }
            }
        }
    }

    /** A consistent read of several statements: a writer cannot commit between them. */
    private <T> T reading(Work<T> work) throws HistoryException {
        try {
            try (Statement s = db.createStatement()) {
                s.execute("BEGIN");
            }
            try {
                return work.run();
            } finally {
                try (Statement s = db.createStatement()) {
                    s.execute("COMMIT");
                }
            }
        } catch (SQLException e) {
            throw HistoryException.failed("cannot read the run history " + file + ": " + why(e), e);
        }
    }

    public Path file() {
        return file;
    }

    public int schemaVersion() throws HistoryException {
        return reading(() -> pragmaInt(db, "user_version"));
    }

    /** SQLite's {@code PRAGMA integrity_check}: "ok", or what is damaged. */
    public String integrityCheck() throws HistoryException {
        return reading(() -> {
            List<String> lines = new ArrayList<>();
            try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
                while (rs.next()) lines.add(rs.getString(1));
            }
            return String.join("\n", lines);
        });
    }

    // ---------------------------------------------------------------------------------------------- record

    /**
     * Records a finished run in one transaction: all of it, or (on any failure or kill) nothing. Each reachable
     * device counts as seen at the run's start.
     */
    public void record(RunReport report, String toolVersion) throws HistoryException {
        Map<String, Instant> seen = new HashMap<>();
        for (RunReport.DeviceSummary d : report.devices()) if (d.reachable()) seen.put(d.id(), report.startedAt());
        record(report, toolVersion, seen, count -> { });
    }

    /**
     * Records a finished run, with when the run saw each device (answering its probes, or in another device's
     * ARP or LLDP table); devices absent from {@code seen} were not seen.
     */
    public void record(RunReport report, String toolVersion, Map<String, Instant> seen) throws HistoryException {
        record(report, toolVersion, seen, count -> { });
    }

    void record(RunReport report, String toolVersion, WriteProgress progress) throws HistoryException {
        record(report, toolVersion, Map.of(), progress);
    }

    private void record(RunReport report, String toolVersion, Map<String, Instant> seen, WriteProgress progress)
            throws HistoryException {
        try {
            inTransaction(db, () -> {
                if (seqOf(report.runId()).isPresent()) {
                    throw HistoryException.failed("run " + report.runId() + " is already in " + file, null);
                }
                long seq = insertRun(report, toolVersion);
                insertControls(seq, report);
                insertDevices(seq, report.devices(), seen);
                insertResults(seq, report.results(), progress);
                insertExpiredWaivers(seq, report.expiredWaivers());
                return null;
            });
        } catch (SQLException e) {
            throw HistoryException.failed("cannot record run " + report.runId() + " in " + file + ": " + why(e), e);
        }
    }

    private long insertRun(RunReport r, String toolVersion) throws SQLException {
        String sql = "INSERT INTO runs (id, started_at, started_ms, finished_at, school, profile_name, profile_sha256,"
                + " tool_version, recorded_at, devices, pass, gap, not_assessed, waived, not_applicable)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement p = db.prepareStatement(sql)) {
            p.setString(1, r.runId());
            p.setString(2, r.startedAt().toString());
            p.setLong(3, r.startedAt().toEpochMilli());
            p.setString(4, r.finishedAt() == null ? null : r.finishedAt().toString());
            p.setString(5, r.school());
            p.setString(6, r.profileName());
            p.setString(7, r.profileSha256());
            p.setString(8, toolVersion);
            p.setString(9, Instant.now().toString());
            p.setInt(10, r.devices().size());
            p.setLong(11, r.count(Status.PASS));
            p.setLong(12, r.count(Status.GAP));
            p.setLong(13, r.count(Status.NOT_ASSESSED));
            p.setLong(14, r.count(Status.WAIVED));
            p.setLong(15, r.count(Status.NOT_APPLICABLE));
            p.executeUpdate();
        }
        return seqOf(r.runId()).orElseThrow();
    }

    private void insertControls(long seq, RunReport r) throws SQLException {
        // The pack's controls in order (listed), then any control a result names that the pack list lacks.
        Set<String> listed = new HashSet<>();
        for (Control c : r.controls()) listed.add(c.id());
        String addVersion = "INSERT OR IGNORE INTO controls (sha256, control_id, title, severity, policy_refs, scope,"
                + " needs, rationale, check_text, remediation) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        String link = "INSERT INTO run_controls (run_seq, position, control_id, listed, control)"
                + " SELECT ?, ?, ?, ?, id FROM controls WHERE sha256 = ?";
        try (PreparedStatement version = db.prepareStatement(addVersion); PreparedStatement p = db.prepareStatement(link)) {
            int position = 0;
            for (Control c : r.allControls()) {
                List<String> fields = Arrays.asList(c.id(), c.title(), c.severity().name(), json(c.policyRefs()),
                        json(c.scope().stream().sorted().map(Role::yamlName).toList()),
                        json(c.needs().stream().sorted().toList()), c.rationale(), c.check(), c.remediation());
                String sha = sha256(json(fields));
                version.setString(1, sha);
                for (int i = 0; i < fields.size(); i++) version.setString(i + 2, fields.get(i));
                version.executeUpdate();
                p.setLong(1, seq);
                p.setInt(2, position++);
                p.setString(3, c.id());
                p.setInt(4, listed.contains(c.id()) ? 1 : 0);
                p.setString(5, sha);
                p.addBatch();
            }
            p.executeBatch();
        }
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private void insertDevices(long seq, List<RunReport.DeviceSummary> devices, Map<String, Instant> seen)
            throws SQLException {
        String sql = "INSERT INTO run_devices (run_seq, position, device_id, roles, platform, reachable, errors,"
                + " seen_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement p = db.prepareStatement(sql)) {
            int position = 0;
            for (RunReport.DeviceSummary d : devices) {
                p.setLong(1, seq);
                p.setInt(2, position++);
                p.setString(3, d.id());
                p.setString(4, json(d.roles()));
                p.setString(5, d.platform());
                p.setInt(6, d.reachable() ? 1 : 0);
                p.setString(7, json(d.errors()));
                Instant at = seen.get(d.id());
                if (at == null) p.setNull(8, java.sql.Types.INTEGER);
                else p.setLong(8, at.toEpochMilli());
                p.addBatch();
            }
            p.executeBatch();
        }
    }

    private void insertResults(long seq, List<ControlResult> results, WriteProgress progress) throws SQLException {
        String sql = "INSERT INTO results (run_seq, position, control_id, device_id, status, evidence, waiver,"
                + " expired_waiver) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement p = db.prepareStatement(sql)) {
            int position = 0;
            for (ControlResult c : results) {
                p.setLong(1, seq);
                p.setInt(2, position++);
                p.setString(3, c.control().id());
                p.setString(4, c.deviceId());
                p.setString(5, c.status().name());
                p.setString(6, json(c.evidence()));
                p.setString(7, waiverJson(c.waiver()));
                p.setString(8, waiverJson(c.expiredWaiver()));
                p.addBatch();
                if (position % BATCH == 0) {
                    p.executeBatch();
                    progress.resultsWritten(position);
                }
            }
            p.executeBatch();
            progress.resultsWritten(position);
        }
    }

    private void insertExpiredWaivers(long seq, List<Waiver> waivers) throws SQLException {
        try (PreparedStatement p = db.prepareStatement(
                "INSERT INTO expired_waivers (run_seq, position, waiver) VALUES (?, ?, ?)")) {
            int position = 0;
            for (Waiver w : waivers) {
                p.setLong(1, seq);
                p.setInt(2, position++);
                p.setString(3, waiverJson(w));
                p.addBatch();
            }
            p.executeBatch();
        }
    }

    // ------------------------------------------------------------------------------------------------ read

    /** Every stored run, oldest first. */
    public List<StoredRun> runs() throws HistoryException {
        return reading(this::allRuns);
    }

    private List<StoredRun> allRuns() throws SQLException {
        List<StoredRun> runs = new ArrayList<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT id, started_at, finished_at, school, profile_name, profile_sha256, tool_version, devices,"
                        + " pass, gap, not_assessed, waived, not_applicable FROM runs ORDER BY started_ms, seq")) {
            while (rs.next()) {
                runs.add(new StoredRun(rs.getString(1), Instant.parse(rs.getString(2)), instant(rs.getString(3)),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getInt(8),
                        rs.getLong(9), rs.getLong(10), rs.getLong(11), rs.getLong(12), rs.getLong(13)));
            }
        }
        return runs;
    }

    /**
     * The id of the run a user named: its full id or a unique beginning of it.
     *
     * @throws HistoryException unusable when no run or several runs match
     */
    public String resolve(String reference) throws HistoryException {
        List<String> ids = runs().stream().map(StoredRun::runId).toList();
        if (ids.contains(reference)) return reference;
        List<String> matches = ids.stream().filter(id -> id.startsWith(reference)).toList();
        if (matches.size() == 1) return matches.get(0);
        if (matches.isEmpty()) throw missing(reference);
        throw HistoryException.unusable("'" + reference + "' matches " + matches.size() + " runs ("
                + String.join(", ", matches.subList(0, Math.min(4, matches.size())))
                + (matches.size() > 4 ? ", …" : "") + ")", "give more of the run id");
    }

    /** The newest run, if any. */
    public Optional<StoredRun> latest() throws HistoryException {
        List<StoredRun> runs = runs();
        return runs.isEmpty() ? Optional.empty() : Optional.of(runs.get(runs.size() - 1));
    }

    /** The stored run, rebuilt exactly as it was reported. */
    public Optional<RunReport> load(String runId) throws HistoryException {
        return reading(() -> {
            Optional<Long> seq = seqOf(runId);
            if (seq.isEmpty()) return Optional.empty();
            return Optional.of(loadRun(seq.get()));
        });
    }

    private RunReport loadRun(long seq) throws SQLException, HistoryException {
        String id;
        Instant started;
        Instant finished;
        String school;
        String profileName;
        String profileSha;
        try (PreparedStatement p = db.prepareStatement("SELECT id, started_at, finished_at, school, profile_name,"
                + " profile_sha256 FROM runs WHERE seq = ?")) {
            p.setLong(1, seq);
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                id = rs.getString(1);
                started = Instant.parse(rs.getString(2));
                finished = instant(rs.getString(3));
                school = rs.getString(4);
                profileName = rs.getString(5);
                profileSha = rs.getString(6);
            }
        }
        Map<String, Control> controls = new HashMap<>();
        List<Control> listed = new ArrayList<>();
        try (PreparedStatement p = db.prepareStatement("SELECT c.control_id, rc.listed, c.title, c.severity,"
                + " c.policy_refs, c.scope, c.needs, c.rationale, c.check_text, c.remediation FROM run_controls rc"
                + " JOIN controls c ON c.id = rc.control WHERE rc.run_seq = ? ORDER BY rc.position")) {
            p.setLong(1, seq);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    Set<Role> scope = new LinkedHashSet<>();
                    for (String role : strings(rs.getString(6))) {
                        scope.add(Role.fromYamlName(role).orElseThrow(() -> corrupt("unknown role " + role)));
                    }
                    Control c = new Control(rs.getString(1), rs.getString(3), Severity.valueOf(rs.getString(4)),
                            strings(rs.getString(5)), scope, new LinkedHashSet<>(strings(rs.getString(7))),
                            rs.getString(8), rs.getString(9), rs.getString(10));
                    controls.put(c.id(), c);
                    if (rs.getInt(2) == 1) listed.add(c);
                }
            }
        }
        List<RunReport.DeviceSummary> devices = new ArrayList<>();
        try (PreparedStatement p = db.prepareStatement("SELECT device_id, roles, platform, reachable, errors"
                + " FROM run_devices WHERE run_seq = ? ORDER BY position")) {
            p.setLong(1, seq);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    devices.add(new RunReport.DeviceSummary(rs.getString(1), strings(rs.getString(2)),
                            rs.getString(3), rs.getInt(4) == 1, strings(rs.getString(5))));
                }
            }
        }
        List<ControlResult> results = new ArrayList<>();
        try (PreparedStatement p = db.prepareStatement("SELECT control_id, device_id, status, evidence, waiver,"
                + " expired_waiver FROM results WHERE run_seq = ? ORDER BY position")) {
            p.setLong(1, seq);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    String controlId = rs.getString(1);
                    Control c = controls.get(controlId);
                    if (c == null) throw corrupt("a result names control " + controlId + " that the run lacks");
                    results.add(new ControlResult(c, rs.getString(2), Status.valueOf(rs.getString(3)),
                            strings(rs.getString(4)), waiver(rs.getString(5)), waiver(rs.getString(6))));
                }
            }
        }
        List<Waiver> expired = new ArrayList<>();
        try (PreparedStatement p = db.prepareStatement(
                "SELECT waiver FROM expired_waivers WHERE run_seq = ? ORDER BY position")) {
            p.setLong(1, seq);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) expired.add(waiver(rs.getString(1)));
            }
        }
        return new RunReport(id, started, finished, school, profileName, profileSha, devices, results, listed,
                expired);
    }

    // ------------------------------------------------------------------------------------- diff and trend

    /** What changed from one stored run to another (both ids as stored; see {@link #resolve}). */
    public RunDiff diff(String fromRunId, String toRunId) throws HistoryException {
        return reading(() -> {
            long from = seqOf(fromRunId).orElseThrow(() -> missing(fromRunId));
            long to = seqOf(toRunId).orElseThrow(() -> missing(toRunId));
            return RunDiff.between(fromRunId, keyedResults(from), toRunId, keyedResults(to));
        });
    }

    private Map<List<String>, RunDiff.Entry> keyedResults(long seq) throws SQLException {
        Map<List<String>, RunDiff.Entry> out = new TreeMap<>(Comparator.comparing((List<String> k) -> k.get(0))
                .thenComparing(k -> k.get(1)));
        try (PreparedStatement p = db.prepareStatement("SELECT r.control_id, r.device_id, r.status, c.severity,"
                + " c.title FROM results r JOIN run_controls rc ON rc.run_seq = r.run_seq AND rc.control_id = r.control_id"
                + " JOIN controls c ON c.id = rc.control"
                + " WHERE r.run_seq = ?")) {
            p.setLong(1, seq);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    ResultKey key = new ResultKey(rs.getString(1), rs.getString(2), Severity.valueOf(rs.getString(4)),
                            rs.getString(5));
                    out.put(List.of(key.control(), key.deviceId()),
                            new RunDiff.Entry(key, Status.valueOf(rs.getString(3))));
                }
            }
        }
        return out;
    }

    /**
     * What history adds to the report of {@code runId}: the counts of up to {@code trendRuns} runs ending with
     * it (oldest first), and the diff from the run before it (null for the first run).
     */
    public RunContext context(String runId, int trendRuns) throws HistoryException {
        List<StoredRun> runs = runs();
        int at = -1;
        for (int i = 0; i < runs.size(); i++) if (runs.get(i).runId().equals(runId)) at = i;
        if (at < 0) throw missing(runId);
        List<TrendPoint> trend = runs.subList(Math.max(0, at + 1 - trendRuns), at + 1).stream()
                .map(StoredRun::trendPoint).toList();
        RunDiff sinceLast = at == 0 ? null : diff(runs.get(at - 1).runId(), runId);
        return new RunContext(trend, sinceLast);
    }

    /**
     * When each device was last seen in any stored run (to the millisecond). Devices never seen are absent.
     */
    public Map<String, Instant> lastSeen() throws HistoryException {
        return reading(() -> {
            Map<String, Instant> seen = new TreeMap<>();
            try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT device_id, max(seen_ms) FROM run_devices WHERE seen_ms IS NOT NULL GROUP BY device_id")) {
                while (rs.next()) seen.put(rs.getString(1), Instant.ofEpochMilli(rs.getLong(2)));
            }
            return seen;
        });
    }

    // ----------------------------------------------------------------------------------------- retention

    /**
     * Removes old runs in one transaction: all but the newest {@code keepRuns} (when not null) and those
     * started before {@code startedBefore} (when not null). The newest run is always kept, so a history never
     * loses the run a scan has just recorded.
     *
     * @return the ids removed, oldest first
     */
    public List<String> prune(Integer keepRuns, Instant startedBefore) throws HistoryException {
        if (keepRuns != null && keepRuns < 1) throw new IllegalArgumentException("keepRuns must be at least 1");
        List<String> removed;
        try {
            removed = inTransaction(db, () -> {
                List<StoredRun> runs = allRuns();
                List<String> gone = new ArrayList<>();
                for (int i = 0; i < runs.size() - 1; i++) {
                    StoredRun r = runs.get(i);
                    boolean tooMany = keepRuns != null && i < runs.size() - keepRuns;
                    boolean tooOld = startedBefore != null && r.startedAt().isBefore(startedBefore);
                    if (tooMany || tooOld) gone.add(r.runId());
                }
                try (PreparedStatement p = db.prepareStatement("DELETE FROM runs WHERE id = ?")) {
                    for (String id : gone) {
                        p.setString(1, id);
                        p.addBatch();
                    }
                    p.executeBatch();
                }
                if (!gone.isEmpty()) {
                    try (Statement s = db.createStatement()) {
                        s.execute("DELETE FROM controls WHERE id NOT IN (SELECT control FROM run_controls)");
                    }
                }
                return gone;
            });
        } catch (SQLException e) {
            throw HistoryException.failed("cannot remove old runs from " + file + ": " + why(e), e);
        }
        if (!removed.isEmpty()) {
            try (Statement s = db.createStatement()) {
                s.execute("PRAGMA incremental_vacuum");
            } catch (SQLException e) {
                // The runs are gone; the file just stays its size until the next prune.
            }
        }
        return removed;
    }

    @Override
    public void close() {
        closeQuietly(db);
    }

    // --------------------------------------------------------------------------------------------- helpers

    private Optional<Long> seqOf(String runId) throws SQLException {
        try (PreparedStatement p = db.prepareStatement("SELECT seq FROM runs WHERE id = ?")) {
            p.setString(1, runId);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    private HistoryException missing(String runId) {
        return HistoryException.unusable("no run '" + runId + "' in " + file,
                "'auditor history --history " + file + "' lists the stored runs");
    }

    private HistoryException corrupt(String what) {
        return HistoryException.failed("the run history " + file + " is inconsistent: " + what, null);
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // Nothing is pending: every write committed or rolled back in its own transaction.
        }
    }

    /** SQLite's message, with what a locked file means in this tool's terms. */
    private static String why(SQLException e) {
        if (is(e, SQLiteErrorCode.SQLITE_BUSY)) {
            return "another process held it locked for too long (a scan recording or pruning); try again when it "
                    + "has finished";
        }
        if (is(e, SQLiteErrorCode.SQLITE_CORRUPT)) {
            return "the file is damaged (" + e.getMessage() + "); restore it from a backup (docs/history.md), or "
                    + "give a new file with --history FILE";
        }
        return e.getMessage();
    }

    /** True when SQLite failed with {@code primary}, or with one of its extended codes (SQLITE_BUSY_TIMEOUT…). */
    private static boolean is(SQLException e, SQLiteErrorCode primary) {
        // Extended codes carry the primary code in their low byte.
        return e instanceof SQLiteException se && (se.getResultCode().code & 0xff) == primary.code;
    }

    private static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + value, e);
        }
    }

    private List<String> strings(String json) throws HistoryException {
        try {
            return JSON.readValue(json, STRINGS);
        } catch (JsonProcessingException e) {
            throw corrupt("a list column holds " + json);
        }
    }

    private static String waiverJson(Waiver w) {
        if (w == null) return null;
        // Stored under "devicePattern" (the report says "device"): rows already written are read by that name.
        return json(JsonReport.waiver(w, "devicePattern"));
    }

    private Waiver waiver(String json) throws HistoryException {
        if (json == null) return null;
        try {
            JsonNode n = JSON.readTree(json);
            return new Waiver(text(n, "control"), text(n, "devicePattern"), text(n, "reason"), text(n, "riskAccepted"),
                    text(n, "approvedBy"), day(n, "effective"), day(n, "expires"), text(n, "source"));
        } catch (JsonProcessingException e) {
            throw corrupt("a waiver column holds " + json);
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static LocalDate day(JsonNode n, String field) {
        String t = text(n, field);
        return t == null ? null : LocalDate.parse(t);
    }
}
