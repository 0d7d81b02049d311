package io.auditor.collect.ssh;

import io.auditor.collect.CollectionException;
import io.auditor.collect.CredentialSecret;
import io.auditor.model.Credential;

import java.nio.file.Files;
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
        byte[] passphrase = CredentialSecret.read(c, "passphrase", env);
        byte[] password = CredentialSecret.read(c, "password", env);
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
