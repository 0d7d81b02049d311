package io.auditor.samples.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.auditor.collect.Platform;
import io.auditor.collect.PlatformCatalog;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A whole school on loopback: one {@link SimulatedSshDevice} per device, each answering from a capture folder,
 * and a folder holding what a technician would have — {@code inventory.yaml}, {@code known_hosts} with every
 * device's host key, the audit account's RSA key and password files. {@code auditor scan --inventory
 * DIR/inventory.yaml} then audits it over real SSH.
 *
 * <p>Devices are cloned from a template estate (by default the bundled sample school): with more devices than the
 * template has, ids get a number ({@code ws-101-3}). Only devices whose platform has probes and which have a
 * capture folder are simulated.
 */
public final class SimulatedEstate implements AutoCloseable {
    /** Credential names written to the inventory, by platform family. */
    static final String KEY_CREDENTIAL = "linux-audit";
    static final String WINDOWS_CREDENTIAL = "win-audit";
    static final String VC_CREDENTIAL = "vc-audit";

    private final Path dir;
    private final List<SimulatedSshDevice> devices;

    private SimulatedEstate(Path dir, List<SimulatedSshDevice> devices) {
        this.dir = dir;
        this.devices = List.copyOf(devices);
    }

    /** A template device: how it appears in the inventory, and where its recorded outputs are. */
    public record Template(String id, List<String> roles, String platform, boolean backupRequired, Path captures) {
        public Template {
            roles = List.copyOf(roles);
        }
    }

    /**
     * Reads the devices of a capture estate such as {@code samples/estate}: its {@code inventory.yaml} and the
     * {@code captures/<id>/} folders. Devices without probes or captures are skipped.
     */
    public static List<Template> templates(Path estateDir, PlatformCatalog catalog) throws IOException {
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(estateDir.resolve("inventory.yaml").toFile());
        List<Template> out = new ArrayList<>();
        for (JsonNode d : root.path("devices")) {
            String id = d.path("id").asText();
            String platform = d.path("platform").asText();
            Path captures = estateDir.resolve("captures").resolve(id);
            Platform p = catalog.find(platform).orElse(null);
            if (p == null || p.probes().isEmpty() || !Files.isDirectory(captures)) continue;
            List<String> roles = new ArrayList<>();
            d.path("roles").forEach(r -> roles.add(r.asText()));
            out.add(new Template(id, roles, platform, "required".equals(d.path("backup").asText()), captures));
        }
        if (out.isEmpty()) throw new IOException("no simulatable device in " + estateDir);
        return out;
    }

    /** Starts {@code count} devices cloned from {@code templates} and writes the estate's files into {@code dir}. */
    public static SimulatedEstate start(Path dir, List<Template> templates, int count, PlatformCatalog catalog)
            throws IOException {
        if (count < 1) throw new IllegalArgumentException("count must be at least 1");
        Files.createDirectories(dir.resolve("keys"));
        Files.createDirectories(dir.resolve("secrets"));
        KeyPair clientKey = writeAuditKey(dir, "auditor@simulated-estate");
        String windowsPassword = randomPassword();
        String vcPassword = randomPassword();
        writeSecret(dir, "win-audit.txt", windowsPassword);
        writeSecret(dir, "vc-audit.txt", vcPassword);

        List<SimulatedSshDevice> started = new ArrayList<>();
        StringBuilder inventory = new StringBuilder()
                .append("# A simulated school on loopback, written by SimulatedEstate; ").append(count)
                .append(" devices.\nschool: Simulated Academy\nknownHosts: known_hosts\ncredentials:\n")
                .append("  ").append(KEY_CREDENTIAL).append(": { type: ssh, username: auditor, privateKey: keys/auditor_rsa }\n")
                .append("  ").append(WINDOWS_CREDENTIAL).append(": { type: ssh, username: 'SIM\\svc-audit', passwordFile: secrets/win-audit.txt }\n")
                .append("  ").append(VC_CREDENTIAL).append(": { type: ssh, username: audit, passwordFile: secrets/vc-audit.txt }\n")
                .append("devices:\n");
        StringBuilder knownHosts = new StringBuilder();
        try {
            for (int i = 0; i < count; i++) {
                Template t = templates.get(i % templates.size());
                String id = count <= templates.size() ? t.id() : t.id() + "-" + (i / templates.size() + 1);
                Platform platform = catalog.find(t.platform()).orElseThrow();
                SimulatedSshDevice.Builder b = SimulatedSshDevice.builder(id)
                        .respond(SimulatedSshDevice.recordingsFrom(t.captures(), platform));
                String credential = credentialFor(t.platform());
                switch (credential) {
                    case WINDOWS_CREDENTIAL -> b.user("SIM\\svc-audit").password(windowsPassword);
                    case VC_CREDENTIAL -> b.user("audit").password(vcPassword);
                    default -> b.user("auditor").authorizedKey(clientKey.getPublic());
                }
                SimulatedSshDevice device = b.start();
                started.add(device);
                knownHosts.append(device.knownHostsLine()).append('\n');
                inventory.append("  - { id: ").append(id).append(", roles: [").append(String.join(", ", t.roles()))
                        .append("], platform: ").append(t.platform()).append(", address: ").append(device.host())
                        .append(", port: ").append(device.port()).append(", credentials: ").append(credential)
                        .append(t.backupRequired() ? ", backup: required" : "").append(" }\n");
            }
            Files.writeString(dir.resolve("known_hosts"), knownHosts.toString(), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("inventory.yaml"), inventory.toString(), StandardCharsets.UTF_8);
        } catch (Throwable e) {
            closeAfterFailure(started, e);
            throw e;
        }
        return new SimulatedEstate(dir, started);
    }

    static String credentialFor(String platform) {
        return switch (platform) {
            case "windows" -> WINDOWS_CREDENTIAL;
            case "cisco-roomos" -> VC_CREDENTIAL;
            default -> KEY_CREDENTIAL;
        };
    }

    public Path dir() {
        return dir;
    }

    public Path inventory() {
        return dir.resolve("inventory.yaml");
    }

    public List<SimulatedSshDevice> devices() {
        return devices;
    }

    public SimulatedSshDevice device(String id) {
        return devices.stream().filter(d -> d.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no simulated device " + id));
    }

    /** Sessions still open on any device; 0 once the auditor has let go of every connection. */
    public int activeSessions() {
        return devices.stream().mapToInt(SimulatedSshDevice::activeSessions).sum();
    }

    @Override
    public void close() throws IOException {
        closeAll(devices);
    }

    /** Closes every one of {@code all}, even after one fails; then throws the first failure (later ones suppressed). */
    static void closeAll(List<? extends AutoCloseable> all) throws IOException {
        IOException first = null;
        for (AutoCloseable c : all) {
            try {
                c.close();
            } catch (Exception e) {
                if (first == null) first = e instanceof IOException io ? io : new IOException("cannot stop " + c, e);
                else first.addSuppressed(e);
            }
        }
        if (first != null) throw first;
    }

    /**
     * Stops what had started when starting an estate failed (an Error included: hundreds of devices can run out of
     * threads), so that nothing keeps listening; the failure being thrown stays the one to report.
     */
    static void closeAfterFailure(List<? extends AutoCloseable> started, Throwable failure) {
        try {
            closeAll(started);
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    /**
     * A new RSA key for the audit account, written to {@code dir/keys/auditor_rsa} (owner-only, OpenSSH format)
     * and {@code auditor_rsa.pub}; a key of an earlier run there is replaced.
     */
    static KeyPair writeAuditKey(Path dir, String comment) throws IOException {
        KeyPair key = rsaKey();
        Path privateKey = dir.resolve("keys/auditor_rsa");
        Files.deleteIfExists(privateKey);
        try (OutputStream out = Files.newOutputStream(privateKey)) {
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(key, comment, null, out);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot write the audit key: " + e.getMessage(), e);
        }
        ownerOnly(privateKey);
        Files.writeString(dir.resolve("keys/auditor_rsa.pub"), PublicKeyEntry.toString(key.getPublic()) + " " + comment + "\n");
        return key;
    }

    /** A password or passphrase in {@code dir/secrets/NAME}, owner-only, as an inventory's {@code passwordFile} names it. */
    static void writeSecret(Path dir, String name, String value) throws IOException {
        Path file = dir.resolve("secrets").resolve(name);
        Files.deleteIfExists(file);
        Files.writeString(file, value + "\n");
        ownerOnly(file);
    }

    private static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | FileSystemException ignored) {
            // Not a POSIX file system: the folder's own permissions are all there is.
        }
    }

    static KeyPair rsaKey() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(3072);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot generate an RSA key", e);
        }
    }

    static String randomPassword() {
        byte[] b = new byte[18];
        new SecureRandom().nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** Blocks until the process is stopped (Ctrl-C, SIGTERM), then closes {@code estate} on the way out. */
    public static void serveUntilStopped(AutoCloseable estate) throws InterruptedException {
        java.util.concurrent.CountDownLatch stopped = new java.util.concurrent.CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                estate.close();
            } catch (Exception ignored) {
                // Stopping anyway; the loopback ports close with the process.
            }
            stopped.countDown();
        }, "estate-shutdown"));
        stopped.await();
    }
}
