package io.auditor.collect.snmp;

import io.auditor.collect.CollectionException;
import io.auditor.collect.CredentialSecret;
import io.auditor.model.Credential;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * An SNMP credential with its secrets read from the environment variables or files the inventory names. Messages
 * name the variable or file, never a value; {@link #toString()} shows no secret.
 *
 * @param version       {@code 1}, {@code 2c} or {@code 3}
 * @param authProtocol  v3: canonical name ({@code SHA}, {@code SHA-256}, …) or null for noAuthNoPriv
 * @param privProtocol  v3: canonical name ({@code AES}, {@code AES-256}, …) or null for no privacy
 */
public record SnmpSettings(String credentialName, String version, byte[] community, String username,
                           String authProtocol, byte[] authPassword, String privProtocol, byte[] privPassword) {
    /** Inventory spelling (case-insensitive) → canonical name; the inventory loader checks against these too. */
    public static final Map<String, String> AUTH = Map.of("md5", "MD5", "sha", "SHA", "sha1", "SHA", "sha-1", "SHA",
            "sha-224", "SHA-224", "sha-256", "SHA-256", "sha-384", "SHA-384", "sha-512", "SHA-512");
    public static final Map<String, String> PRIV = Map.of("des", "DES", "aes", "AES", "aes128", "AES", "aes-128", "AES",
            "aes192", "AES-192", "aes-192", "AES-192", "aes256", "AES-256", "aes-256", "AES-256");
    /** SNMPv3 passphrases shorter than this are refused by agents (RFC 3414 key localisation). */
    static final int MIN_PASSPHRASE = 8;

    public static SnmpSettings of(Credential c, Function<String, String> env) throws CollectionException {
        String version = c.settings().getOrDefault("version", "2c");
        if (!List.of("1", "2c", "3").contains(version)) {
            throw new CollectionException("credential '" + c.name() + "': SNMP version '" + version
                    + "' is not 1, 2c or 3");
        }
        if (!version.equals("3")) {
            byte[] community = CredentialSecret.read(c, "community", env);
            if (community == null) {
                throw new CollectionException("credential '" + c.name() + "' has no community: add communityEnv or communityFile");
            }
            return new SnmpSettings(c.name(), version, community, null, null, null, null, null);
        }
        if (c.username() == null || c.username().isBlank()) {
            throw new CollectionException("SNMPv3 credential '" + c.name() + "' has no username");
        }
        String auth = canonical(c, "authProtocol", AUTH);
        String priv = canonical(c, "privProtocol", PRIV);
        byte[] authPassword = CredentialSecret.read(c, "authPassword", env);
        byte[] privPassword = CredentialSecret.read(c, "privPassword", env);
        if (auth == null && authPassword != null) auth = "SHA";
        if (priv == null && privPassword != null) priv = "AES";
        if (auth != null && authPassword == null) {
            throw new CollectionException("SNMPv3 credential '" + c.name() + "' names authProtocol " + auth
                    + " but no authPasswordEnv or authPasswordFile");
        }
        if (priv != null && privPassword == null) {
            throw new CollectionException("SNMPv3 credential '" + c.name() + "' names privProtocol " + priv
                    + " but no privPasswordEnv or privPasswordFile");
        }
        if (priv != null && auth == null) {
            throw new CollectionException("SNMPv3 credential '" + c.name() + "' has privacy without authentication, "
                    + "which SNMPv3 does not allow: add authProtocol and authPasswordEnv/authPasswordFile");
        }
        for (byte[] p : new byte[][] {authPassword, privPassword}) {
            if (p != null && p.length < MIN_PASSPHRASE) {
                throw new CollectionException("an SNMPv3 passphrase of credential '" + c.name() + "' is shorter than "
                        + MIN_PASSPHRASE + " characters, which agents refuse: use a longer passphrase");
            }
        }
        return new SnmpSettings(c.name(), version, null, c.username(), auth, authPassword, priv, privPassword);
    }

    /** {@code authPriv}, {@code authNoPriv}, {@code noAuthNoPriv}, or {@code community} for v1/v2c. */
    public String securityLevel() {
        if (!version.equals("3")) return "community";
        if (privProtocol != null) return "authPriv";
        if (authProtocol != null) return "authNoPriv";
        return "noAuthNoPriv";
    }

    /** What the scan used, for evidence: {@code v3 authPriv (SHA-256/AES-256)} or {@code v2c community}. */
    public String describe() {
        if (!version.equals("3")) return "v" + version + " community";
        return "v3 " + securityLevel() + (authProtocol == null ? "" : " (" + authProtocol
                + (privProtocol == null ? "" : "/" + privProtocol) + ")");
    }

    @Override
    public String toString() {
        return "SnmpSettings[" + credentialName + ", " + describe() + "]";
    }

    private static String canonical(Credential c, String key, Map<String, String> names) throws CollectionException {
        String v = c.settings().get(key);
        if (v == null) return null;
        String canon = names.get(v.toLowerCase(Locale.ROOT));
        if (canon == null) {
            throw new CollectionException("credential '" + c.name() + "': " + key + " '" + v + "' is not supported; write one of "
                    + String.join(", ", new java.util.TreeSet<>(names.values())));
        }
        return canon;
    }


}
