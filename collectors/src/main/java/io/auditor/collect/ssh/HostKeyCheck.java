package io.auditor.collect.ssh;

import com.jcraft.jsch.HostKey;
import com.jcraft.jsch.HostKeyRepository;
import com.jcraft.jsch.UserInfo;

import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The host key decision for one connection. JSch asks it whether the presented key is known; it answers from
 * the shared {@link KnownHostsFile}, records a first-seen key only when the run was started with
 * {@code --trust-new-hosts}, and remembers what it saw so a refusal can be explained precisely.
 */
final class HostKeyCheck implements HostKeyRepository {
    private final KnownHostsFile known;
    private final boolean trustNew;
    private final Consumer<String> notices;
    private final String deviceId;

    private volatile String host;
    private volatile byte[] presented;
    private volatile int verdict = -1;
    private volatile String recordFailure;

    HostKeyCheck(KnownHostsFile known, boolean trustNew, Consumer<String> notices, String deviceId) {
        this.known = known;
        this.trustNew = trustNew;
        this.notices = notices;
        this.deviceId = deviceId;
    }

    @Override
    public int check(String host, byte[] key) {
        this.host = host;
        this.presented = key.clone();
        int result = known.check(host, key);
        if (result == NOT_INCLUDED && trustNew) {
            try {
                known.record(host, key);
                notices.accept("trusted new host key of " + deviceId + " (" + host + "): "
                        + KnownHostsFile.keyType(key) + " " + KnownHostsFile.fingerprint(key) + ", added to "
                        + known.file());
                result = OK;
            } catch (IOException e) {
                recordFailure = e.getMessage();
            }
        }
        verdict = result;
        return result;
    }

    /** Why the connection was refused because of the host key, or null when the key was not the problem. */
    String refusal() {
        byte[] key = presented;
        if (key == null || verdict == OK || verdict == -1) return null;
        String what = KnownHostsFile.keyType(key) + " key " + KnownHostsFile.fingerprint(key);
        String file = String.valueOf(known.file());
        if (verdict == CHANGED) {
            List<Integer> lines = known.linesFor(host, KnownHostsFile.keyType(key));
            String where = lines.isEmpty() ? file
                    : file + (lines.size() == 1 ? " line " : " lines ")
                    + lines.stream().map(String::valueOf).collect(Collectors.joining(", "));
            return "host key CHANGED for " + host + ": the device now presents " + what + ", but " + where
                    + " holds a different one. Not connecting: this is what an interception looks like. If the "
                    + "device was rebuilt or its SSH server reinstalled, confirm that fingerprint on the device itself "
                    + "(ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub), remove " + (lines.isEmpty() ? "its entry" : "that line")
                    + " (ssh-keygen -R '" + host + "' -f " + file + ") and run again with --trust-new-hosts";
        }
        String hint = recordFailure != null ? " (could not record it: " + recordFailure + ")" : "";
        return "host key of " + host + " is not in " + file + ": the device presents " + what + hint
                + ". Confirm that fingerprint on the device itself (ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub), then "
                + "run again with --trust-new-hosts to record it, or add the line from ssh-keyscan yourself";
    }

    @Override
    public void add(HostKey hostkey, UserInfo ui) {
        // Keys are only ever recorded by check() under --trust-new-hosts, never by JSch on its own.
    }

    @Override
    public void remove(String host, String type) {
    }

    @Override
    public void remove(String host, String type, byte[] key) {
    }

    @Override
    public String getKnownHostsRepositoryID() {
        return String.valueOf(known.file());
    }

    @Override
    public HostKey[] getHostKey() {
        return known.hostKeys(null, null);
    }

    @Override
    public HostKey[] getHostKey(String host, String type) {
        return known.hostKeys(host, type);
    }
}
