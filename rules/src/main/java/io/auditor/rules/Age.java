package io.auditor.rules;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Time arithmetic for rules. Ages are measured against the fact's own observation time, never the wall clock,
 * so a re-evaluation of old captures gives the same answer.
 */
public final class Age {
    private Age() {}

    /** True when {@code then} lies more than {@code limit} before {@code now}. */
    public static boolean olderThan(Instant then, Instant now, Duration limit) {
        return then.isBefore(now.minus(limit));
    }

    public static long days(Instant then, Instant now) {
        return Duration.between(then, now).toDays();
    }

    public static long hours(Instant then, Instant now) {
        return Duration.between(then, now).toHours();
    }

    /** The UTC calendar day, as evidence shows it. */
    public static LocalDate day(Instant t) {
        return LocalDate.ofInstant(t, ZoneOffset.UTC);
    }

    /** {@code 2026-11-20, 4 hours before the scan}: the day of {@code then}, and how long before the scan it was. */
    public static String beforeScan(Instant then, Instant scan) {
        return day(then) + ", " + between(then, scan) + " before the scan";
    }

    /** "21 days" or, under two days, "30 hours" — the unit a reader compares against the limit. */
    public static String between(Instant then, Instant now) {
        long hours = hours(then, now);
        if (hours < 48) return hours + (hours == 1 ? " hour" : " hours");
        long days = days(then, now);
        return days + " days";
    }
}
