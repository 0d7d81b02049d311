package io.auditor.collect.ssh;

import com.jcraft.jsch.HostKey;
import com.jcraft.jsch.HostKeyRepository;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * The inventory's known_hosts file, shared by every connection of a scan. Matching (hashed names, markers) is
 * JSch's own {@code KnownHosts}; this class adds what a technician needs when a key does not match — the
 * fingerprint, the file and the line — and, only when asked, appends keys of hosts seen for the first time.
 * The file is only ever appended to, never rewritten, so comments and other tools' entries survive.
 */
public final class KnownHostsFile {
    private final Path file;
    private final HostKeyRepository known;
    /** Keys recorded during this run with --trust-new-hosts: {host, type, base64 key}. */
    private final List<String[]> recorded = new ArrayList<>();

    private KnownHostsFile(Path file, HostKeyRepository known) {
        this.file = file;
        this.known = known;
    }

    /** Loads the file; a missing file is an empty one (every host unknown) until --trust-new-hosts adds to it. */
    public static KnownHostsFile load(Path file) throws IOException {
        byte[] bytes = file != null && Files.exists(file) ? Files.readAllBytes(file) : new byte[0];
        JSch jsch = new JSch();
        try {
            jsch.setKnownHosts(new ByteArrayInputStream(bytes));
        } catch (JSchException e) {
            throw new IOException("cannot read known_hosts " + file + ": " + e.getMessage(), e);
        }
        return new KnownHostsFile(file, jsch.getHostKeyRepository());
    }

    public Path file() {
        return file;
    }

    /** {@link HostKeyRepository#OK}, {@code NOT_INCLUDED} or {@code CHANGED} for {@code host} presenting {@code key}. */
    synchronized int check(String host, byte[] key) {
        String type = keyType(key);
        String b64 = Base64.getEncoder().encodeToString(key);
        for (String[] r : recorded) {
            if (r[0].equals(host) && r[1].equals(type)) return r[2].equals(b64) ? HostKeyRepository.OK : HostKeyRepository.CHANGED;
        }
        return known.check(host, key);
    }

    synchronized HostKey[] hostKeys(String host, String type) {
        return known.getHostKey(host, type);
    }

    /** Appends {@code host type key} to the file (creating it) and trusts it for the rest of the run. */
    synchronized void record(String host, byte[] key) throws IOException {
        String type = keyType(key);
        String b64 = Base64.getEncoder().encodeToString(key);
        if (file == null) throw new IOException("the inventory names no knownHosts file to record the key in");
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        String line = host + " " + type + " " + b64 + "\n";
        byte[] existing = Files.exists(file) ? Files.readAllBytes(file) : new byte[0];
        boolean needsNewline = existing.length > 0 && existing[existing.length - 1] != '\n';
        Files.writeString(file, (needsNewline ? "\n" : "") + line, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        recorded.add(new String[]{host, type, b64});
    }

    /** Line numbers (1-based) of entries for {@code host}, hashed or plain, optionally of one key type only. */
    synchronized List<Integer> linesFor(String host, String type) {
        List<Integer> lines = new ArrayList<>();
        if (file == null || !Files.exists(file)) return lines;
        List<String> all;
        try {
            all = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return lines;
        }
        for (int i = 0; i < all.size(); i++) {
            String[] f = all.get(i).strip().split("\\s+");
            if (f.length < 3 || f[0].startsWith("#")) continue;
            int h = f[0].startsWith("@") ? 1 : 0;
            if (f.length < h + 3) continue;
            if (type != null && !type.equals(f[h + 1])) continue;
            for (String pattern : f[h].split(",")) {
                if (pattern.equals(host) || hashedMatch(pattern, host)) {
                    lines.add(i + 1);
                    break;
                }
            }
        }
        return lines;
    }

    /** OpenSSH's hashed host names: {@code |1|base64(salt)|base64(HMAC-SHA1(salt, host))}. */
    private static boolean hashedMatch(String pattern, String host) {
        if (!pattern.startsWith("|1|")) return false;
        String[] parts = pattern.substring(3).split("\\|");
        if (parts.length != 2) return false;
        try {
            byte[] salt = Base64.getDecoder().decode(parts[0]);
            byte[] expected = Base64.getDecoder().decode(parts[1]);
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(salt, "HmacSHA1"));
            return MessageDigest.isEqual(expected, mac.doFinal(host.getBytes(StandardCharsets.UTF_8)));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return false;
        }
    }

    /** The key's algorithm name, the first string of its SSH wire encoding (for example ssh-ed25519). */
    static String keyType(byte[] key) {
        if (key.length < 4) return "unknown";
        int n = ((key[0] & 0xff) << 24) | ((key[1] & 0xff) << 16) | ((key[2] & 0xff) << 8) | (key[3] & 0xff);
        if (n <= 0 || n > 64 || 4 + n > key.length) return "unknown";
        return new String(Arrays.copyOfRange(key, 4, 4 + n), StandardCharsets.US_ASCII);
    }

    /** OpenSSH's fingerprint format: {@code SHA256:} and the unpadded base64 of the key blob's SHA-256. */
    public static String fingerprint(byte[] key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e); // SHA-256 is in every JDK
        }
    }
}
