package io.auditor.collect.parsers;

import io.auditor.collect.Parser;
import io.auditor.collect.Text;
import io.auditor.collect.UnrecognisedOutputException;
import io.auditor.model.Observation;
import io.auditor.model.facts.DiskEncryption;
import io.auditor.model.facts.Fact;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code disk-encryption} probe on Linux: {@code root: <device>} (findmnt's source of {@code /}), then
 * {@code lsblk -s -r -n -o NAME,TYPE,FSTYPE} of that device: the device first, then every device it sits on. The root
 * file system is encrypted when one of them is a dm-crypt mapping ({@code TYPE crypt}, LUKS or plain). A root lsblk
 * cannot follow (ZFS, a network or overlay file system) leaves the state unknown.
 */
public final class LsblkRootParser implements Parser {
    private static final Pattern ROOT = Pattern.compile("root: (\\S+)");
    private static final Pattern DEVICE = Pattern.compile("(\\S+) ([a-z0-9_-]+)(?: (\\S*))?");
    private static final Pattern LSBLK_ERROR = Pattern.compile("lsblk: (.+)");

    @Override
    public String id() { return "lsblk-root"; }

    @Override
    public List<Fact> parse(Observation obs) throws UnrecognisedOutputException {
        List<String> lines = Text.lines(obs.output());
        int i = 0;
        while (i < lines.size() && lines.get(i).isBlank()) i++;
        Matcher r = i < lines.size() ? ROOT.matcher(lines.get(i).strip()) : null;
        if (r == null || !r.matches()) {
            throw new UnrecognisedOutputException("expected 'root: <device>' first", i < lines.size() ? i + 1 : 0);
        }
        String root = Text.clean(r.group(1), 80);
        List<String> chain = new ArrayList<>();
        String crypt = null;
        for (i = i + 1; i < lines.size(); i++) {
            String s = lines.get(i).strip();
            if (s.isEmpty()) continue;
            Matcher err = LSBLK_ERROR.matcher(s);
            if (err.matches()) {
                return List.of(new DiskEncryption(obs.deviceId(), obs.probeId(), "/", true, null,
                        "root file system on " + root + ", which lsblk cannot follow (" + Text.clean(err.group(1), 120)
                                + "); encryption not established"));
            }
            Matcher d = DEVICE.matcher(s);
            if (!d.matches()) {
                throw new UnrecognisedOutputException("expected lsblk lines 'NAME TYPE FSTYPE', found " + Text.quote(s), i + 1);
            }
            // lsblk -r writes unusual characters as \xNN; names are kept as printed, cleaned for evidence.
            String name = Text.clean(d.group(1), 60);
            String type = d.group(2);
            String fs = d.group(3) == null || d.group(3).isEmpty() ? "" : " " + Text.clean(d.group(3), 30);
            chain.add(name + " (" + type + fs + ")");
            if (type.equals("crypt") && crypt == null) crypt = name;
        }
        if (chain.isEmpty()) throw new UnrecognisedOutputException("lsblk printed no device for " + Text.quote(root), 0);
        String detail = "root file system on " + root + ": " + String.join(" on ", chain)
                + (crypt == null ? "; no dm-crypt layer" : "; encrypted by dm-crypt mapping " + crypt);
        return List.of(new DiskEncryption(obs.deviceId(), obs.probeId(), "/", true, crypt != null, detail));
    }
}
