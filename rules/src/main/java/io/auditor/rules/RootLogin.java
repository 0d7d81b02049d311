package io.auditor.rules;

import io.auditor.model.PolicyProfile;
import io.auditor.model.facts.SshServerConfig;

import java.util.Set;

/**
 * sshd's PermitRootLogin against the profile, shared by ADM-07 and ADM-02 so both controls agree on what "root
 * may not log in remotely" means.
 */
public final class RootLogin {
    private RootLogin() {}

    /** Root may log in with a key only (forced-commands-only is narrower still). */
    private static final Set<String> KEY_ONLY = Set.of("prohibit-password", "without-password", "forced-commands-only");
    private static final Set<String> KNOWN = Set.of("yes", "no", "prohibit-password", "without-password",
            "forced-commands-only");

    public static boolean recognised(String permitRootLogin) {
        return permitRootLogin != null && KNOWN.contains(permitRootLogin);
    }

    /** PermitRootLogin no, or key-only when {@code ssh.allowRootKeyLogin} is true. */
    public static boolean allowed(PolicyProfile profile, String permitRootLogin) {
        if (permitRootLogin == null) return false; // Set.of(...).contains(null) throws
        if ("no".equals(permitRootLogin)) return true;
        return KEY_ONLY.contains(permitRootLogin) && profile.flag("ssh.allowRootKeyLogin");
    }

    /** {@code sshd PermitRootLogin prohibit-password (effective settings (sshd -T); …) [sshd-config]}. */
    public static String evidence(SshServerConfig c, PolicyProfile profile) {
        String accepted = profile.flag("ssh.allowRootKeyLogin") ? "no or prohibit-password" : "no";
        return "sshd PermitRootLogin " + Evidence.orUnknown(c.permitRootLogin()) + " (required: " + accepted + "; "
                + Evidence.orUnknown(c.detail()) + ") [" + c.source() + "]";
    }
}
