package io.auditor.samples.sim;

import io.auditor.collect.CaptureTransport;
import io.auditor.collect.CollectionException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Moves every timestamp in a recorded output forward (or back) by the same whole number of seconds, so that
 * a recording captured at {@link #from()} reads, at {@link #to()}, exactly as it read when it was captured: a
 * signature six days old is still six days old. Everything that is not a recognised timestamp stays
 * byte-identical. The simulated devices of {@code auditor demo} serve their recordings through this, so the demo
 * does not go stale as the calendar moves.
 *
 * <p>Recognised (each kept in its own layout: precision, offset or zone text, padding):
 * <ul>
 *   <li>ISO-8601 dates {@code 2026-11-13} and date-times {@code 2026-11-17T23:00:00Z},
 *       {@code 2024-11-18T02:00:04.512387245+00:00}, {@code 2026-11-02 09:14:55} (dnf), with or without a zone;
 *       the fraction, offset and zone text are kept as they are (the shift is whole seconds, so they do not
 *       change). A date alone moves by the calendar days between {@code from} and {@code to} (UTC), so a
 *       count of days between it and "today" is kept;</li>
 *   <li>PowerShell 5.1 JSON dates {@code \/Date(1795069511000)\/}, with or without a {@code ±hhmm} suffix;</li>
 *   <li>systemd {@code Sun 2026-06-14 03:12:01 UTC} and ctime {@code Thu Nov 19 08:27:02 2026} (ClamAV,
 *       also {@code date}'s {@code Thu Nov 19 08:27:02 UTC 2026}), RFC 1123 {@code Thu, 19 Nov 2026 08:27:02 GMT}:
 *       the weekday is recomputed; ctime keeps its space-padded ({@code Nov  5}) or zero-padded day;</li>
 *   <li>bare numbers: epoch seconds (10 digits, 2001 to 2286: {@code index-refreshed: 1795069511}, stat's
 *       {@code 1795131600 /var/db/…}, pfSense {@code <time>}), epoch milliseconds (13 digits) and Windows
 *       FILETIME (18 digits, 100 ns since 1601: AD {@code LastLogonTimestamp}).</li>
 * </ul>
 *
 * <p>Bare numbers are the risky part, so they are shifted only when all of these hold: the number is a whole
 * token (no letter, digit, {@code .} or {@code -} next to it, which keeps SIDs, versions, addresses and
 * fractional OPNsense times out); and either its label (the JSON key, XML element or {@code key:}/{@code key=}
 * right before it) names a time ({@code time}, {@code date}, {@code stamp}, {@code refreshed}, {@code logon}…),
 * or it has no label and lies within {@link #PLAUSIBLE} of {@code from} (10- and 18-digit numbers only).
 * A number under a label that names something else ({@code <tracker>}, {@code "data_added"}, {@code uid}) or a
 * length of time ({@code ExecMainExitTimestampMonotonic}, {@code …Timeout}) and SNMP {@code Timeticks: (…)} are
 * never touched. Epoch milliseconds are shifted only under a time label.
 *
 * <p>{@link #reversed()} undoes a shift byte for byte, with one theoretical exception: an unlabelled bare number
 * that lies just outside {@link #PLAUSIBLE} of the capture but inside it of the shifted capture. A time of day
 * written without seconds ({@code 2026-11-13T10:00}) is moved by whole minutes.
 *
 * <p>Left as they are, on purpose: "never" placeholders (years before 1900 or after 9000, such as .NET's
 * {@code DateTime.MinValue} {@code \/Date(-62135596800000)\/}); year-month titles such as
 * {@code "2026-10 Cumulative Update…"} (a name, and a month has no exact position in time); dates inside longer
 * tokens ({@code 2026a-0+deb12u1}, {@code backup-2026-11-13}); dates without a year ({@code Nov 19 08:27:02}
 * of syslog). Times with a named zone that has daylight saving are shifted as local times, so an age that
 * crosses a DST change may be off by that hour; the captures use UTC.
 */
public final class TimeShift {
    /** How far from the capture time an unlabelled bare number may lie and still be taken for a timestamp. */
    public static final Duration PLAUSIBLE = Duration.ofDays(5 * 366);
    /** The file in a capture folder that holds {@code capturedAt} (the layout {@link CaptureTransport} reads). */
    public static final String CAPTURE_PROPERTIES = CaptureTransport.PROPERTIES;

    private static final String[] WEEKDAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    private static final String[] MONTHS =
            {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    private static final String WD = "Mon|Tue|Wed|Thu|Fri|Sat|Sun";
    private static final String MON = "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec";
    /** Characters that make a number or date part of a longer token (versions, SIDs, addresses, hex ids). */
    private static final String TOKEN = "0-9A-Za-z.\\-";
    private static final long FILETIME_UNIX_EPOCH = 116_444_736_000_000_000L;
    private static final int MIN_YEAR = 1900;
    private static final int MAX_YEAR = 9000;

    /**
     * One scan, alternatives in priority order, so that a timestamp is changed once: a systemd time is not also
     * seen as an ISO date, a \/Date(ms)\/ not as bare epoch milliseconds.
     */
    private static final Pattern STAMP = Pattern.compile(
            // The lookahead rejects most positions with one character test (a weekday's initial, "/" or a digit).
            "(?=[0-9MTWFS/])(?:"
            + "(?<![A-Za-z])(?<sdw>" + WD + ") (?<sdd>\\d{4}-\\d{2}-\\d{2}) (?<sdt>\\d{2}:\\d{2}:\\d{2})(?![0-9])"
            + "|(?<![A-Za-z])(?<cw>" + WD + ") (?<cm>" + MON + ")(?<cs> {1,2})(?<cd>\\d{1,2}) (?<ct>\\d{2}:\\d{2}:\\d{2})"
                    + "(?<cz> [A-Z]{2,5})? (?<cy>\\d{4})(?![0-9])"
            + "|(?<![A-Za-z])(?<rw>" + WD + "), (?<rd>\\d{2}) (?<rm>" + MON + ") (?<ry>\\d{4}) (?<rt>\\d{2}:\\d{2}:\\d{2})(?![0-9])"
            + "|/Date\\((?<ms>-?\\d{1,15})(?<msz>[+-]\\d{4})?(?<mse>\\)\\\\?/)"
            + "|(?<![0-9A-Za-z.+\\-])(?<iy>\\d{4})-(?<imo>\\d{2})-(?<id>\\d{2})"
                    + "(?:(?<isep>[T ])(?<ih>\\d{2}):(?<imi>\\d{2})(?::(?<is>\\d{2}))?)?(?![0-9])"
            + "|(?<![" + TOKEN + "])(?<ft>1\\d{17})(?![" + TOKEN + "])"
            + "|(?<![" + TOKEN + "])(?<ems>1\\d{12})(?![" + TOKEN + "])"
            + "|(?<![" + TOKEN + "])(?<es>[12]\\d{9})(?![" + TOKEN + "]))");

    /** The label right before a bare number: a JSON key, an XML element, or {@code key:} / {@code key=}. */
    private static final Pattern LABEL = Pattern.compile(
            "(?:\"([^\"\\n]{1,80})\"\\s*:\\s*|<([A-Za-z_][\\w:.\\-]{0,80})(?:\\s[^<>\\n]*)?>|([A-Za-z_][\\w.\\-]{0,80})\\s*[=:]\\s*)\\z");
    private static final Pattern TIME_LABEL = Pattern.compile(
            "(?i).*(time|date|stamp|when|created|modified|change|updated|refreshed|expir|since|until|epoch|logon"
            + "|lastset|seen).*");
    /** Labels that hold a length of time or a counter, though they mention time: ExecMainExitTimestampMonotonic. */
    private static final Pattern NOT_TIME_LABEL = Pattern.compile(
            "(?i).*(monotonic|uptime|ticks|timeout|duration|interval|delay|tracker).*");

    private final Instant from;
    private final Duration by;
    private final long days;

    private TimeShift(Instant from, Duration by) {
        this.from = Objects.requireNonNull(from, "from");
        this.by = Duration.ofSeconds(Objects.requireNonNull(by, "by").getSeconds());
        Instant to = from.plus(this.by);
        this.days = ChronoUnit.DAYS.between(day(from), day(to));
    }

    /**
     * The shift that makes a recording captured at {@code capturedAt} read as if captured at {@code now}
     * (to the second below: {@link #to()} may be up to a second before {@code now}).
     */
    public static TimeShift between(Instant capturedAt, Instant now) {
        return new TimeShift(capturedAt, Duration.between(capturedAt, Objects.requireNonNull(now, "now")));
    }

    /**
     * Moves a recording captured at {@code capturedAt} by {@code by} (cut to whole seconds). The capture time
     * places unlabelled bare numbers: only those within {@link #PLAUSIBLE} of it are taken for times.
     */
    public static TimeShift by(Instant capturedAt, Duration by) {
        return new TimeShift(capturedAt, by);
    }

    /**
     * Moves a recording by {@code by} so that it reads as captured now. Its capture time, used only to judge
     * unlabelled bare numbers, is taken as the system clock's now minus {@code by}; when the capture time is
     * known, {@link #between(Instant, Instant)} is exact.
     */
    public static TimeShift by(Duration by) {
        Objects.requireNonNull(by, "by");
        return new TimeShift(Instant.now().minus(by), by);
    }

    /** When the text to be shifted was captured. */
    public Instant from() {
        return from;
    }

    /** The moment the shifted text reads as captured at: {@link #from()} plus {@link #duration()}. */
    public Instant to() {
        return from.plus(by);
    }

    /** The shift, whole seconds. */
    public Duration duration() {
        return by;
    }

    public boolean isZero() {
        return by.isZero();
    }

    /** The shift that undoes this one: applied to this one's output it gives back the original text. */
    public TimeShift reversed() {
        return new TimeShift(to(), by.negated());
    }

    /** The text with every recognised timestamp moved; everything else unchanged. */
    public String apply(String text) {
        Objects.requireNonNull(text, "text");
        if (by.isZero()) return text;
        Matcher m = STAMP.matcher(text);
        StringBuilder out = null;
        int last = 0;
        while (m.find()) {
            String replacement = replacement(text, m);
            if (replacement == null || replacement.equals(m.group())) continue;
            if (out == null) out = new StringBuilder(text.length() + 16);
            out.append(text, last, m.start()).append(replacement);
            last = m.end();
        }
        if (out == null) return text;
        return out.append(text, last, text.length()).toString();
    }

    /**
     * The bytes with every recognised timestamp moved, all other bytes kept exactly. Every pattern is ASCII and
     * no byte of a multi-byte UTF-8 character is ASCII, so the text is handled one byte per character: malformed
     * UTF-8 survives unchanged.
     */
    public byte[] apply(byte[] output) {
        Objects.requireNonNull(output, "output");
        if (by.isZero()) return output.clone();
        return apply(new String(output, StandardCharsets.ISO_8859_1)).getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The recording with its output shifted; the same as {@link Recording#shifted(TimeShift)}. */
    public Recording apply(Recording recording) {
        return recording.shifted(this);
    }

    private String replacement(String text, Matcher m) {
        try {
            if (m.group("sdw") != null) return systemd(m);
            if (m.group("cw") != null) return ctime(m);
            if (m.group("rw") != null) return rfc1123(m);
            if (m.group("ms") != null) return msDate(m);
            if (m.group("iy") != null) return iso(text, m);
            if (m.group("ft") != null) return fileTime(text, m);
            if (m.group("ems") != null) return epochMillis(text, m);
            if (m.group("es") != null) return epochSeconds(text, m);
        } catch (DateTimeException | ArithmeticException e) {
            return null; // looked like a time but is not one (31 February): leave it
        }
        return null;
    }

    private String systemd(Matcher m) {
        LocalDateTime t = LocalDateTime.parse(m.group("sdd") + "T" + m.group("sdt"));
        if (!plausibleYear(t.getYear())) return null;
        LocalDateTime s = t.plus(by);
        return WEEKDAYS[s.getDayOfWeek().ordinal()] + " " + s.toLocalDate() + " " + hms(s);
    }

    private String ctime(Matcher m) {
        LocalDateTime t = LocalDateTime.of(Integer.parseInt(m.group("cy")), month(m.group("cm")),
                Integer.parseInt(m.group("cd")), 0, 0).plusSeconds(secondOfDay(m.group("ct")));
        if (!plausibleYear(t.getYear())) return null;
        LocalDateTime s = t.plus(by);
        String dayText = m.group("cd");
        String sep = m.group("cs");
        String day;
        if (dayText.length() == 2 && dayText.charAt(0) == '0') {
            day = " " + String.format("%02d", s.getDayOfMonth());
        } else if (sep.length() == 1 && dayText.length() == 1) {
            day = " " + s.getDayOfMonth(); // written unpadded: keep it so
        } else {
            day = String.format("%3d", s.getDayOfMonth()); // ctime's %3d: "Nov  5", "Nov 19"
        }
        return WEEKDAYS[s.getDayOfWeek().ordinal()] + " " + MONTHS[s.getMonthValue() - 1] + day + " " + hms(s)
                + (m.group("cz") == null ? "" : m.group("cz")) + " " + s.getYear();
    }

    private String rfc1123(Matcher m) {
        LocalDateTime t = LocalDateTime.of(Integer.parseInt(m.group("ry")), month(m.group("rm")),
                Integer.parseInt(m.group("rd")), 0, 0).plusSeconds(secondOfDay(m.group("rt")));
        if (!plausibleYear(t.getYear())) return null;
        LocalDateTime s = t.plus(by);
        return WEEKDAYS[s.getDayOfWeek().ordinal()] + ", " + String.format("%02d", s.getDayOfMonth()) + " "
                + MONTHS[s.getMonthValue() - 1] + " " + s.getYear() + " " + hms(s);
    }

    private String msDate(Matcher m) {
        long ms = Long.parseLong(m.group("ms"));
        if (!plausibleYear(LocalDateTime.ofEpochSecond(Math.floorDiv(ms, 1000), 0, ZoneOffset.UTC).getYear())) {
            return null;
        }
        return "/Date(" + Math.addExact(ms, by.toMillis()) + (m.group("msz") == null ? "" : m.group("msz")) + m.group("mse");
    }

    private String iso(String text, Matcher m) {
        LocalDate d = LocalDate.of(Integer.parseInt(m.group("iy")), Integer.parseInt(m.group("imo")),
                Integer.parseInt(m.group("id")));
        if (!plausibleYear(d.getYear())) return null;
        if (m.group("isep") == null) {
            // A date alone followed by -1 or .2 is a version or a file name's stem, not a date to move.
            int e = m.end();
            if (e + 1 < text.length() && "-.+".indexOf(text.charAt(e)) >= 0 && Character.isDigit(text.charAt(e + 1))) {
                return null;
            }
            return d.plusDays(days).toString();
        }
        int h = Integer.parseInt(m.group("ih"));
        int min = Integer.parseInt(m.group("imi"));
        boolean withSeconds = m.group("is") != null;
        LocalDateTime t = d.atTime(h, min, withSeconds ? Integer.parseInt(m.group("is")) : 0);
        LocalDateTime s = t.plus(by);
        String time = withSeconds ? hms(s) : String.format("%02d:%02d", s.getHour(), s.getMinute());
        return s.toLocalDate() + m.group("isep") + time;
    }

    private String fileTime(String text, Matcher m) {
        long ft = Long.parseLong(m.group("ft"));
        long sinceUnix = ft - FILETIME_UNIX_EPOCH;
        Instant t = Instant.ofEpochSecond(Math.floorDiv(sinceUnix, 10_000_000L), Math.floorMod(sinceUnix, 10_000_000L) * 100);
        if (!isTime(text, m.start(), t)) return null;
        return Long.toString(Math.addExact(ft, Math.multiplyExact(by.getSeconds(), 10_000_000L)));
    }

    private String epochMillis(String text, Matcher m) {
        if (!Boolean.TRUE.equals(timeLabel(text, m.start()))) return null;
        return Long.toString(Math.addExact(Long.parseLong(m.group("ems")), by.toMillis()));
    }

    private String epochSeconds(String text, Matcher m) {
        long s = Long.parseLong(m.group("es"));
        if (!isTime(text, m.start(), Instant.ofEpochSecond(s))) return null;
        return Long.toString(Math.addExact(s, by.getSeconds()));
    }

    /** A bare number is a time when its label says so, or when it has no label and lies near the capture. */
    private boolean isTime(String text, int start, Instant asTime) {
        if (start >= 12 && text.startsWith("Timeticks: (", start - 12)) return false; // SNMP uptime, not a time
        Boolean labelled = timeLabel(text, start);
        if (labelled != null) return labelled;
        return Duration.between(from, asTime).abs().compareTo(PLAUSIBLE) <= 0;
    }

    /** True when the label before {@code start} names a time, false when it names something else, null without one. */
    private static Boolean timeLabel(String text, int start) {
        int lineStart = text.lastIndexOf('\n', start - 1) + 1;
        Matcher l = LABEL.matcher(text.substring(Math.max(lineStart, start - 120), start));
        if (!l.find()) return null;
        String name = l.group(1) != null ? l.group(1) : l.group(2) != null ? l.group(2) : l.group(3);
        return TIME_LABEL.matcher(name).matches() && !NOT_TIME_LABEL.matcher(name).matches();
    }

    private static boolean plausibleYear(int year) {
        return year >= MIN_YEAR && year <= MAX_YEAR;
    }

    private static LocalDate day(Instant t) {
        return LocalDate.ofInstant(t, ZoneOffset.UTC);
    }

    private static int month(String name) {
        for (int i = 0; i < MONTHS.length; i++) if (MONTHS[i].equals(name)) return i + 1;
        throw new DateTimeException("no month " + name);
    }

    private static int secondOfDay(String hms) {
        int h = Integer.parseInt(hms.substring(0, 2));
        int mi = Integer.parseInt(hms.substring(3, 5));
        int s = Integer.parseInt(hms.substring(6, 8));
        if (h > 23 || mi > 59 || s > 59) throw new DateTimeException("no time " + hms);
        return h * 3600 + mi * 60 + s;
    }

    private static String hms(LocalDateTime t) {
        return String.format("%02d:%02d:%02d", t.getHour(), t.getMinute(), t.getSecond());
    }

    /**
     * {@code capturedAt} of a capture folder ({@code <dir>/capture.properties}, the layout of
     * {@code CaptureTransport}); {@code dir} may be inside a jar (a zip file system path).
     */
    public static Instant capturedAt(Path deviceCaptureDir) throws IOException {
        try {
            return CaptureTransport.capturedAt(deviceCaptureDir.resolve(CAPTURE_PROPERTIES));
        } catch (CollectionException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "TimeShift[" + from + " -> " + to() + ", " + by + "]";
    }
}
