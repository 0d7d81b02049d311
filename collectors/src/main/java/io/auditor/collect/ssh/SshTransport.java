package io.auditor.collect.ssh;

import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.KeyPair;
import com.jcraft.jsch.Session;
import io.auditor.collect.CollectionException;
import io.auditor.collect.DeviceSession;
import io.auditor.collect.Text;
import io.auditor.collect.Transport;
import io.auditor.model.Credential;
import io.auditor.model.Device;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Collects over SSH with JSch: one session per device, reused for all its probes (an exec channel each), host
 * keys verified against the inventory's known_hosts, key or password login from the places the credential names,
 * optionally through a jump host. Every failure becomes a {@link CollectionException} whose message says what to
 * check; nothing here ever logs or returns a secret.
 */
public final class SshTransport implements Transport {
    public static final int DEFAULT_PORT = 22;

    private final SshSettings settings;
    private final KnownHostsFile knownHosts;
    private final Map<String, Credential> credentials;
    private final Function<String, Device> jumpHostOf;

    /**
     * @param credentials by name, from the inventory
     * @param jumpHostOf  the jump host a device is reached through (by device id), or null for a direct connection
     */
    public SshTransport(SshSettings settings, KnownHostsFile knownHosts, Map<String, Credential> credentials,
                        Function<String, Device> jumpHostOf) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.knownHosts = Objects.requireNonNull(knownHosts, "knownHosts");
        this.credentials = Map.copyOf(credentials);
        this.jumpHostOf = jumpHostOf == null ? id -> null : jumpHostOf;
    }

    @Override
    public DeviceSession open(Device device) throws CollectionException {
        Device jump = jumpHostOf.apply(device.id());
        Session through = null;
        try {
            if (jump != null) {
                try {
                    through = connect(jump, null);
                } catch (CollectionException e) {
                    throw new CollectionException("jump host " + jump.id() + ": " + e.getMessage(), e);
                }
            }
            Session session = connect(device, through);
            return new SshSession(device.id(), session, through, settings);
        } catch (CollectionException | RuntimeException e) {
            if (through != null) through.disconnect();
            throw e;
        }
    }

    private Session connect(Device device, Session through) throws CollectionException {
        // Map.copyOf's get(null) throws, so a device without credentials is checked first.
        Credential credential = device.credentials() == null ? null : credentials.get(device.credentials());
        if (credential == null) {
            throw new CollectionException("device " + device.id() + " has no SSH credentials: add 'credentials: NAME' "
                    + "naming an ssh credential of the inventory");
        }
        if (!"ssh".equals(credential.type())) {
            throw new CollectionException("credential '" + credential.name() + "' of " + device.id() + " is "
                    + credential.type() + ", not ssh");
        }
        if (device.address() == null || device.address().isBlank()) {
            throw new CollectionException("device " + device.id() + " has no address: add 'address: HOST-OR-IP'");
        }
        String address = device.address();
        int port = device.port() == null ? DEFAULT_PORT : device.port();
        String target = address + (port == DEFAULT_PORT ? "" : ":" + port);
        int connectMillis = (int) Math.min(Integer.MAX_VALUE, settings.connectTimeout().toMillis());

        Login login = Login.of(credential, settings.environment());
        HostKeyCheck check = new HostKeyCheck(knownHosts, settings.trustNewHosts(), settings.notices(), device.id());
        Session session = null;
        try {
            JSch jsch = new JSch();
            if (login.privateKey != null) addKey(jsch, login);
            session = jsch.getSession(login.username, address, port);
            session.setHostKeyRepository(check);
            session.setConfig("StrictHostKeyChecking", "yes");
            session.setConfig("PreferredAuthentications", login.methods());
            // A wrong password is not retried: one attempt per method, so accounts are not locked out.
            session.setConfig("MaxAuthTries", "2");
            if (login.password != null) session.setPassword(login.password);
            session.setDaemonThread(true);
            if (through != null) session.setProxy(new ForwardedProxy(through));
            session.connect(connectMillis);
            return session;
        } catch (JSchException e) {
            if (session != null) session.disconnect();
            String refusal = check.refusal();
            if (refusal != null) throw new CollectionException(refusal, e);
            throw new CollectionException(explain(e, target, login, settings), e);
        } finally {
            login.wipe();
        }
    }

    private static void addKey(JSch jsch, Login login) throws CollectionException, JSchException {
        String path = login.privateKey.toString();
        KeyPair pair;
        try {
            pair = KeyPair.load(jsch, path);
        } catch (JSchException e) {
            throw new CollectionException("the private key " + path + " of credential '" + login.credentialName
                    + "' is not a key JSch can read (" + e.getMessage() + "): use an OpenSSH ed25519 or RSA key", e);
        }
        try {
            if (pair.isEncrypted()) {
                if (login.passphrase == null) {
                    throw new CollectionException("the private key " + path + " of credential '" + login.credentialName
                            + "' is protected by a passphrase: add passphraseEnv or passphraseFile");
                }
                if (!pair.decrypt(login.passphrase)) {
                    throw new CollectionException("the passphrase of credential '" + login.credentialName
                            + "' does not unlock " + path + ": check passphraseEnv/passphraseFile");
                }
            }
        } finally {
            pair.dispose();
        }
        jsch.addIdentity(path, login.passphrase);
    }

    /** A technician's reading of JSch's exception. */
    static String explain(JSchException e, String target, Login login, SshSettings settings) {
        Throwable cause = e.getCause();
        String msg = e.getMessage() == null ? "" : e.getMessage();
        if (cause instanceof ConnectException) {
            return "connection refused by " + target + ": check the address and port, and that the SSH server is "
                    + "running and not blocked by a firewall";
        }
        if (cause instanceof UnknownHostException) {
            return "cannot resolve " + target + ": check the address in the inventory and DNS";
        }
        if (cause instanceof NoRouteToHostException) {
            return "no route to " + target + ": check the address and the network path";
        }
        if (cause instanceof SocketTimeoutException || msg.contains("timeout") || msg.contains("timed out")) {
            return "no SSH answer from " + target + " within " + Text.duration(settings.connectTimeout())
                    + " (--connect-timeout): check that the address is this device's and that port runs SSH";
        }
        if (msg.startsWith("Auth fail") || msg.startsWith("Auth cancel") || msg.contains("USERAUTH fail")) {
            String with = login.privateKey != null && login.password != null ? "key " + login.privateKey + " or password"
                    : login.privateKey != null ? "key " + login.privateKey : "password";
            return "login refused for user '" + login.username + "' at " + target + " with the " + with
                    + " of credential '" + login.credentialName + "': check the account, its authorised key or password";
        }
        if (cause instanceof IOException || msg.contains("Connection reset") || msg.contains("closed by foreign host")) {
            return "the connection to " + target + " was closed during the SSH handshake (" + clean(msg)
                    + "): check that port runs an SSH server that allows this client";
        }
        if (msg.contains("Algorithm negotiation fail")) {
            return "no common SSH algorithm with " + target + " (" + clean(msg) + "): the device's SSH server is "
                    + "too old or restricted; update it or allow ed25519/ecdsa/rsa-sha2";
        }
        return "SSH to " + target + " failed: " + clean(msg);
    }

    private static String clean(String s) {
        return Text.clean(s, 160);
    }
}
