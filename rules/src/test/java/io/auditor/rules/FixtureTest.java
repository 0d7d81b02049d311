package io.auditor.rules;

import io.auditor.model.Control;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every fixture beside every built-in rule, as one test each. */
class FixtureTest {
    static RulePack pack;

    @BeforeAll
    static void load() throws Exception {
        pack = RulePack.load(List.of());
    }

    @TestFactory
    Stream<DynamicTest> everyFixture() {
        FixtureRunner runner = new FixtureRunner(pack);
        return pack.fixtures().stream().map(f -> DynamicTest.dynamicTest(f.source(), () -> {
            FixtureOutcome o = runner.run(f);
            assertTrue(o.passed(), () -> String.join("\n", o.failures()));
        }));
    }

    @Test
    void everyControlShowsPassGapAndNotAssessed() {
        for (Control c : pack.controls()) {
            List<String> names = pack.fixtures().stream().filter(f -> f.ownControls().contains(c.id()))
                    .map(Fixture::name).toList();
            for (String status : List.of("pass-", "gap-", "not-assessed-")) {
                assertTrue(names.stream().anyMatch(n -> n.startsWith(status)),
                        c.id() + " has no " + status + "* fixture; it has " + names);
            }
        }
    }

    @Test
    void builtInPackHasTheHeadlineControls() {
        List<String> ids = pack.controls().stream().map(Control::id).toList();
        for (String id : List.of("ADM-01", "AV-01", "AV-02", "BAK-01", "PATCH-01", "VC-01")) {
            assertTrue(ids.contains(id), id + " missing from " + ids);
        }
        assertFalse(pack.fixtures().isEmpty());
    }
}
