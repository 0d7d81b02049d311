package io.auditor.collect;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TextTest {
    /** --command-timeout and --connect-timeout are named alike by the SSH and SNMP transports. */
    @Test
    void durationsAreNamedAsWritten() {
        assertEquals("1 ms", Text.duration(Duration.ofMillis(1)));
        assertEquals("500 ms", Text.duration(Duration.ofMillis(500)));
        assertEquals("1 s", Text.duration(Duration.ofSeconds(1)));
        assertEquals("1.5 s", Text.duration(Duration.ofMillis(1500)));
        assertEquals("60 s", Text.duration(Duration.ofMinutes(1)));
    }
}
