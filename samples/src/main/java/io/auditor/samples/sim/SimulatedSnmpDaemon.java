package io.auditor.samples.sim;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A network device played by the real net-snmp agent: {@code /usr/sbin/snmpd} started in the foreground on a free
 * loopback UDP port from a generated configuration, with its persistent state (v3 users' localised keys) in a
 * temporary folder. The configuration sets a v2c community, v3 users and the system group (so it can claim to be
 * a Cisco switch); everything else is the host's real MIBs (HOST-RESOURCES, IF-MIB, TCP-MIB, IP-MIB).
 *
 * <p>{@link #start} fails with a clear message when snmpd is not installed ({@code apt-get install snmpd}); tests
 * that need it must not be skipped.
 */
public final class SimulatedSnmpDaemon implements AutoCloseable {
    public static final Path SNMPD = Path.of("/usr/sbin/snmpd");

    /**
     * A read-only SNMPv3 user: created by snmpd's configuration ({@code createUser}) here, and served by
     * {@link SimulatedSnmpAgent} too. Protocols by their canonical names ({@code SHA-256}, {@code AES-256}, as snmpd's
     * {@code createUser} writes them; the in-process agent also takes the inventory's other spellings such as
     * {@code AES-128}); no privacy protocol means authNoPriv.
     */
    public record V3User(String name, String authProtocol, String authPassword, String privProtocol, String privPassword) {
        /** Names the user and protocols, never the passphrases (a record would print them into logs and test failures). */
        @Override
        public String toString() {
            return "V3User[" + name + ", " + authProtocol + (privProtocol == null ? "" : "/" + privProtocol) + "]";
        }

        String createUser() {
            return "createUser " + name + " " + authProtocol + " \"" + authPassword + "\""
                    + (privProtocol == null ? "" : " " + privProtocol + " \"" + privPassword + "\"");
        }

        String rouser() {
            return "rouser " + name + " " + (privProtocol == null ? "auth" : "priv");
        }
    }

    /** What the daemon answers: communities, users and the system group. */
    public record Config(List<String> communities, List<V3User> users, String sysDescr, String sysName,
                         String sysLocation, String sysContact) {
        public Config {
            communities = List.copyOf(communities);
            users = List.copyOf(users);
        }
    }

    private final Process process;
    private final Path dir;
    private final int port;
    private final List<String> log;

    private SimulatedSnmpDaemon(Process process, Path dir, int port, List<String> log) {
        this.process = process;
        this.dir = dir;
        this.port = port;
        this.log = log;
    }

    /** Starts snmpd and returns once it has bound its port (it prints its version line then). */
    public static SimulatedSnmpDaemon start(Config config, Path dir) throws IOException {
        if (!Files.isExecutable(SNMPD)) {
            throw new IllegalStateException(SNMPD + " is not installed: install net-snmp's agent (apt-get install snmpd); "
                    + "bin/test installs it");
        }
        Files.createDirectories(dir);
        Path persistent = Files.createDirectories(dir.resolve("persistent"));
        int port = freeUdpPort();
        List<String> conf = new ArrayList<>();
        conf.add("agentaddress udp:127.0.0.1:" + port);
        conf.add("persistentDir " + persistent);
        for (String c : config.communities()) conf.add("rocommunity " + c + " 127.0.0.1");
        for (V3User u : config.users()) {
            conf.add(u.createUser());
            conf.add(u.rouser());
        }
        if (config.sysDescr() != null) conf.add("sysdescr " + config.sysDescr());
        if (config.sysName() != null) conf.add("sysname " + config.sysName());
        if (config.sysLocation() != null) conf.add("syslocation " + config.sysLocation());
        if (config.sysContact() != null) conf.add("syscontact " + config.sysContact());
        Path confFile = dir.resolve("snmpd.conf");
        Files.write(confFile, conf, StandardCharsets.UTF_8);

        ProcessBuilder pb = new ProcessBuilder(SNMPD.toString(), "-f", "-Lo", "-C", "-c", confFile.toString(),
                "-p", dir.resolve("snmpd.pid").toString(), "--persistentDir=" + persistent, "-M", dir.resolve("no-mibs").toString());
        pb.environment().put("MIBS", "");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        List<String> log = java.util.Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<Void> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (log.size() < 500) log.add(line);
                    if (line.startsWith("NET-SNMP version")) ready.complete(null);
                }
            } catch (IOException e) {
                // The process ended; exit is reported below.
            }
            ready.completeExceptionally(new IllegalStateException("snmpd exited before it was ready"));
        }, "snmpd-log-" + port);
        reader.setDaemon(true);
        reader.start();
        SimulatedSnmpDaemon daemon = new SimulatedSnmpDaemon(p, dir, port, log);
        try {
            ready.get(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            daemon.close();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting snmpd", e);
        } catch (ExecutionException | TimeoutException e) {
            daemon.close();
            throw new IOException("snmpd did not start on udp:127.0.0.1:" + port + ": " + String.join(" | ", log), e);
        }
        return daemon;
    }

    /** A UDP port free right now (snmpd binds it a moment later; a clash makes start() fail with snmpd's message). */
    static int freeUdpPort() throws IOException {
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    public int port() {
        return port;
    }

    public String address() {
        return "127.0.0.1";
    }

    public Path dir() {
        return dir;
    }

    /** snmpd's own output so far, for failure messages. */
    public List<String> log() {
        synchronized (log) {
            return List.copyOf(log);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
