package io.auditor.rules;

import io.auditor.model.PolicyProfile;
import io.auditor.model.facts.LogonBanner;

import java.util.Collection;
import java.util.Locale;
import java.util.stream.Collectors;

/** END-02: whether a logon notice mentions the Acceptable Use Policy ({@code logonBanner.mustContain}). */
public final class LogonNotice {
    private LogonNotice() {}

    /** Case-insensitive, with runs of white space (line breaks in a banner) read as one space. */
    public static boolean mentions(PolicyProfile profile, String text) {
        if (text == null) return false;
        String needle = normalise(profile.value("logonBanner.mustContain").toString());
        return needle.isEmpty() || normalise(text).contains(needle);
    }

    /** Each place read with the start of its text: {@code console /etc/issue: 'Debian GNU/Linux 12 \n \l'}. */
    public static String places(Collection<?> banners) {
        return banners.stream().map(o -> (LogonBanner) o)
                .map(b -> b.location() + ": " + (b.text() == null ? "could not be read"
                        : b.text().isBlank() ? "empty" : "'" + excerpt(b.text()) + "'"))
                .sorted().collect(Collectors.joining("; "));
    }

    public static String excerpt(String text) {
        String t = text.replaceAll("\\s+", " ").strip();
        return t.length() <= 80 ? t : t.substring(0, 79) + "…";
    }

    private static String normalise(String s) {
        return s.replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
    }
}
