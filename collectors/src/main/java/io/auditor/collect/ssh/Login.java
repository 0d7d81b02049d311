package io.auditor.collect.ssh;

import io.auditor.collect.CollectionException;
import io.auditor.model.Credential;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Function;

/**
 * What an SSH credential logs in with, read at connection time from the places the inventory names (environment
 * variables, files, a key file). Messages name the variable or file, never a secret's value. Call
 * {@link #wipe()} once connected so secrets do not linger in memory longer than needed.
 */
final class Login {
    final String username;
    final Path privateKey;
    final byte[] passphrase;
    final byte[] password;
    final String credentialName;

    private Login(String credentialName, String username, Path privateKey, byte[] passphrase, byte[] password) {
        this.credentialName = credentialName;
        this.username = username;
        this.privateKey = privateKey;
        this.passphrase = passphrase;
        this.password = password;
    }

    static Login of(Credential c, Function<String, String> env) throws CollectionException {
        String key = c.settings().get("privateKey");
        byte[] passphrase = secret(c, "passphrase", env);
        byte[] password = secret(c, "password", env);
        if (key == null && password == null) {
            throw new CollectionException("credential '" + c.name() + "' gives no way to log in over SSH: add "
                    + "privateKey, passwordEnv or passwordFile");
        }
        Path keyPath = null;
        if (key != null) {
            keyPath = Path.of(key);
            if (!Files.isReadable(keyPath)) {
                throw new CollectionException("cannot read the private key " + keyPath + " of credential '"
                        + c.name() + "': check the path and that the account running the scan may read it");
            }
        }
        return new Login(c.name(), c.username(), keyPath, passphrase, password);
    }

    /** The secret from {@code <base>Env} or {@code <base>File}, or null when the credential has neither. */
    private static byte[] secret(Credential c, String base, Function<String, String> env) throws CollectionException {
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
        if (file != null) {
            byte[] bytes;
            try {
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
        return null;
    }

    /** JSch's PreferredAuthentications for what this login has. */
    String methods() {
        if (privateKey != null && password != null) return "publickey,password,keyboard-interactive";
        if (privateKey != null) return "publickey";
        return "password,keyboard-interactive";
    }

    void wipe() {
        if (passphrase != null) Arrays.fill(passphrase, (byte) 0);
        if (password != null) Arrays.fill(password, (byte) 0);
    }
}
