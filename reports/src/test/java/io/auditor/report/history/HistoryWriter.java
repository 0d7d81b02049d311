package io.auditor.report.history;

import io.auditor.model.RunReport;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * A child process for {@link KilledWriteTest}: records a large run and, once half its results are written
 * inside the transaction, prints {@value #SIGNAL} and waits to be killed.
 */
public final class HistoryWriter {
    static final String SIGNAL = "IN-TRANSACTION";

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int results = Integer.parseInt(args[1]);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < results; i++) lines.add("AV-01 ws-" + i + " GAP");
        RunReport big = Runs.run("BIG", Instant.parse("2026-11-21T02:00:00Z"), lines.toArray(new String[0]));
        try (RunHistory h = RunHistory.open(file)) {
            h.record(big, "v", written -> {
                if (written < results / 2) return;
                System.out.println(SIGNAL);
                System.out.flush();
                try {
                    new CountDownLatch(1).await(); // until killed
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        System.out.println("COMMITTED"); // never reached: the parent kills this process first
    }
}
