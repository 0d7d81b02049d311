package io.auditor.cli;

import io.auditor.model.Device;
import io.auditor.model.DeviceOutcome;
import io.auditor.model.Role;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The progress display: a bar redrawn in place on a terminal, one plain line per device otherwise. */
class ScanProgressTest {
    static final Device WS = new Device("ws-1", Set.of(Role.WORKSTATION), "windows", "10.0.0.1", null, "c", false);
    static final Device SRV = new Device("srv-1", Set.of(Role.SERVER), "debian", "10.0.0.2", null, "c", false);
    static final DeviceOutcome OK = new DeviceOutcome("ws-1", true, List.of(), Map.of(), Set.of("updates"));
    static final DeviceOutcome DOWN = new DeviceOutcome("srv-1", false,
            List.of("connection refused by 10.0.0.2\u001b[31m"), Map.of(), Set.of());

    @Test
    void onATerminalTheBarIsRedrawnAndFailuresArePrintedAboveIt() {
        StringWriter out = new StringWriter();
        AtomicLong clock = new AtomicLong();
        ScanProgress p = new ScanProgress(new PrintWriter(out), true, clock::get);
        clock.set(2_000_000_000L);
        p.deviceDone(1, 2, WS, OK);
        clock.set(4_000_000_000L);
        p.deviceDone(2, 2, SRV, DOWN);
        p.finish();
        String s = out.toString();
        assertTrue(s.contains("\r\u001b[K[############------------] 1/2 devices, 0 failed, 0.5 devices/s · ws-1"), s);
        assertTrue(s.contains("\r\u001b[K[2/2] srv-1 … unreachable: connection refused by 10.0.0.2"), s);
        assertTrue(s.endsWith("[########################] 2/2 devices, 1 failed, 0.5 devices/s\n"), s);
        assertFalse(s.contains("\u001b[31m"), "device text is cleaned of terminal control sequences");
    }

    @Test
    void otherwiseOnePlainLinePerDevice() {
        StringWriter out = new StringWriter();
        ScanProgress p = new ScanProgress(new PrintWriter(out), false, System::nanoTime);
        p.deviceDone(1, 2, WS, OK);
        p.deviceDone(2, 2, SRV, DOWN);
        p.note("trusted new host key of srv-1");
        p.finish();
        assertEquals("[1/2] ws-1 … ok\n[2/2] srv-1 … unreachable: connection refused by 10.0.0.2\n"
                + "trusted new host key of srv-1\n", out.toString().replace(System.lineSeparator(), "\n"));
    }
}
