package io.auditor.rules;

import io.auditor.model.Control;
import io.auditor.model.InputProblem;
import io.auditor.model.Role;
import io.auditor.model.Severity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The metadata keys a rule may carry and how they become a {@link Control}. The metadata lives only on the
 * rule (one rule per control carries the full set), so this is the single place it is read.
 */
final class RuleMetadata {
    static final String ID = "id";
    /** Keys the one describing rule of a control must carry, in the order they are documented. */
    static final List<String> DESCRIBING = List.of("title", "severity", "policyRefs", "scope", "needs",
            "rationale", "check", "remediation");
    static final Set<String> KNOWN_TOPICS = new TreeSet<>(List.of("updates", "automatic-updates", "anti-malware",
            "admin-groups", "backups", "vc-settings",
            // endpoint controls (ADM-02/03/07, END-01..07, PATCH-02)
            "sshd-config", "local-accounts", "screen-lock", "logon-banner", "auto-logon", "host-firewall",
            "services", "disk-encryption", "autorun", "update-history",
            // boundary controls (FW-01..03, FLT-01..06, VC-02/03); software-release: SoftwareRelease facts
            "firewall-rules", "web-filter", "vc-standby", "vc-admin", "software-release",
            // network controls over SNMP (PWD-02, NET-01/02, FW-04, PATCH-03, INV-01/02)
            "system-description", "default-credentials", "management-access", "interfaces", "neighbours",
            "installed-software", "processes", "wireless-settings", "sightings",
            // directory, password and backup controls (ADM-04/05/06, PWD-01, BAK-02..04)
            "directory-accounts", "password-policy", "backup-checks", "backup-history"));
    /** Every key a rule may carry: {@code @id} and the describing keys. */
    static final Set<String> KNOWN_KEYS = knownKeys();
    static final Pattern ID_FORMAT = Pattern.compile("[A-Z]+-[0-9]{2}");

    private RuleMetadata() {}

    /** Where a rule was written, for messages: the user's real file and the line of its {@code rule} keyword. */
    record Origin(String file, int line, boolean builtIn) {
        String where() { return line > 0 ? file + ":" + line : file; }
    }

    private static Set<String> knownKeys() {
        Set<String> keys = new LinkedHashSet<>();
        keys.add(ID);
        keys.addAll(DESCRIBING);
        return Collections.unmodifiableSet(keys);
    }

    /** Text of a metadata value, or null when absent or blank (an annotation like {@code @title()}). */
    static String text(Map<String, Object> meta, String key) {
        Object v = meta.get(key);
        if (v == null) return null;
        String s = v.toString().trim();
        // Drools hands back a quoted literal in some positions; the quotes are not part of the value.
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) s = s.substring(1, s.length() - 1).trim();
        return s.isEmpty() ? null : s;
    }

    /**
     * Builds the control from its describing rule's metadata, adding a problem for each bad value.
     * Returns null when any value is unusable.
     */
    static Control toControl(String id, Map<String, Object> meta, Origin origin, List<InputProblem> problems) {
        int before = problems.size();
        for (String key : DESCRIBING) {
            if (text(meta, key) == null) {
                problems.add(problem(origin, "control " + id + " has no @" + key,
                        "the rule carrying @title must carry all of @" + String.join(", @", DESCRIBING)));
            }
        }
        if (problems.size() > before) return null;

        Severity severity = null;
        String sev = text(meta, "severity");
        try {
            severity = Severity.parse(sev);
        } catch (IllegalArgumentException e) {
            problems.add(problem(origin, "control " + id + " has unknown @severity(\"" + sev + "\")",
                    "use one of critical, high, medium, low"));
        }

        Set<Role> scope = new LinkedHashSet<>();
        for (String name : split(text(meta, "scope"), ",")) {
            Role.fromYamlName(name).ifPresentOrElse(scope::add, () -> problems.add(problem(origin,
                    "control " + id + " has unknown role '" + name + "' in @scope",
                    "known roles are " + String.join(", ", Arrays.stream(Role.values()).map(Role::yamlName).toList()))));
        }
        Set<String> needs = new LinkedHashSet<>();
        for (String topic : split(text(meta, "needs"), ",")) {
            if (KNOWN_TOPICS.contains(topic)) needs.add(topic);
            else problems.add(problem(origin, "control " + id + " needs unknown fact topic '" + topic + "'",
                    "known topics are " + String.join(", ", KNOWN_TOPICS)));
        }
        List<String> refs = split(text(meta, "policyRefs"), ";");
        if (scope.isEmpty() || needs.isEmpty() || refs.isEmpty()) {
            if (problems.size() == before) {
                problems.add(problem(origin, "control " + id + " has an empty @scope, @needs or @policyRefs",
                        "scope and needs are comma-separated, policyRefs semicolon-separated"));
            }
        }
        if (problems.size() > before) return null;
        return new Control(id, text(meta, "title"), severity, refs, scope, needs, text(meta, "rationale"),
                text(meta, "check"), text(meta, "remediation"));
    }

    static List<String> split(String s, String separator) {
        List<String> out = new ArrayList<>();
        if (s == null) return out;
        for (String part : s.split(Pattern.quote(separator))) {
            String t = part.trim();
            if (!t.isEmpty()) out.add(t);
        }
        return out;
    }

    static InputProblem problem(Origin origin, String message, String hint) {
        return new InputProblem(origin.file(), origin.line(), 0, message, hint);
    }
}
