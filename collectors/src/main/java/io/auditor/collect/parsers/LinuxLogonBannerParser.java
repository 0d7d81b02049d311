package io.auditor.collect.parsers;

import io.auditor.collect.Parser;
import io.auditor.collect.Text;
import io.auditor.collect.UnrecognisedOutputException;
import io.auditor.model.Observation;
import io.auditor.model.facts.Fact;
import io.auditor.model.facts.LogonBanner;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code logon-banner} probe on Linux: {@code sshd Banner: <path or none>}, then {@code tail -n +1} of
 * {@code /etc/issue}, {@code /etc/issue.net}, GDM's dconf settings ({@code /etc/dconf/db/gdm.d/*}) and the sshd banner
 * file ({@code ==> file <==} headers; missing files reported by tail are skipped). A notice counts where someone
 * logging on sees it: {@code /etc/issue} on the console, the sshd Banner file over SSH, GDM's
 * {@code banner-message-text} when {@code banner-message-enable=true} on the graphical login screen.
 * {@code /etc/issue.net} alone is shown nowhere unless sshd's Banner names it.
 */
public final class LinuxLogonBannerParser implements Parser {
    static final int MAX_TEXT = 2000;
    private static final Pattern SSHD = Pattern.compile("sshd Banner: (.*)");
    private static final String GDM_DIR = "/etc/dconf/db/gdm.d/";
    private static final Pattern GDM_KEY = Pattern.compile("\\s*(banner-message-enable|banner-message-text)\\s*=\\s*(.*?)\\s*");

    @Override
    public String id() { return "linux-logon-banner"; }

    @Override
    public List<Fact> parse(Observation obs) throws UnrecognisedOutputException {
        List<String> lines = Text.lines(obs.output());
        int i = 0;
        while (i < lines.size() && lines.get(i).isBlank()) i++;
        Matcher s = i < lines.size() ? SSHD.matcher(lines.get(i).strip()) : null;
        if (s == null || !s.matches()) {
            throw new UnrecognisedOutputException("expected 'sshd Banner: <file or none>' first", i < lines.size() ? i + 1 : 0);
        }
        String sshdBanner = s.group(1).strip();
        TailFiles tail = TailFiles.read(lines, i + 1, "expected a '==> file <==' header, found ");
        Map<String, List<String>> files = tail.files;
        List<String> problems = new ArrayList<>();
        tail.unreadable.forEach((file, reason) -> problems.add(file + ": " + reason));
        List<Fact> facts = new ArrayList<>();
        // tail prints a blank line between files; it is not part of the file before it.
        files.replaceAll((f, l) -> trimTrailingBlank(l));
        if (files.containsKey("/etc/issue")) {
            facts.add(banner(obs, "console /etc/issue", files.get("/etc/issue")));
        } else if (!problems.isEmpty()) {
            throw new UnrecognisedOutputException("could not read " + String.join("; ", problems), 0);
        }
        if (!sshdBanner.equals("none") && !sshdBanner.isEmpty()) {
            List<String> text = files.get(sshdBanner);
            if (text == null) {
                // Shown to SSH users but unreadable to the audit account: its wording is unknown, not empty.
                facts.add(new LogonBanner(obs.deviceId(), obs.probeId(), "sshd Banner " + sshdBanner + " ("
                        + (problems.isEmpty() ? "not printed" : String.join("; ", problems)) + ")", null));
            } else {
                facts.add(banner(obs, "sshd Banner " + sshdBanner, text));
            }
        }
        String gdmText = null;
        boolean gdmEnabled = false;
        for (Map.Entry<String, List<String>> f : files.entrySet()) {
            if (!f.getKey().startsWith(GDM_DIR)) continue;
            for (String line : f.getValue()) {
                Matcher k = GDM_KEY.matcher(line);
                if (!k.matches()) continue;
                if (k.group(1).equals("banner-message-enable")) gdmEnabled = k.group(2).equals("true");
                else gdmText = gvariantString(k.group(2));
            }
        }
        if (gdmEnabled && gdmText != null) facts.add(banner(obs, "GDM login screen", List.of(gdmText)));
        if (facts.isEmpty()) {
            throw new UnrecognisedOutputException("neither /etc/issue nor any other logon notice was printed", 0);
        }
        return facts;
    }

    private static LogonBanner banner(Observation obs, String location, List<String> lines) {
        return new LogonBanner(obs.deviceId(), obs.probeId(), location, noticeText(String.join("\n", lines)));
    }

    /**
     * A notice's device text: control characters other than line breaks removed (a notice may span lines), stripped,
     * at most {@link #MAX_TEXT} characters; "" for null.
     */
    static String noticeText(String text) {
        if (text == null) return "";
        StringBuilder clean = new StringBuilder();
        text.codePoints().filter(c -> c == '\n' || !Character.isISOControl(c)).forEach(clean::appendCodePoint);
        String t = clean.toString().strip();
        return t.length() > MAX_TEXT ? t.substring(0, MAX_TEXT) + "…" : t;
    }

    private static List<String> trimTrailingBlank(List<String> lines) {
        List<String> l = new ArrayList<>(lines);
        while (!l.isEmpty() && l.get(l.size() - 1).isBlank()) l.remove(l.size() - 1);
        return l;
    }

    /** A GVariant string as dconf keyfiles write it: {@code 'text'} with {@code \n}, {@code \'} escapes. */
    private static String gvariantString(String v) {
        String s = v.strip();
        if (s.length() >= 2 && (s.startsWith("'") && s.endsWith("'") || s.startsWith("\"") && s.endsWith("\""))) {
            s = s.substring(1, s.length() - 1);
        }
        return s.replace("\\n", "\n").replace("\\'", "'").replace("\\\"", "\"").replace("\\\\", "\\");
    }
}
