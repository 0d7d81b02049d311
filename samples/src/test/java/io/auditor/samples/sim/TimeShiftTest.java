package io.auditor.samples.sim;

import io.auditor.collect.Parser;
import io.auditor.collect.Parsers;
import io.auditor.collect.Platform;
import io.auditor.collect.PlatformCatalog;
import io.auditor.collect.Probe;
import io.auditor.collect.UnrecognisedOutputException;
import io.auditor.model.Observation;
import io.auditor.model.facts.AntiMalwareStatus;
import io.auditor.model.facts.BackupCheck;
import io.auditor.model.facts.BackupRun;
import io.auditor.model.facts.DirectoryAccount;
import io.auditor.model.facts.Fact;
import io.auditor.model.facts.FilterListUpdate;
import io.auditor.model.facts.PendingUpdate;
import io.auditor.model.facts.UpdateHistory;
import io.auditor.model.facts.UpdateStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * TimeShift on the recorded outputs: each format moved exactly (expected values worked out by hand from the
 * recorded numbers, not by TimeShift), every capture round-trips byte for byte, and the real parsers read the
 * same ages from a shifted capture at the shifted time as from the original at its capture time.
 */
class TimeShiftTest {
    /** Surefire runs in the module folder. */
    static final Path CAPTURES = Path.of("estate", "captures");
    static final Path FORMATS = Path.of("formats");
    static final Path INVENTORY = Path.of("estate", "inventory.yaml");
    /** The demo school: its own captures (demo/captures) and which platform each serves as. */
    static final Path SCHOOL = Path.of("demo", "school.yaml");
    static final Path DEMO_CAPTURES = Path.of("demo", "captures");
    static final Instant CAPTURED = Instant.parse("2026-11-20T02:00:00Z");
    /** samples/formats/README.md: recorded on 2026-11-25, after every date in the samples. */
    static final Instant FORMATS_TAKEN = Instant.parse("2026-11-25T12:00:00Z");
    static final TimeShift PLUS_400 = TimeShift.by(CAPTURED, Duration.ofDays(400));
    /** Not a whole number of days, hours or minutes: moves clocks across midnight and month ends. */
    static final Duration AWKWARD = Duration.ofDays(400).plusHours(13).plusMinutes(27).plusSeconds(41);

    private static void assertShifted(String original, String expected) {
        assertEquals(expected, PLUS_400.apply(original));
        assertEquals(original, PLUS_400.reversed().apply(expected), "reversed");
    }

    private static void assertUnchanged(String text) {
        assertSame(text, PLUS_400.apply(text), "changed: " + text);
        assertSame(text, TimeShift.by(CAPTURED, AWKWARD).apply(text), "changed: " + text);
    }

    // ---- one test per format, lines from samples/estate/captures and samples/formats ----

    @Test
    void isoDateMovesByCalendarDays() {
        assertShifted("        \"InstalledOn\":  \"2026-11-13\"", "        \"InstalledOn\":  \"2027-12-18\"");
        assertShifted("*s SystemUnit Software ReleaseDate: \"2024-06-20\"", "*s SystemUnit Software ReleaseDate: \"2025-07-25\"");
        // 13:27:41 after 02:00 is still the same UTC day, so a date moves by the 400 whole days.
        assertEquals("\"InstalledOn\":  \"2027-12-18\"",
                TimeShift.by(CAPTURED, AWKWARD).apply("\"InstalledOn\":  \"2026-11-13\""));
        // 23:00 + 13:27:41 crosses midnight: the date moves by 401 days, as "today" does.
        TimeShift late = TimeShift.by(Instant.parse("2026-11-20T23:00:00Z"), AWKWARD);
        assertEquals("2027-12-19", late.apply("2026-11-13"));
        assertEquals("2026-11-13", late.reversed().apply("2027-12-19"));
    }

    @Test
    void isoDateTimeKeepsPrecisionAndOffset() {
        assertShifted("[{\"time\":\"2026-11-17T23:00:12.554301298Z\",\"tree\":\"e9b1d3f5\"",
                "[{\"time\":\"2027-12-22T23:00:12.554301298Z\",\"tree\":\"e9b1d3f5\"");
        assertEquals("[{\"time\":\"2025-08-05T12:42:43.73514839+01:00\"",
                TimeShift.by(CAPTURED, AWKWARD).apply("[{\"time\":\"2024-06-30T23:15:02.73514839+01:00\""));
        // PowerShell 7 without an offset, dnf 5's space-separated issued time.
        assertShifted("\"LastDeploymentChangeTime\": \"2024-11-12T00:00:00\"", "\"LastDeploymentChangeTime\": \"2025-12-17T00:00:00\"");
        assertEquals("kernel-6.12.0-55.18.1.el10_0.x86_64   2027-12-07 22:42:36",
                TimeShift.by(CAPTURED, AWKWARD).apply("kernel-6.12.0-55.18.1.el10_0.x86_64   2026-11-02 09:14:55"));
        assertShifted("capturedAt=2026-11-20T02:00:00Z", "capturedAt=2027-12-25T02:00:00Z");
    }

    @Test
    void powershellJsonDate() {
        assertShifted("    \"AntivirusSignatureLastUpdated\":  \"\\/Date(1795064530000)\\/\"",
                "    \"AntivirusSignatureLastUpdated\":  \"\\/Date(1829624530000)\\/\"");
        assertShifted("    \"LastSuccessfulBackupTime\":  \"\\/Date(1795125631000)\\/\",",
                "    \"LastSuccessfulBackupTime\":  \"\\/Date(1829685631000)\\/\",");
        assertShifted("\"WhenCreated\":\"\\/Date(1567411200000)\\/\"", "\"WhenCreated\":\"\\/Date(1601971200000)\\/\"");
        assertShifted("/Date(1795064530000+0100)/", "/Date(1829624530000+0100)/");
        // DateTime.MinValue means "never" (wsb-summary/never-backed-up.txt): not a time to move.
        assertUnchanged("    \"LastSuccessfulBackupTime\":  \"\\/Date(-62135596800000)\\/\",");
    }

    @Test
    void epochSeconds() {
        assertShifted("index-refreshed: 1795069511 /var/lib/apt/periodic/update-success-stamp",
                "index-refreshed: 1829629511 /var/lib/apt/periodic/update-success-stamp");
        assertShifted("1795131600 /var/db/squidGuard/blk_blacklists/adult/domains",
                "1829691600 /var/db/squidGuard/blk_blacklists/adult/domains");
        assertShifted("\t\t<time>1700000000</time>", "\t\t<time>1734560000</time>");
        assertShifted("{\"mtime\":1795069511000}", "{\"mtime\":1829629511000}");
    }

    @Test
    void windowsFileTime() {
        assertShifted("\"LastLogonTimestamp\":134395992010000000,\"WhenCreated\"",
                "\"LastLogonTimestamp\":134741592010000000,\"WhenCreated\"");
        assertShifted("pwdLastSet: 134395992010000000", "pwdLastSet: 134741592010000000");
        assertUnchanged("\"LastLogonTimestamp\":null,\"WhenCreated\":null");
    }

    @Test
    void ctimeRecomputesWeekdayAndKeepsPadding() {
        assertShifted("ClamAV 1.0.7/27829/Thu Nov 19 08:27:02 2026", "ClamAV 1.0.7/27829/Fri Dec 24 08:27:02 2027");
        TimeShift month = TimeShift.by(Instant.parse("2024-11-06T00:00:00Z"), Duration.ofDays(30));
        assertEquals("ClamAV 1.0.7/27453/Thu Dec  5 09:38:21 2024", month.apply("ClamAV 1.0.7/27453/Tue Nov  5 09:38:21 2024"));
        TimeShift tenDays = TimeShift.by(Instant.parse("2024-10-27T00:00:00Z"), Duration.ofDays(10));
        assertEquals("Tue Nov  5 09:38:21 2024", tenDays.apply("Sat Oct 26 09:38:21 2024"));
        assertEquals("Sat Oct 26 09:38:21 2024", tenDays.reversed().apply("Tue Nov  5 09:38:21 2024"));
        // date(1) puts the zone before the year; RFC 1123 (HTTP) has a comma after the weekday.
        assertShifted("Thu Nov 19 08:27:02 UTC 2026", "Fri Dec 24 08:27:02 UTC 2027");
        assertShifted("Thu, 19 Nov 2026 08:27:02 GMT", "Fri, 24 Dec 2027 08:27:02 GMT");
    }

    @Test
    void systemdRecomputesWeekday() {
        assertShifted("ExecMainExitTimestamp=Sun 2026-06-14 03:20:11 UTC", "ExecMainExitTimestamp=Mon 2027-07-19 03:20:11 UTC");
        assertUnchanged("ExecMainExitTimestamp=");
    }

    @Test
    void numbersThatAreNotTimesStay() {
        assertUnchanged("    \"Version\":  \"10.0.20348\",");
        assertUnchanged("tzdata/bookworm-updates 2026a-0+deb12u1 all [upgradable from: 2025b-0+deb12u1]");
        assertUnchanged("Cisco IOS Software, C2960X Software (C2960X-UNIVERSALK9-M), Version 15.2(7)E4, RELEASE SOFTWARE (fc2)");
        assertUnchanged("                       \"SID\":  \"S-1-5-21-2049583320-3413451096-1793341900-512\",");
        assertUnchanged("\t\t\t<tracker>1700000101</tracker>"); // a rule id, though pfSense makes it from the clock
        assertUnchanged(".1.3.6.1.2.1.1.3.0 = Timeticks: (1795069511) 207 days, 18:18:15.11");
        assertUnchanged("\"data_added\":1795069511,\"total_files_processed\":18281");
        assertUnchanged("ExecMainExitTimestampMonotonic=1795069511\nInactivityTimeout: 1795069511");
        assertUnchanged("<time>1795069511.5678</time> 1795069511abc 10.20.1.1795069511");
        assertUnchanged("\t\t<nextuid>2002</nextuid> sudo:x:27:itadmin Copyright (c) 1986-2021 by Cisco Systems, Inc.");
        assertUnchanged("ca-certificates_20230311+deb12u1_all RHSA-2026:1021 backup-2026-11-13 2026-11-13-1 2026-11-13.2");
        assertUnchanged("0001-01-01T00:00:00 9999-12-31 2026-02-30 2026-13-01");
        // Unlabelled numbers far from the capture are sizes or counts, not times.
        assertUnchanged("1234567890 /var/db/squidGuard/old/domains");
        // A year-month title names an update; it is left as it is (see TimeShift).
        assertUnchanged("\"Title\":  \"2026-10 Cumulative Update for Windows 11 Version 24H2 for x64-based Systems (KB5066835)\",");
    }

    @Test
    void unlabelledNumbersOnlyNearTheCapture() {
        long capture = CAPTURED.getEpochSecond();
        long fourYearsBefore = capture - 4 * 365 * 86_400L;
        long sixYearsAfter = capture + 6 * 365 * 86_400L;
        long shift = 400 * 86_400L;
        assertShifted(fourYearsBefore + " /var/db/squidGuard/old/domains", (fourYearsBefore + shift) + " /var/db/squidGuard/old/domains");
        assertUnchanged(sixYearsAfter + " /var/db/squidGuard/future/domains");
        // Under a time label the window does not apply: the label says what the number is.
        assertShifted("index-refreshed: " + sixYearsAfter + " /x", "index-refreshed: " + (sixYearsAfter + shift) + " /x");
        // FILETIME without a label: 2026-11-19T22:00:01Z is near the capture, 2011 is not.
        assertShifted("svc-backup 134395992010000000", "svc-backup 134741592010000000");
        assertUnchanged("build 129420000000000000");
    }

    @Test
    void shiftIsWholeSecondsAndFactoriesAgree() {
        Instant now = Instant.parse("2027-03-05T15:04:05.987654321Z");
        TimeShift s = TimeShift.between(CAPTURED, now);
        assertEquals(Duration.ofSeconds(Duration.between(CAPTURED, now).getSeconds()), s.duration());
        assertEquals(Instant.parse("2027-03-05T15:04:05Z"), s.to());
        assertEquals(CAPTURED, s.from());
        assertEquals(s.to(), s.reversed().from());
        assertEquals(CAPTURED, s.reversed().to());
        assertTrue(TimeShift.by(CAPTURED, Duration.ZERO).isZero());
        assertEquals(Duration.ofDays(3), TimeShift.by(Duration.ofDays(3)).duration());
        assertEquals("index-refreshed: 1795328711 /x", TimeShift.by(Duration.ofDays(3)).apply("index-refreshed: 1795069511 /x"));
    }

    @Test
    void recordingShiftKeepsExitStatusAndOtherBytes() {
        byte[] bytes = "caf\u00e9 \u2713 Thu Nov 19 08:27:02 2026\r\n\u00ff".getBytes(StandardCharsets.UTF_8);
        byte[] withBadUtf8 = new byte[bytes.length + 2];
        System.arraycopy(bytes, 0, withBadUtf8, 0, bytes.length);
        withBadUtf8[bytes.length] = (byte) 0xFF; // never valid in UTF-8
        withBadUtf8[bytes.length + 1] = (byte) 0xC3; // a lead byte without its continuation
        Recording r = new Recording(withBadUtf8, 3);
        Recording shifted = r.shifted(PLUS_400);
        assertEquals(3, shifted.exitStatus());
        assertEquals("caf\u00e9 \u2713 Fri Dec 24 08:27:02 2027\r\n\u00ff",
                new String(shifted.output(), 0, bytes.length, StandardCharsets.UTF_8));
        assertEquals(r, shifted.shifted(PLUS_400.reversed()));
        assertEquals(r, PLUS_400.reversed().apply(PLUS_400.apply(r)));
        assertSame(r, r.shifted(TimeShift.by(CAPTURED, Duration.ZERO)));
    }

    @Test
    void capturedAtOfACaptureFolder(@TempDir Path dir) throws IOException {
        assertEquals(CAPTURED, TimeShift.capturedAt(CAPTURES.resolve("srv-mis")));
        Files.writeString(dir.resolve("capture.properties"), "# recorded\ncapturedAt = 2026-11-20T03:00:00+01:00\n");
        assertEquals(CAPTURED, TimeShift.capturedAt(dir));
        Files.writeString(dir.resolve("capture.properties"), "capturedAt=20 November\n");
        IOException bad = assertThrows(IOException.class, () -> TimeShift.capturedAt(dir));
        assertTrue(bad.getMessage().contains("'20 November' is not an ISO-8601 instant"), bad.getMessage());
        IOException missing = assertThrows(IOException.class, () -> TimeShift.capturedAt(dir.resolve("none")));
        assertTrue(missing.getMessage().contains("capture.properties is missing"), missing.getMessage());
        Files.writeString(dir.resolve("capture.properties"), "# nothing\n");
        IOException empty = assertThrows(IOException.class, () -> TimeShift.capturedAt(dir));
        assertTrue(empty.getMessage().contains("has no capturedAt"), empty.getMessage());
    }

    // ---- every recorded file ----

    static List<Path> files(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    @Test
    void everyFileRoundTripsByteForByte() throws IOException {
        int changed = 0;
        for (Path root : List.of(CAPTURES, FORMATS, DEMO_CAPTURES)) {
            for (Path f : files(root)) {
                Path properties = f.resolveSibling(TimeShift.CAPTURE_PROPERTIES);
                Instant taken = Files.exists(properties) ? TimeShift.capturedAt(f.getParent()) : FORMATS_TAKEN;
                byte[] original = Files.readAllBytes(f);
                for (Duration d : List.of(Duration.ofDays(400), AWKWARD, Duration.ofDays(-400), AWKWARD.negated())) {
                    TimeShift s = TimeShift.by(taken, d);
                    byte[] there = s.apply(original);
                    assertArrayEquals(original, s.reversed().apply(there), () -> f + " shifted by " + d + " and back");
                    if (!java.util.Arrays.equals(original, there)) changed++;
                }
                assertArrayEquals(original, TimeShift.by(taken, Duration.ZERO).apply(original), f + " by zero");
                assertArrayEquals(original, TimeShift.between(taken, taken).apply(original), f + " between equal times");
            }
        }
        assertTrue(changed > 100, "only " + changed + " shifted files differ from their originals");
    }

    /** Times in November 2026 in any of the recognised layouts, found by simple patterns of the test's own. */
    static final Instant NOV_2026 = Instant.parse("2026-11-01T00:00:00Z");
    static final Instant DEC_2026 = Instant.parse("2026-12-01T00:00:00Z");
    static final Pattern NOVEMBER_TEXT = Pattern.compile("2026-11-\\d\\d|Nov [ \\d]\\d \\d\\d:\\d\\d:\\d\\d 2026|\\d\\d Nov 2026");
    static final Pattern NUMBER = Pattern.compile("\\d{10,18}");

    static List<String> novemberTimes(String text) {
        List<String> found = new ArrayList<>();
        Matcher m = NOVEMBER_TEXT.matcher(text);
        while (m.find()) found.add(m.group());
        Matcher n = NUMBER.matcher(text);
        while (n.find()) {
            String v = n.group();
            long x = Long.parseLong(v);
            Instant t = switch (v.length()) {
                case 10 -> Instant.ofEpochSecond(x);
                case 13 -> Instant.ofEpochMilli(x);
                case 18 -> Instant.ofEpochSecond((x - 116_444_736_000_000_000L) / 10_000_000L);
                default -> null;
            };
            if (t != null && !t.isBefore(NOV_2026) && t.isBefore(DEC_2026)) found.add(v);
        }
        return found;
    }

    @Test
    void noNovember2026TimeRemainsAfter400Days() throws IOException {
        int filesWithSome = 0;
        for (Path f : Stream.concat(files(CAPTURES).stream(), files(DEMO_CAPTURES).stream()).toList()) {
            String text = Files.readString(f);
            if (novemberTimes(text).isEmpty()) continue;
            filesWithSome++;
            assertEquals(List.of(), novemberTimes(PLUS_400.apply(text)), f + " still holds November 2026");
        }
        // 39 when written: capture.properties of all fifteen devices, Defender, pending updates and hotfixes of
        // the Windows machines, apt/clamav/restic of the Debian servers, AD, WSB, filter lists.
        assertTrue(filesWithSome >= 35, "only " + filesWithSome + " capture files hold November 2026 times");
    }

    // ---- the parsers read the same ages ----

    static Map<String, String> platformOfDevice() throws IOException {
        Map<String, String> out = new TreeMap<>();
        Matcher m = Pattern.compile("id:\\s*([\\w-]+),.*?platform:\\s*([\\w-]+)").matcher(Files.readString(INVENTORY));
        while (m.find()) out.put(m.group(1), m.group(2));
        return out;
    }

    record CaptureFolder(String device, String platform, Path dir) {}

    /** The estate's capture folders (platform from its inventory) and the demo school's (from school.yaml). */
    static List<CaptureFolder> captureFolders() throws IOException {
        Map<Path, CaptureFolder> out = new java.util.LinkedHashMap<>();
        platformOfDevice().forEach((device, platform) -> {
            Path dir = CAPTURES.resolve(device);
            if (Files.isDirectory(dir)) out.put(dir.normalize(), new CaptureFolder(device, platform, dir));
        });
        Matcher m = Pattern.compile("id:\\s*([\\w-]+),.*?platform:\\s*([\\w-]+),.*?captures:\\s*([\\w/.-]+)")
                .matcher(Files.readString(SCHOOL));
        int named = 0;
        while (m.find()) {
            Path dir = Path.of(m.group(3));
            assertTrue(Files.isDirectory(dir), SCHOOL + " names " + dir + ", which is no folder");
            out.putIfAbsent(dir.normalize(), new CaptureFolder(m.group(1), m.group(2), dir));
            named++;
        }
        assertTrue(named >= 15, "only " + named + " capture folders found in " + SCHOOL);
        return new ArrayList<>(out.values());
    }

    record Parsed(List<Fact> facts, String problem) {}

    static Parsed parse(Parser parser, String device, Probe probe, String output, int exit, Instant at) {
        try {
            return new Parsed(parser.parse(new Observation(device, probe.id(), probe.command(), output, exit, at, 0, false)), null);
        } catch (UnrecognisedOutputException e) {
            return new Parsed(List.of(), e.getClass().getSimpleName());
        }
    }

    /**
     * A fact with every Instant replaced by its age at {@code at}; an Instant at midnight UTC on both sides (a date
     * without a time, such as a hotfix's InstalledOn) by its age in calendar days.
     */
    static List<Object> ages(Fact fact, Instant at, Fact other, Instant otherAt) {
        List<Object> out = new ArrayList<>();
        out.add(fact.getClass().getSimpleName());
        for (RecordComponent c : fact.getClass().getRecordComponents()) {
            Object v = value(c, fact);
            if (v instanceof Instant t) {
                Object o = other == null ? null : value(c, other);
                boolean dateOnly = midnight(t) && o instanceof Instant ot && midnight(ot);
                out.add(c.getName() + (dateOnly
                        ? " days " + ChronoUnit.DAYS.between(LocalDate.ofInstant(t, ZoneOffset.UTC), LocalDate.ofInstant(at, ZoneOffset.UTC))
                        : " age " + Duration.between(t, at)));
            } else {
                out.add(c.getName() + " " + v);
            }
        }
        return out;
    }

    static boolean midnight(Instant t) {
        return t.atOffset(ZoneOffset.UTC).toLocalTime().toNanoOfDay() == 0;
    }

    static Object value(RecordComponent c, Object record) {
        try {
            return c.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void everyCaptureParsesToTheSameAgesWhenShifted() throws IOException {
        PlatformCatalog catalog = PlatformCatalog.builtIn();
        Parsers parsers = Parsers.installed();
        int compared = 0;
        int withTimes = 0;
        for (CaptureFolder folder : captureFolders()) {
            Path dir = folder.dir();
            Platform platform = catalog.find(folder.platform()).orElseThrow(() -> new AssertionError(folder.platform()));
            Instant capturedAt = TimeShift.capturedAt(dir);
            for (Probe probe : platform.probes()) {
                Path file = dir.resolve(probe.id() + ".txt");
                if (!Files.isRegularFile(file)) continue;
                Parser parser = parsers.find(probe.parser()).orElseThrow(() -> new AssertionError(probe.parser()));
                Path exitFile = dir.resolve(probe.id() + ".exit");
                int exit = Files.exists(exitFile) ? Integer.parseInt(Files.readString(exitFile).strip()) : 0;
                String original = Files.readString(file);
                Parsed before = parse(parser, folder.device(), probe, original, exit, capturedAt);
                for (Duration d : List.of(Duration.ofDays(400), AWKWARD, Duration.ofDays(-30))) {
                    TimeShift shift = TimeShift.between(capturedAt, capturedAt.plus(d));
                    Parsed after = parse(parser, folder.device(), probe, shift.apply(original), exit, shift.to());
                    String where = file + " shifted by " + d;
                    assertEquals(before.problem(), after.problem(), where);
                    assertEquals(before.facts().size(), after.facts().size(), where);
                    for (int i = 0; i < before.facts().size(); i++) {
                        Fact b = before.facts().get(i);
                        Fact a = after.facts().get(i);
                        assertEquals(ages(b, capturedAt, a, shift.to()), ages(a, shift.to(), b, capturedAt), where + " fact " + i);
                    }
                    compared++;
                }
                if (before.facts().stream().anyMatch(TimeShiftTest::hasInstantOtherThanObservedAt)) withTimes++;
            }
        }
        assertTrue(compared >= 150, "only " + compared + " probe outputs compared");
        assertTrue(withTimes >= 25, "only " + withTimes + " outputs gave facts with times");
    }

    static boolean hasInstantOtherThanObservedAt(Fact f) {
        for (RecordComponent c : f.getClass().getRecordComponents()) {
            if (!c.getName().equals("observedAt") && value(c, f) instanceof Instant) return true;
        }
        return false;
    }

    /** One capture parsed as recorded and as shifted by {@link #AWKWARD}, for the named checks below. */
    static List<List<Fact>> bothWays(String device, String probeId) throws IOException {
        String platformName = platformOfDevice().get(device);
        Probe probe = PlatformCatalog.builtIn().find(platformName).orElseThrow().probes().stream()
                .filter(p -> p.id().equals(probeId)).findFirst().orElseThrow();
        Parser parser = Parsers.installed().find(probe.parser()).orElseThrow();
        String original = Files.readString(CAPTURES.resolve(device).resolve(probeId + ".txt"));
        TimeShift shift = TimeShift.between(CAPTURED, CAPTURED.plus(AWKWARD));
        String shifted = shift.apply(original);
        assertNotEquals(original, shifted, device + "/" + probeId + " has no time to shift");
        Parsed before = parse(parser, device, probe, original, 0, CAPTURED);
        Parsed after = parse(parser, device, probe, shifted, 0, shift.to());
        if (before.problem() != null || after.problem() != null) fail(device + "/" + probeId + ": " + before + " / " + after);
        return List.of(before.facts(), after.facts());
    }

    /** The age at the observation of each fact of this type, as recorded and as shifted: both must equal {@code expected}. */
    static <F extends Fact> void assertAges(String device, String probe, Class<F> type, Function<F, Instant> time,
                                            Duration... expected) throws IOException {
        List<List<Fact>> both = bothWays(device, probe);
        Instant[] at = {CAPTURED, CAPTURED.plus(AWKWARD)};
        for (int side = 0; side < 2; side++) {
            List<Duration> ages = new ArrayList<>();
            for (Fact f : both.get(side)) {
                if (type.isInstance(f)) ages.add(Duration.between(time.apply(type.cast(f)), at[side]));
            }
            ages.sort(Comparator.naturalOrder());
            List<Duration> want = new ArrayList<>(List.of(expected));
            want.sort(Comparator.naturalOrder());
            assertEquals(want, ages, device + "/" + probe + (side == 0 ? " as recorded" : " shifted"));
        }
    }

    @Test
    void defenderSignaturesStaySixDaysOld() throws IOException {
        assertAges("ws-102", "defender-status", AntiMalwareStatus.class, AntiMalwareStatus::signaturesUpdatedAt,
                Duration.parse("PT141H50M")); // 5 days 21:50
    }

    @Test
    void aptIndexStaysTwentyOneDaysStale() throws IOException {
        assertAges("srv-web", "apt-upgradable", UpdateStatus.class, UpdateStatus::indexRefreshedAt,
                Duration.parse("P20DT19H28M20S"));
    }

    @Test
    void resticSnapshotsKeepTheirAges() throws IOException {
        assertAges("srv-mis", "restic-snapshots", BackupRun.class, BackupRun::finishedAt,
                Duration.parse("PT98H59M50.587234907S"), Duration.parse("PT74H59M48.906775129S"),
                Duration.parse("PT50H59M47.445698702S"));
    }

    @Test
    void resticCheckKeepsItsAge() throws IOException {
        assertAges("bak-01", "restic-check", BackupCheck.class, BackupCheck::lastRunAt, Duration.parse("P158DT22H39M49S"));
    }

    @Test
    void directoryLastLogonsKeepTheirAges() throws IOException {
        List<List<Fact>> both = bothWays("dc-01", "ad-accounts");
        Instant[] at = {CAPTURED, CAPTURED.plus(AWKWARD)};
        for (int side = 0; side < 2; side++) {
            Map<String, Duration> lastLogon = new TreeMap<>();
            for (Fact f : both.get(side)) {
                if (f instanceof DirectoryAccount a && a.lastLogonAt() != null) {
                    lastLogon.put(a.account(), Duration.between(a.lastLogonAt(), at[side]));
                }
            }
            assertEquals(Duration.parse("P289DT16H48M"), lastLogon.get("RIVERSIDE\\kbrown"), "kbrown, February");
            assertEquals(Duration.parse("P489DT12H"), lastLogon.get("RIVERSIDE\\20oldr"), "a leaver");
            assertEquals(Duration.parse("PT3H59M59S"), lastLogon.get("RIVERSIDE\\svc-backup"));
            assertFalse(lastLogon.containsKey("RIVERSIDE\\24newp"), "never logged on stays never");
        }
    }

    @Test
    void clamavSignaturesKeepTheirAge() throws IOException {
        assertAges("bak-01", "clamav", AntiMalwareStatus.class, AntiMalwareStatus::signaturesUpdatedAt,
                Duration.parse("PT17H32M58S"));
    }

    @Test
    void webFilterListsKeepTheirAges() throws IOException {
        Duration overnight = Duration.parse("PT2H20M");
        assertAges("fw-01", "pf-filter-lists", FilterListUpdate.class, FilterListUpdate::updatedAt,
                overnight, overnight.minusSeconds(1), overnight.minusSeconds(2), overnight.minusSeconds(3),
                overnight.minusSeconds(4), overnight.minusSeconds(5), overnight.minusSeconds(6),
                Duration.ofHours(1), Duration.ofHours(1), Duration.ofHours(1));
    }

    @Test
    void windowsPendingUpdatesKeepTheirAges() throws IOException {
        assertAges("ws-102", "pending-updates", PendingUpdate.class, PendingUpdate::releasedAt,
                Duration.parse("P36DT9H"), Duration.parse("P8DT9H"));
        assertAges("ws-102", "pending-updates", UpdateStatus.class, UpdateStatus::indexRefreshedAt,
                Duration.parse("PT19H34M49S"));
        assertAges("srv-files", "wsb-summary", BackupRun.class, BackupRun::finishedAt, Duration.parse("PT3H59M29S"));
    }

    @Test
    void hotfixesKeepTheirAgeInDays() throws IOException {
        // InstalledOn is a date: with a whole-day shift the age is exact, otherwise its count of days is.
        TimeShift days = TimeShift.by(CAPTURED, Duration.ofDays(400));
        String original = Files.readString(CAPTURES.resolve("ws-101").resolve("hotfixes.txt"));
        Parser parser = Parsers.installed().find("windows-hotfixes").orElseThrow();
        Probe probe = new Probe("hotfixes", "updates", "Get-HotFix", "windows-hotfixes", "hotfixes");
        UpdateHistory before = (UpdateHistory) parse(parser, "ws-101", probe, original, 0, CAPTURED).facts().get(0);
        UpdateHistory after = (UpdateHistory) parse(parser, "ws-101", probe, days.apply(original), 0, days.to()).facts().get(0);
        assertEquals(Duration.parse("P7DT2H"), Duration.between(before.newestInstalledAt(), CAPTURED));
        assertEquals(Duration.parse("P7DT2H"), Duration.between(after.newestInstalledAt(), days.to()));
        assertEquals("KB5046633", after.newestId());

        List<List<Fact>> both = bothWays("ws-101", "hotfixes");
        UpdateHistory awkward = (UpdateHistory) both.get(1).get(0);
        assertEquals(7, ChronoUnit.DAYS.between(LocalDate.ofInstant(awkward.newestInstalledAt(), ZoneOffset.UTC),
                LocalDate.ofInstant(CAPTURED.plus(AWKWARD), ZoneOffset.UTC)));
    }
}
