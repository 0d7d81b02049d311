package io.auditor.collect.parsers;

import io.auditor.collect.UnrecognisedOutputException;
import io.auditor.model.facts.AdminGroup;
import io.auditor.model.facts.Fact;
import io.auditor.model.facts.GroupMember;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.auditor.collect.parsers.Samples.*;
import static org.junit.jupiter.api.Assertions.*;

class GetentGroupParserTest {
    private final GetentGroupParser parser = new GetentGroupParser();

    @Test
    void recordedDebian() throws Exception {
        List<Fact> facts = parse(parser, "admin-groups", "recorded-debian12.txt");
        assertEquals(List.of(
                new AdminGroup(DEVICE, "admin-groups", "sudo", 0),
                new AdminGroup(DEVICE, "admin-groups", "uid0", 1),
                new GroupMember(DEVICE, "admin-groups", "uid0", "root", "user", "local")), facts);
    }

    @Test
    void severalAdminsAndMergedUid0() throws Exception {
        List<Fact> facts = parse(parser, "admin-groups", "several-admins.txt");
        assertEquals(List.of(new AdminGroup(DEVICE, "admin-groups", "sudo", 2),
                        new AdminGroup(DEVICE, "admin-groups", "admin", 0),
                        new AdminGroup(DEVICE, "admin-groups", "uid0", 2)),
                only(facts, AdminGroup.class));
        assertEquals(List.of("sudo:alice", "sudo:bob", "uid0:root", "uid0:toor"),
                only(facts, GroupMember.class).stream().map(m -> m.group() + ":" + m.member()).toList());
        assertTrue(only(facts, GroupMember.class).stream()
                .allMatch(m -> m.memberType().equals("user") && m.origin().equals("local")));
    }

    @Test
    void rejectsGarbageWithLineNumber() {
        for (String g : GARBAGE) rejects(parser, "admin-groups", g);
        assertEquals(0, rejects(parser, "admin-groups", "").line());
        UnrecognisedOutputException e = rejects(parser, "admin-groups", "sudo:x:27:alice\nwheel:x:ten:bob\n");
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("wheel:x:ten:bob"), e.getMessage());
        assertEquals(1, rejects(parser, "admin-groups", "sudo:x:27\n").line());
        assertEquals(1, rejects(parser, "admin-groups", ":x:27:alice\n").line());
    }

    /** A group line flooded up to the transport's cap: duplicates merged in linear time (was quadratic). */
    @Test
    void aFloodedGroupLineIsParsedInLinearTime() throws Exception {
        StringBuilder line = new StringBuilder("sudo:x:27:");
        int n = 0;
        while (line.length() < 4 * 1024 * 1024 - 20) line.append(n == 0 ? "" : ",").append("u").append(n++ % 300_000);
        String output = line + "\nuid0:x:0:root\n";
        List<Fact> facts = assertTimeoutPreemptively(java.time.Duration.ofSeconds(10),
                () -> parseText(parser, "admin-groups", output));
        assertEquals(new AdminGroup(DEVICE, "admin-groups", "sudo", 300_000), facts.get(0));
        assertEquals(300_000 + 1 + 2, facts.size(), "each member once, plus uid0's root and the two groups");
    }
}
