package io.auditor.model.facts;

/**
 * The SSH server's configuration as it applies to a login from anywhere (no {@code Match} block evaluated).
 * Values are sshd's own lower-case words; a value the probe could not establish is null.
 *
 * @param effective       true when read from {@code sshd -T} (what the running server would use), false when
 *                        worked out from the configuration files because {@code sshd -T} was not permitted
 * @param permitRootLogin {@code yes}, {@code prohibit-password} (also spelt {@code without-password}),
 *                        {@code forced-commands-only} or {@code no}
 * @param banner          the pre-login banner file, or {@code none}
 * @param detail          where the values came from, for evidence
 */
public record SshServerConfig(String deviceId, String source, boolean effective, String permitRootLogin,
                              String passwordAuthentication, String banner, String detail) implements Fact {
}
