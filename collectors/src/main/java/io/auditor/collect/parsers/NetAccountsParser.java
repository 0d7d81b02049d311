package io.auditor.collect.parsers;

import io.auditor.collect.Parser;
import io.auditor.collect.Text;
import io.auditor.collect.UnrecognisedOutputException;
import io.auditor.model.Observation;
import io.auditor.model.facts.Fact;
import io.auditor.model.facts.PasswordPolicy;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code net accounts}: the local account policy of a Windows computer (on a domain member, the policy the domain
 * pushes to local accounts). English output only: {@code Minimum password length:  12} and
 * {@code Lockout threshold:  Never} or a number. Other display languages are reported as not understood rather than
 * guessed.
 */
public final class NetAccountsParser implements Parser {
    private static final Pattern MIN_LENGTH = Pattern.compile("^Minimum password length:\\s*(\\d+)\\s*$");
    private static final Pattern LOCKOUT = Pattern.compile("^Lockout threshold:\\s*(Never|\\d+)\\s*$");

    @Override
    public String id() { return "net-accounts"; }

    @Override
    public List<Fact> parse(Observation obs) throws UnrecognisedOutputException {
        Integer minLength = null, lockout = null;
        boolean completed = false;
        for (String raw : Text.lines(obs.output())) {
            String line = raw.strip();
            Matcher m = MIN_LENGTH.matcher(line);
            if (m.matches()) minLength = Integer.valueOf(m.group(1));
            m = LOCKOUT.matcher(line);
            if (m.matches()) lockout = m.group(1).equals("Never") ? 0 : Integer.valueOf(m.group(1));
            if (line.equals("The command completed successfully.")) completed = true;
        }
        if (minLength == null || lockout == null) {
            throw new UnrecognisedOutputException("expected 'Minimum password length:' and 'Lockout threshold:' lines"
                    + " (English net accounts output)" + (completed ? "" : "; first line: "
                    + Text.quote(Text.lines(obs.output()).stream().filter(l -> !l.isBlank()).findFirst().orElse("(none)"))), 0);
        }
        return List.of(new PasswordPolicy(obs.deviceId(), obs.probeId(), "local", minLength, lockout, null));
    }
}
