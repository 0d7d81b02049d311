package io.auditor.collect.parsers;

import io.auditor.model.facts.FilterListUpdate;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static io.auditor.collect.parsers.Samples.*;
import static org.junit.jupiter.api.Assertions.*;

class ListTimestampsParserTest {
    private final ListTimestampsParser parser = new ListTimestampsParser();

    @Test
    void squidGuardLists() throws Exception {
        List<FilterListUpdate> lists = only(parse(parser, "pf-filter-lists", "squidguard-ut1.txt"), FilterListUpdate.class);
        assertEquals(8, lists.size());
        assertEquals(new FilterListUpdate(DEVICE, "pf-filter-lists", "/var/db/squidGuard/blk_blacklists/adult/domains",
                Instant.parse("2026-11-22T23:40:00Z"), OBSERVED), lists.get(0));
    }

    @Test
    void otherSamples() throws Exception {
        assertEquals(2, parse(parser, "pf-filter-lists", "pfblockerng-stale.txt").size());
        assertEquals(Instant.parse("2026-09-21T14:13:20Z"),
                only(parse(parser, "pf-filter-lists", "pfblockerng-stale.txt"), FilterListUpdate.class).get(0).updatedAt());
        assertEquals(3, parse(parser, "opn-filter-lists", "proxy-and-unbound.txt").size());
    }

    @Test
    void rejectsNoFilesFutureTimesAndGarbage() {
        assertTrue(rejects(parser, "pf-filter-lists", "").getMessage().contains("no blocklist files"));
        assertTrue(rejects(parser, "pf-filter-lists", "\n\n").getMessage().contains("no blocklist files"));
        long future = OBSERVED.plusSeconds(3 * 86400).getEpochSecond();
        assertEquals(2, rejects(parser, "pf-filter-lists", "1795390800 /a\n" + future + " /b\n").line());
        assertEquals(1, rejects(parser, "pf-filter-lists", "stat: /var/db/squidGuard: No such file or directory\n").line());
        for (String g : GARBAGE) rejects(parser, "pf-filter-lists", g);
    }
}
