package io.auditor.cli;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.fail;

/** Waits for a condition to become true, up to a limit: for effects that end on other threads (closing sockets). */
final class Await {
    private Await() {}

    static void until(BooleanSupplier condition, Duration limit, Supplier<String> whatIsWrong) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) fail("after " + limit.toSeconds() + " s: " + whatIsWrong.get());
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
    }
}
