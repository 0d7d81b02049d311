package io.auditor.collect;

import io.auditor.model.Credential;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Function;

/**
 * Reads one secret of a credential from {@code <base>Env} or {@code <base>File}, the only places secrets may live.
 * Shared by the SSH and SNMP transports so both give the same advice when a secret is missing.
 */
public final class CredentialSecret {
    /** A secrets file holds one line; anything bigger is a mistake (a key file given as a password file). */
    private static final long MAX_FILE_BYTES = 4096;

    private CredentialSecret() {
    }

    /** The secret's bytes, or null when the credential names neither {@code <base>Env} nor {@code <base>File}. */
    public static byte[] read(Credential c, String base, Function<String, String> env) throws CollectionException {
        String var = c.settings().get(base + "Env");
        if (var != null) {
            String value = env.apply(var);
            if (value == null || value.isEmpty()) {
                throw new CollectionException("environment variable " + var + " (" + base + "Env of credential '"
                        + c.name() + "') is not set: set it in the environment of the scan, e.g. in the cron job or "
                        + "service unit");
            }
            return value.getBytes(StandardCharsets.UTF_8);
        }
        String file = c.settings().get(base + "File");
        if (file == null) return null;
        byte[] bytes;
        try {
            if (Files.size(Path.of(file)) > MAX_FILE_BYTES) {
                throw new CollectionException(base + "File " + file + " of credential '" + c.name()
                        + "' is larger than 4 KiB: it should hold the secret on its first line");
            }
            bytes = Files.readAllBytes(Path.of(file));
        } catch (NoSuchFileException e) {
            throw new CollectionException(base + "File " + file + " of credential '" + c.name()
                    + "' does not exist: create it with the secret on its first line (chmod 600)");
        } catch (IOException e) {
            throw new CollectionException("cannot read " + base + "File " + file + " of credential '"
                    + c.name() + "' (" + e.getClass().getSimpleName() + "): check its permissions");
        }
        // The secret is the first line: editors add a final newline, which is not part of it.
        int end = 0;
        while (end < bytes.length && bytes[end] != '\n' && bytes[end] != '\r') end++;
        byte[] secret = Arrays.copyOf(bytes, end);
        Arrays.fill(bytes, (byte) 0);
        if (secret.length == 0) {
            throw new CollectionException(base + "File " + file + " of credential '" + c.name()
                    + "' is empty: put the secret on its first line");
        }
        return secret;
    }
}
