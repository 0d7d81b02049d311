package io.auditor.collect.parsers;

import io.auditor.collect.UnrecognisedOutputException;
import io.auditor.model.facts.BackupRun;
import io.auditor.model.facts.BackupStatus;
import io.auditor.model.facts.Fact;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static io.auditor.collect.parsers.Samples.*;
import static org.junit.jupiter.api.Assertions.*;

class ResticSnapshotsParserTest {
    private final ResticSnapshotsParser parser = new ResticSnapshotsParser();

    @Test
    void twoSnapshots() throws Exception {
        List<Fact> facts = parse(parser, "restic-snapshots", "two-snapshots-0.17.txt");
        assertEquals(new BackupStatus(DEVICE, "restic-snapshots", OBSERVED, "restic", 2), one(facts, BackupStatus.class));
        List<BackupRun> runs = only(facts, BackupRun.class);
        assertEquals(new BackupRun(DEVICE, "restic-snapshots", "restic", "/etc, /srv/data",
                Instant.parse("2024-11-18T02:00:04.512387245Z"), true, "snapshot 3a1f9c0e of srv-01"), runs.get(0));
        assertEquals(Instant.parse("2024-11-19T02:00:03.998120431Z"), runs.get(1).finishedAt());
        assertEquals("snapshot b7e2c41d of srv-01", runs.get(1).detail());
    }

    @Test
    void snapshotBefore017WithOffset() throws Exception {
        List<Fact> facts = parse(parser, "restic-snapshots", "one-snapshot-0.14.txt");
        BackupRun run = one(facts, BackupRun.class);
        assertEquals(Instant.parse("2024-06-30T22:15:02.73514839Z"), run.finishedAt());
        assertEquals("/home", run.dataSet());
        assertEquals("snapshot e4d3c2b1 of files-01", run.detail());
        assertTrue(run.success());
    }

    @Test
    void emptyRepository() throws Exception {
        List<Fact> facts = parse(parser, "restic-snapshots", "empty.txt");
        assertEquals(List.of(new BackupStatus(DEVICE, "restic-snapshots", OBSERVED, "restic", 0)), facts);
    }

    @Test
    void shortIdFromIdWhenMissing() throws Exception {
        BackupRun run = one(parseText(parser, "restic-snapshots",
                "[{\"time\":\"2024-11-19T02:00:03Z\",\"paths\":[\"/a\"],\"hostname\":\"h\",\"id\":\"0123456789abcdef\"}]"),
                BackupRun.class);
        assertEquals("snapshot 01234567 of h", run.detail());
    }

    @Test
    void rejectsGarbage() {
        for (String g : GARBAGE) rejects(parser, "restic-snapshots", g);
        rejects(parser, "restic-snapshots", "");
        rejects(parser, "restic-snapshots", "{\"message_type\":\"summary\"}");
        rejects(parser, "restic-snapshots", "[1, 2]");
        rejects(parser, "restic-snapshots", "[{\"time\":\"yesterday\",\"paths\":[]}]");
        rejects(parser, "restic-snapshots", "[{\"paths\":[\"/a\"]}]");
        assertEquals(2, rejects(parser, "restic-snapshots", "[\n{\"time\": }]").line());
        rejects(parser, "restic-snapshots", "[] trailing");
    }

    @Test
    void aSnapshotInTheFutureIsRefusedAndYearOneIsAnOldRun() throws Exception {
        UnrecognisedOutputException e = rejects(parser, "restic-snapshots",
                "[{\"time\":\"2024-11-18T02:00:04Z\",\"paths\":[\"/a\"]},{\"time\":\"9999-12-31T23:59:59Z\",\"paths\":[\"/a\"]}]");
        assertTrue(e.getMessage().startsWith("snapshot 2 time 9999-12-31T23:59:59Z is after"), e.getMessage());
        BackupRun old = one(parseText(parser, "restic-snapshots",
                "[{\"time\":\"0001-01-01T00:00:00Z\",\"paths\":[\"/a\"]}]"), BackupRun.class);
        assertEquals(java.time.Instant.parse("0001-01-01T00:00:00Z"), old.finishedAt());
    }
}
