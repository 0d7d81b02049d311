package io.auditor.samples.sim;

import io.auditor.collect.Platform;
import io.auditor.collect.Probe;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.command.AbstractCommandSupport;
import org.apache.sshd.server.forward.AcceptAllForwardingFilter;
import org.apache.sshd.server.forward.RejectAllForwardingFilter;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.util.net.SshdSocketAddress;

/**
 * A device on loopback that speaks real SSH (Apache MINA SSHD) and answers each probe's exact command string with
 * a recorded output and exit status, as the device it stands for would. Unknown commands exit 127. It has its
 * own host key, accepts one user by public key and/or password, and can be told to misbehave for fault tests.
 * It is the building block of {@link SimulatedEstate} (tests, benchmarks, {@code auditor demo}).
 */
public final class SimulatedSshDevice implements AutoCloseable {
    private final String id;
    private final KeyPair hostKey;
    private final Map<String, Recording> recordings;
    private final String username;
    private final PublicKey authorizedKey;
    private final byte[] password;
    private volatile Misbehaviour misbehaviour = Misbehaviour.NONE;
    private final Map<String, Misbehaviour> perCommand = new ConcurrentHashMap<>();
    private final SshServer server;
    private final AtomicInteger forwarded = new AtomicInteger();
    private final String host;

    private SimulatedSshDevice(Builder b) throws IOException {
        this.id = b.id;
        this.hostKey = b.hostKey != null ? b.hostKey : newHostKey();
        this.recordings = Map.copyOf(b.recordings);
        this.username = b.username;
        this.authorizedKey = b.authorizedKey;
        this.password = b.password == null ? null : b.password.getBytes(StandardCharsets.UTF_8);
        this.server = SshServer.setUpDefaultServer();
        this.host = b.host;
        server.setHost(host);
        server.setPort(b.port);
        // One I/O thread per device: an estate of hundreds of devices stays within a sensible thread count.
        CoreModuleProperties.NIO_WORKERS.set(server, 1);
        server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
        if (authorizedKey != null) {
            server.setPublickeyAuthenticator((user, key, session) ->
                    username.equals(user) && KeyUtils.compareKeys(authorizedKey, key));
        }
        if (password != null) {
            server.setPasswordAuthenticator((user, pw, session) -> username.equals(user)
                    && java.security.MessageDigest.isEqual(password, pw.getBytes(StandardCharsets.UTF_8)));
        }
        server.setKeyboardInteractiveAuthenticator(null);
        server.setForwardingFilter(b.jumpHost ? new AcceptAllForwardingFilter() {
            @Override
            public boolean canConnect(Type type, SshdSocketAddress address, Session session) {
                forwarded.incrementAndGet();
                return super.canConnect(type, address, session);
            }
        } : RejectAllForwardingFilter.INSTANCE);
        server.setCommandFactory((channel, command) -> new Scripted(command));
        try {
            server.start();
        } catch (IOException | RuntimeException e) {
            // MINA has made its I/O threads before it binds, and stop() does nothing for a server that never
            // started: close it, so that a device that cannot listen leaves no threads behind.
            server.close(true);
            throw e;
        }
    }

    public static Builder builder(String id) {
        return new Builder(id);
    }

    public String id() {
        return id;
    }

    public int port() {
        return server.getPort();
    }

    public String host() {
        return host;
    }

    public PublicKey hostPublicKey() {
        return hostKey.getPublic();
    }

    /** The known_hosts line for this device as a client connecting to {@link #host()}:{@link #port()} writes it. */
    public String knownHostsLine() {
        return "[" + host() + "]:" + port() + " " + PublicKeyEntry.toString(hostKey.getPublic());
    }

    /** From now on every command misbehaves this way ({@link Misbehaviour#NONE} restores the recordings). */
    public void misbehave(Misbehaviour how) {
        this.misbehaviour = Objects.requireNonNull(how);
    }

    /** From now on this one command misbehaves this way. */
    public void misbehave(String command, Misbehaviour how) {
        perCommand.put(command, how);
    }

    /** Connections a client opened through this device as a jump host (direct-tcpip channels) so far. */
    public int forwardedConnections() {
        return forwarded.get();
    }

    /** Sessions the server has open now; 0 once every client has disconnected. */
    public int activeSessions() {
        return server.getActiveSessions().size();
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
    }

    static KeyPair newHostKey() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot generate an EC P-256 host key", e);
        }
    }

    /**
     * The recordings of one device's capture folder ({@code <probe-id>.txt}, optional {@code .exit}), keyed by
     * the command each of the platform's probes sends. Probes without a capture are left out (they exit 127).
     */
    public static Map<String, Recording> recordingsFrom(Path deviceCaptureDir, Platform platform) throws IOException {
        Map<String, Recording> out = new LinkedHashMap<>();
        for (Probe p : platform.probes()) {
            Path txt = deviceCaptureDir.resolve(p.id() + ".txt");
            if (!Files.isRegularFile(txt)) continue;
            Path exit = deviceCaptureDir.resolve(p.id() + ".exit");
            int status = Files.exists(exit) ? Integer.parseInt(Files.readString(exit).strip()) : 0;
            out.put(p.command(), new Recording(Files.readAllBytes(txt), status));
        }
        return out;
    }

    /** One exec request, run on its own thread by MINA's command support. */
    private final class Scripted extends AbstractCommandSupport {
        private final CountDownLatch released = new CountDownLatch(1);

        Scripted(String command) {
            super(command, null);
        }

        @Override
        public void run() {
            String command = getCommand();
            Misbehaviour how = perCommand.getOrDefault(command, misbehaviour);
            try {
                OutputStream out = getOutputStream();
                switch (how) {
                    case HANG -> {
                        released.await();
                        onExit(0);
                    }
                    case FLOOD -> {
                        byte[] line = "flood flood flood flood flood flood flood flood flood flood flood flood\n"
                                .getBytes(StandardCharsets.US_ASCII);
                        byte[] chunk = new byte[line.length * 1024];
                        for (int i = 0; i < 1024; i++) System.arraycopy(line, 0, chunk, i * line.length, line.length);
                        long total = 0;
                        while (total < 50L * 1024 * 1024) {
                            out.write(chunk);
                            total += chunk.length;
                        }
                        out.flush();
                        onExit(0);
                    }
                    case GARBAGE -> {
                        byte[] junk = new byte[64 * 1024];
                        new SecureRandom().nextBytes(junk);
                        out.write(junk);
                        out.flush();
                        onExit(0);
                    }
                    case FAIL -> {
                        getErrorStream().write("simulated failure: permission denied\n".getBytes(StandardCharsets.UTF_8));
                        getErrorStream().flush();
                        onExit(3, "simulated failure");
                    }
                    case NONE -> {
                        Recording r = recordings.get(command);
                        if (r == null) {
                            String first = command.lines().findFirst().orElse("").strip();
                            getErrorStream().write(("sh: 1: " + first.split("\\s+")[0] + ": not found\n")
                                    .getBytes(StandardCharsets.UTF_8));
                            getErrorStream().flush();
                            onExit(127);
                        } else {
                            out.write(r.output());
                            out.flush();
                            onExit(r.exitStatus());
                        }
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                // The client went away (closed the channel at its output cap or timeout): nothing to answer.
            }
        }

        @Override
        public void destroy(org.apache.sshd.server.channel.ChannelSession channel) throws Exception {
            released.countDown();
            super.destroy(channel);
        }
    }

    /** Settings of a device before it starts listening. */
    public static final class Builder {
        private final String id;
        private KeyPair hostKey;
        private final Map<String, Recording> recordings = new LinkedHashMap<>();
        private String username = "auditor";
        private PublicKey authorizedKey;
        private String password;
        private boolean jumpHost;
        private int port;
        private String host = "127.0.0.1";

        private Builder(String id) {
            this.id = Objects.requireNonNull(id);
        }

        public Builder hostKey(KeyPair key) { this.hostKey = key; return this; }

        public Builder respond(String command, Recording r) { recordings.put(command, r); return this; }

        public Builder respond(Map<String, Recording> all) { recordings.putAll(all); return this; }

        public Builder user(String name) { this.username = name; return this; }

        public Builder authorizedKey(PublicKey key) { this.authorizedKey = key; return this; }

        /** Accepts this password for the user (tests and the demo; a real device's password is never known). */
        public Builder password(String pw) { this.password = pw; return this; }

        /** Lets clients open direct-tcpip channels through it, as a school's SSH jump host does. */
        public Builder jumpHost(boolean allow) { this.jumpHost = allow; return this; }

        /** 0 (the default) for a free port. */
        public Builder port(int port) { this.port = port; return this; }

        /**
         * The loopback address to listen on (default 127.0.0.1). On Linux every 127.x.y.z is local, so a simulated
         * school can give each device an address of its own.
         */
        public Builder host(String address) { this.host = Objects.requireNonNull(address); return this; }

        public SimulatedSshDevice start() throws IOException {
            if (authorizedKey == null && password == null) {
                throw new IllegalStateException("device " + id + " accepts no login: give an authorised key or a password");
            }
            return new SimulatedSshDevice(this);
        }
    }

    @Override
    public String toString() {
        return "SimulatedSshDevice[" + id + " on " + host() + ":" + port() + "]";
    }
}
