package io.auditor.report.history;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The history schema, as the ordered list of steps that build it. The file's {@code PRAGMA user_version}
 * is the number of steps applied; opening an older file applies the missing steps in one transaction, so
 * a failed migration leaves the file as it was. Steps are only ever appended: a released step is never
 * edited, because files in the field were built by it.
 */
final class Migrations {
    private Migrations() {}

    /** {@code PRAGMA application_id}: "AUDT", so another program's SQLite file is recognised and refused. */
    static final int APPLICATION_ID = 0x41554454;

    private static final List<String> V1 = List.of(
            "PRAGMA application_id = " + APPLICATION_ID,
            // seq orders runs as recorded; id is the run id users see and type.
            """
            CREATE TABLE runs (
              seq            INTEGER PRIMARY KEY,
              id             TEXT    NOT NULL UNIQUE,
              started_at     TEXT    NOT NULL,
              started_ms     INTEGER NOT NULL,
              finished_at    TEXT,
              school         TEXT    NOT NULL,
              profile_name   TEXT,
              profile_sha256 TEXT,
              tool_version   TEXT    NOT NULL,
              recorded_at    TEXT    NOT NULL
            )""",
            "CREATE INDEX runs_by_start ON runs (started_ms, seq)",
            // Lists (roles, errors, evidence, policy refs…) are JSON arrays: they are only ever read whole.
            """
            CREATE TABLE run_devices (
              run_seq   INTEGER NOT NULL REFERENCES runs (seq) ON DELETE CASCADE,
              position  INTEGER NOT NULL,
              device_id TEXT    NOT NULL,
              roles     TEXT    NOT NULL,
              platform  TEXT    NOT NULL,
              reachable INTEGER NOT NULL,
              errors    TEXT    NOT NULL,
              seen_ms   INTEGER,
              PRIMARY KEY (run_seq, position)
            ) WITHOUT ROWID""",
            // seen_ms: when the run saw the device (answering, or in a switch's tables), for INV-02 later.
            "CREATE INDEX run_devices_by_device ON run_devices (device_id, seen_ms)",
            // The controls' metadata as each run's rule pack had it, so an old run re-renders as it was. The
            // wording rarely changes between runs, so each distinct version is stored once (sha256 of its fields).
            """
            CREATE TABLE controls (
              id          INTEGER PRIMARY KEY,
              sha256      TEXT    NOT NULL UNIQUE,
              control_id  TEXT    NOT NULL,
              title       TEXT    NOT NULL,
              severity    TEXT    NOT NULL,
              policy_refs TEXT    NOT NULL,
              scope       TEXT    NOT NULL,
              needs       TEXT    NOT NULL,
              rationale   TEXT,
              check_text  TEXT,
              remediation TEXT
            )""",
            // listed = 1 for the controls of the run's pack (RunReport.controls), in their order.
            """
            CREATE TABLE run_controls (
              run_seq     INTEGER NOT NULL REFERENCES runs (seq) ON DELETE CASCADE,
              position    INTEGER NOT NULL,
              control_id  TEXT    NOT NULL,
              listed      INTEGER NOT NULL,
              control     INTEGER NOT NULL REFERENCES controls (id),
              PRIMARY KEY (run_seq, control_id)
            ) WITHOUT ROWID""",
            """
            CREATE TABLE results (
              run_seq        INTEGER NOT NULL REFERENCES runs (seq) ON DELETE CASCADE,
              position       INTEGER NOT NULL,
              control_id     TEXT    NOT NULL,
              device_id      TEXT    NOT NULL,
              status         TEXT    NOT NULL
                             CHECK (status IN ('PASS', 'GAP', 'NOT_ASSESSED', 'WAIVED', 'NOT_APPLICABLE')),
              evidence       TEXT    NOT NULL,
              waiver         TEXT,
              expired_waiver TEXT,
              PRIMARY KEY (run_seq, position)
            ) WITHOUT ROWID""",
            """
            CREATE TABLE expired_waivers (
              run_seq  INTEGER NOT NULL REFERENCES runs (seq) ON DELETE CASCADE,
              position INTEGER NOT NULL,
              waiver   TEXT    NOT NULL,
              PRIMARY KEY (run_seq, position)
            )""");

    /**
     * Version 2: each run's device and result counts on its row, so {@code auditor history} and the trend
     * read one row per run instead of every result. Runs recorded by version 1 get their counts from
     * their results.
     */
    private static final List<String> V2 = List.of(
            "ALTER TABLE runs ADD COLUMN devices INTEGER NOT NULL DEFAULT 0",
            "ALTER TABLE runs ADD COLUMN pass INTEGER NOT NULL DEFAULT 0",
            "ALTER TABLE runs ADD COLUMN gap INTEGER NOT NULL DEFAULT 0",
            "ALTER TABLE runs ADD COLUMN not_assessed INTEGER NOT NULL DEFAULT 0",
            "ALTER TABLE runs ADD COLUMN waived INTEGER NOT NULL DEFAULT 0",
            "ALTER TABLE runs ADD COLUMN not_applicable INTEGER NOT NULL DEFAULT 0",
            """
            UPDATE runs SET
              devices        = (SELECT count(*) FROM run_devices d WHERE d.run_seq = runs.seq),
              pass           = (SELECT count(*) FROM results r WHERE r.run_seq = runs.seq AND r.status = 'PASS'),
              gap            = (SELECT count(*) FROM results r WHERE r.run_seq = runs.seq AND r.status = 'GAP'),
              not_assessed   = (SELECT count(*) FROM results r WHERE r.run_seq = runs.seq AND r.status = 'NOT_ASSESSED'),
              waived         = (SELECT count(*) FROM results r WHERE r.run_seq = runs.seq AND r.status = 'WAIVED'),
              not_applicable = (SELECT count(*) FROM results r WHERE r.run_seq = runs.seq AND r.status = 'NOT_APPLICABLE')
            """);

    private static final List<List<String>> STEPS = List.of(V1, V2);

    /** The schema version this code writes. */
    static final int CURRENT = STEPS.size();

    /**
     * Applies steps {@code from+1 .. to} and records {@code to} as the file's version. The caller holds the
     * write transaction.
     */
    static void apply(Connection c, int from, int to) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (int v = from + 1; v <= to; v++) {
                for (String sql : STEPS.get(v - 1)) s.execute(sql);
            }
            s.execute("PRAGMA user_version = " + to);
        }
    }
}
