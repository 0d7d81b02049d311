package io.auditor.collect.snmp;

import io.auditor.collect.CollectionException;
import io.auditor.collect.DeviceSession;
import io.auditor.collect.Probe;
import io.auditor.collect.Text;
import io.auditor.collect.Transport;
import io.auditor.model.Credential;
import io.auditor.model.Device;
import io.auditor.model.Observation;
import org.snmp4j.CommunityTarget;
import org.snmp4j.MessageDispatcherImpl;
import org.snmp4j.PDU;
import org.snmp4j.ScopedPDU;
import org.snmp4j.Snmp;
import org.snmp4j.Target;
import org.snmp4j.UserTarget;
import org.snmp4j.event.ResponseEvent;
import org.snmp4j.mp.MPv1;
import org.snmp4j.mp.MPv2c;
import org.snmp4j.mp.MPv3;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.security.AuthHMAC128SHA224;
import org.snmp4j.security.AuthHMAC192SHA256;
import org.snmp4j.security.AuthHMAC256SHA384;
import org.snmp4j.security.AuthHMAC384SHA512;
import org.snmp4j.security.AuthMD5;
import org.snmp4j.security.AuthSHA;
import org.snmp4j.security.PrivAES128;
import org.snmp4j.security.PrivAES192;
import org.snmp4j.security.PrivAES256;
import org.snmp4j.security.PrivDES;
import org.snmp4j.security.SecurityLevel;
import org.snmp4j.security.SecurityProtocols;
import org.snmp4j.security.USM;
import org.snmp4j.security.UsmUser;
import org.snmp4j.smi.Address;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.UdpAddress;
import org.snmp4j.smi.VariableBinding;
import org.snmp4j.transport.DefaultUdpTransportMapping;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Collects from devices over SNMP (SNMP4J): v1/v2c with a community, v3 USM (authNoPriv, authPriv with
 * SHA/SHA-2 and AES-128/192/256). Every probe's output is {@code snmpwalk -On} text ({@link WalkText}), so captures and
 * the simulated agent give the parsers the same input. Only GET, GETNEXT and GETBULK are ever sent.
 *
 * <p>Opening a session sends one GET (sysObjectID.0) so that a wrong address, community or passphrase makes the
 * device unreachable with a reason, rather than every probe failing alike.
 */
public final class SnmpTransport implements Transport {
    public static final int DEFAULT_PORT = 161;
    static final OID SYS_DESCR = new OID("1.3.6.1.2.1.1.1.0");
    static final OID SYS_OBJECT_ID = new OID("1.3.6.1.2.1.1.2.0");
    static final List<String> DEFAULT_COMMUNITIES = List.of("public", "private");
    /** usmStats counters an agent reports instead of an answer, and what each means for the technician. */
    private static final Map<String, String> USM_REPORTS = Map.of(
            "1.3.6.1.6.3.15.1.1.1.0", "the agent does not allow this security level for the user",
            "1.3.6.1.6.3.15.1.1.2.0", "the agent's clock window was not met (engine time)",
            "1.3.6.1.6.3.15.1.1.3.0", "the agent does not know this SNMPv3 user name",
            "1.3.6.1.6.3.15.1.1.4.0", "the agent's engine id was not recognised",
            "1.3.6.1.6.3.15.1.1.5.0", "authentication failed: wrong authentication passphrase or protocol",
            "1.3.6.1.6.3.15.1.1.6.0", "decryption failed: wrong privacy passphrase or protocol");

    private final Map<String, Credential> credentials;
    private final SnmpLimits limits;
    private final Function<String, String> env;
    private final Clock clock;

    public SnmpTransport(Map<String, Credential> credentials) {
        this(credentials, SnmpLimits.DEFAULTS, System::getenv, Clock.systemUTC());
    }

    public SnmpTransport(Map<String, Credential> credentials, SnmpLimits limits, Function<String, String> env,
                         Clock clock) {
        this.credentials = Map.copyOf(credentials);
        this.limits = limits;
        this.env = env;
        this.clock = clock;
    }

    @Override
    public DeviceSession open(Device device) throws CollectionException {
        if (device.address() == null || device.address().isBlank()) {
            throw new CollectionException("device " + device.id() + " has no address: add 'address: IP-or-name' "
                    + "to it in the inventory");
        }
        Credential c = device.credentials() == null ? null : credentials.get(device.credentials());
        if (c == null || !"snmp".equals(c.type())) {
            throw new CollectionException("device " + device.id() + " needs an SNMP credential (type: snmp)");
        }
        SnmpSettings settings = SnmpSettings.of(c, env);
        int port = device.port() == null ? DEFAULT_PORT : device.port();
        InetAddress ip;
        try {
            ip = InetAddress.getByName(device.address());
        } catch (UnknownHostException e) {
            throw new CollectionException("cannot resolve " + device.address() + ": check the device's address");
        }
        UdpAddress address = new UdpAddress(ip, port);
        Snmp snmp = null;
        try {
            snmp = newSnmp(settings);
            Session session = new Session(device.id(), snmp, settings, address, "udp:" + device.address() + ":" + port);
            session.check();
            return session;
        } catch (IOException e) {
            close(snmp);
            throw new CollectionException("cannot open a UDP socket for SNMP: " + e.getMessage(), e);
        } catch (CollectionException | RuntimeException e) {
            close(snmp);
            throw e;
        }
    }

    private static void close(Snmp snmp) {
        if (snmp == null) return;
        try {
            snmp.close();
        } catch (IOException ignored) {
            // Closing a UDP socket; nothing to report.
        }
    }

    /** One SNMP engine per session: its own USM, so users and engine ids never leak between devices or threads. */
    private static Snmp newSnmp(SnmpSettings s) throws IOException {
        MessageDispatcherImpl dispatcher = new MessageDispatcherImpl();
        dispatcher.addMessageProcessingModel(new MPv1());
        dispatcher.addMessageProcessingModel(new MPv2c());
        SecurityProtocols protocols = new SecurityProtocols(SecurityProtocols.SecurityProtocolSet.none);
        for (var p : List.of(new AuthMD5(), new AuthSHA(), new AuthHMAC128SHA224(), new AuthHMAC192SHA256(),
                new AuthHMAC256SHA384(), new AuthHMAC384SHA512())) protocols.addAuthenticationProtocol(p);
        for (var p : List.of(new PrivDES(), new PrivAES128(), new PrivAES192(), new PrivAES256())) protocols.addPrivacyProtocol(p);
        USM usm = new USM(protocols, new OctetString(MPv3.createLocalEngineID()), 0);
        dispatcher.addMessageProcessingModel(new MPv3(usm));
        Snmp snmp = new Snmp(dispatcher, new DefaultUdpTransportMapping());
        if (s.version().equals("3")) {
            OctetString user = new OctetString(s.username());
            usm.addUser(user, new UsmUser(user, authOid(s.authProtocol()), octets(s.authPassword()),
                    privOid(s.privProtocol()), octets(s.privPassword())));
        }
        snmp.listen();
        return snmp;
    }

    private static OctetString octets(byte[] b) {
        return b == null ? null : new OctetString(b);
    }

    /**
     * The SNMP4J id of an authentication protocol by its canonical name (a value of {@link SnmpSettings#AUTH}), or
     * null for none; public so the simulated agents serve users with exactly the protocols the auditor sends.
     */
    public static OID authOid(String name) {
        if (name == null) return null;
        return switch (name) {
            case "MD5" -> AuthMD5.ID;
            case "SHA" -> AuthSHA.ID;
            case "SHA-224" -> AuthHMAC128SHA224.ID;
            case "SHA-256" -> AuthHMAC192SHA256.ID;
            case "SHA-384" -> AuthHMAC256SHA384.ID;
            case "SHA-512" -> AuthHMAC384SHA512.ID;
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** The SNMP4J id of a privacy protocol by its canonical name (a value of {@link SnmpSettings#PRIV}), or null for none. */
    public static OID privOid(String name) {
        if (name == null) return null;
        return switch (name) {
            case "DES" -> PrivDES.ID;
            case "AES" -> PrivAES128.ID;
            case "AES-192" -> PrivAES192.ID;
            case "AES-256" -> PrivAES256.ID;
            default -> throw new IllegalArgumentException(name);
        };
    }

    private final class Session implements DeviceSession {
        private final String deviceId;
        private final Snmp snmp;
        private final SnmpSettings settings;
        private final UdpAddress address;
        private final String where;
        private final Target<Address> target;

        Session(String deviceId, Snmp snmp, SnmpSettings settings, UdpAddress address, String where) {
            this.deviceId = deviceId;
            this.snmp = snmp;
            this.settings = settings;
            this.address = address;
            this.where = where;
            this.target = target(settings, address);
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private Target<Address> target(SnmpSettings s, UdpAddress addr) {
            Target t;
            if (s.version().equals("3")) {
                UserTarget<UdpAddress> u = new UserTarget<>();
                u.setSecurityName(new OctetString(s.username()));
                u.setSecurityLevel(switch (s.securityLevel()) {
                    case "authPriv" -> SecurityLevel.AUTH_PRIV;
                    case "authNoPriv" -> SecurityLevel.AUTH_NOPRIV;
                    default -> SecurityLevel.NOAUTH_NOPRIV;
                });
                u.setVersion(SnmpConstants.version3);
                t = u;
            } else {
                CommunityTarget<UdpAddress> ct = new CommunityTarget<>();
                ct.setCommunity(new OctetString(s.community()));
                ct.setVersion(s.version().equals("1") ? SnmpConstants.version1 : SnmpConstants.version2c);
                t = ct;
            }
            t.setAddress(addr);
            t.setTimeout(limits.requestTimeout().toMillis());
            t.setRetries(limits.retries());
            return (Target<Address>) t;
        }

        /** One GET that proves the address, port and credential work. */
        void check() throws CollectionException {
            PDU pdu = pdu(PDU.GET);
            pdu.add(new VariableBinding(SYS_OBJECT_ID));
            send(pdu, "the first request (sysObjectID.0)");
        }

        @Override
        public Observation run(Probe probe) throws CollectionException {
            SnmpCommand command;
            try {
                command = SnmpCommand.parse(probe.command());
            } catch (IllegalArgumentException e) {
                throw new CollectionException("probe " + probe.id() + " has a bad SNMP command: " + e.getMessage());
            }
            Instant started = clock.instant();
            long t0 = System.nanoTime();
            long deadline = t0 + limits.probeTimeout().toNanos();
            Output out = new Output();
            switch (command.verb()) {
                case "walk" -> {
                    for (String oid : command.arguments()) walk(new OID(oid), out, deadline);
                }
                case "get" -> get(command.arguments(), out);
                case "map" -> {
                    String name = command.arguments().get(0);
                    OidMap map = OidMaps.builtIn().find(name).orElseThrow(() -> new CollectionException(
                            "no OID map '" + name + "' is installed; known maps: " + String.join(", ", OidMaps.builtIn().names())));
                    for (String oid : map.walkedOids()) walk(new OID(oid), out, deadline);
                }
                case "default-communities" -> defaultCommunities(out);
                default -> throw new CollectionException("unsupported SNMP command " + command.verb());
            }
            long millis = (System.nanoTime() - t0) / 1_000_000;
            return new Observation(deviceId, probe.id(), probe.command(), out.text.toString(), null, started, millis,
                    false);
        }

        private void walk(OID root, Output out, long deadline) throws CollectionException {
            OID last = root;
            int repetitions = limits.maxRepetitions();
            boolean v1 = settings.version().equals("1");
            int found = 0;
            while (true) {
                if (System.nanoTime() > deadline) {
                    throw new CollectionException("walk of " + root + " did not finish within "
                            + Text.duration(limits.probeTimeout()) + " (" + out.rows + " rows read); the agent "
                            + "is too slow or the table too large (raise --command-timeout if it is only slow)");
                }
                PDU pdu = pdu(v1 ? PDU.GETNEXT : PDU.GETBULK);
                if (!v1) {
                    pdu.setMaxRepetitions(repetitions);
                    pdu.setNonRepeaters(0);
                }
                pdu.add(new VariableBinding(last));
                PDU response = send(pdu, "walk of " + root);
                if (response.getErrorStatus() == PDU.tooBig && !v1 && repetitions > 1) {
                    repetitions = Math.max(1, repetitions / 2);
                    continue;
                }
                if (response.getErrorStatus() != PDU.noError) {
                    // v1 agents end a walk past their last object with noSuchName.
                    if (v1 && response.getErrorStatus() == PDU.noSuchName) {
                        if (found == 0) getScalar(root, out);
                        return;
                    }
                    throw new CollectionException("walk of " + root + ": the agent answered "
                            + response.getErrorStatusText() + " at " + last);
                }
                if (response.size() == 0) {
                    if (found == 0) getScalar(root, out);
                    return;
                }
                for (VariableBinding vb : response.getVariableBindings()) {
                    // endOfMibView comes back with the requested OID itself: the end, not a loop.
                    if (!vb.isException() && vb.getOid().startsWith(root) && vb.getOid().compareTo(last) <= 0) {
                        throw new CollectionException("walk of " + root + " stopped: the agent returned " + vb.getOid()
                                + " after " + last + ", which does not increase (a broken agent would loop forever)");
                    }
                    if (vb.isException() || !vb.getOid().startsWith(root) || vb.getOid().size() == root.size()) {
                        if (found == 0) getScalar(root, out);
                        return;
                    }
                    out.add(WalkText.format(vb), root, limits);
                    found++;
                    last = vb.getOid();
                }
            }
        }

        /** As snmpwalk does when nothing lies under the OID: it may name a single object, so GET it. */
        private void getScalar(OID oid, Output out) throws CollectionException {
            PDU pdu = pdu(PDU.GET);
            pdu.add(new VariableBinding(oid));
            PDU response = send(pdu, "get of " + oid);
            if (response.getErrorStatus() != PDU.noError || response.size() == 0) return;
            VariableBinding vb = response.get(0);
            if (!vb.isException()) out.add(WalkText.format(vb), oid, limits);
        }

        private void get(List<String> oids, Output out) throws CollectionException {
            PDU pdu = pdu(PDU.GET);
            for (String oid : oids) pdu.add(new VariableBinding(new OID(oid)));
            PDU response = send(pdu, "get");
            if (response.getErrorStatus() != PDU.noError) {
                throw new CollectionException("get: the agent answered " + response.getErrorStatusText());
            }
            for (VariableBinding vb : response.getVariableBindings()) out.add(WalkText.format(vb), null, limits);
        }

        /** Both communities are tried at once: the usual answer is silence, so their timeouts overlap. */
        private void defaultCommunities(Output out) throws CollectionException {
            out.line("# SNMP access used by the scan: " + settings.describe());
            Map<String, java.util.concurrent.CompletableFuture<PDU>> answers = new java.util.LinkedHashMap<>();
            for (String community : DEFAULT_COMMUNITIES) {
                CommunityTarget<UdpAddress> t = new CommunityTarget<>(address, new OctetString(community));
                t.setVersion(SnmpConstants.version2c);
                t.setTimeout(limits.communityTimeout().toMillis());
                t.setRetries(1);
                PDU pdu = new PDU();
                pdu.setType(PDU.GET);
                pdu.add(new VariableBinding(SYS_DESCR));
                java.util.concurrent.CompletableFuture<PDU> answer = new java.util.concurrent.CompletableFuture<>();
                answers.put(community, answer);
                try {
                    snmp.send(pdu, t, null, new org.snmp4j.event.ResponseListener() {
                        @Override
                        public <A extends Address> void onResponse(ResponseEvent<A> event) {
                            ((Snmp) event.getSource()).cancel(event.getRequest(), this);
                            answer.complete(event.getResponse());
                        }
                    });
                } catch (IOException ex) {
                    throw new CollectionException("sending to " + where + " failed: " + ex.getMessage(), ex);
                }
            }
            long waitMillis = limits.communityTimeout().toMillis() * 2 + 2000;
            for (Map.Entry<String, java.util.concurrent.CompletableFuture<PDU>> e : answers.entrySet()) {
                String community = e.getKey();
                PDU r;
                try {
                    r = e.getValue().get(waitMillis, java.util.concurrent.TimeUnit.MILLISECONDS);
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    throw new CollectionException("interrupted while trying the default communities");
                } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException ex) {
                    r = null;
                }
                if (r == null) {
                    out.line(community + ": no answer within " + limits.communityTimeout().toMillis() + " ms (2 tries)");
                } else if (r.getErrorStatus() != PDU.noError) {
                    out.line(community + ": refused: " + r.getErrorStatusText());
                } else if (r.size() > 0 && !r.get(0).isException()) {
                    out.line(community + ": answered: " + WalkText.format(r.get(0)).replace('\n', ' '));
                } else {
                    out.line(community + ": answered with no data: " + (r.size() > 0 ? WalkText.format(r.get(0)) : "empty"));
                }
            }
        }

        private PDU pdu(int type) {
            PDU pdu = settings.version().equals("3") ? new ScopedPDU() : new PDU();
            pdu.setType(type);
            return pdu;
        }

        /** Sends and returns the response, or throws with a reason a technician can act on. */
        private PDU send(PDU pdu, String what) throws CollectionException {
            ResponseEvent<Address> e;
            try {
                e = snmp.send(pdu, target);
            } catch (IOException ex) {
                throw new CollectionException("sending to " + where + " failed: " + ex.getMessage(), ex);
            }
            PDU r = e == null ? null : e.getResponse();
            if (r == null) {
                Exception err = e == null ? null : e.getError();
                long tries = limits.retries() + 1L;
                throw new CollectionException("no answer from " + where + " to " + what + " within "
                        + limits.requestTimeout().toMillis() + " ms (" + tries + (tries == 1 ? " try" : " tries") + ")"
                        + (err == null ? "" : ": " + err.getMessage()) + "; check the address and port, that SNMP is "
                        + "enabled and allows the auditor's address, and the " + (settings.version().equals("3")
                        ? "SNMPv3 user, protocols and passphrases of credential '" + settings.credentialName()
                        + "' (a wrong passphrase also looks like no answer: messages that fail authentication or "
                        + "decryption are dropped, not answered)"
                        : "community of credential '" + settings.credentialName() + "' (agents do not answer a wrong "
                        + "community)"));
            }
            if (r.getType() == PDU.REPORT) {
                String oid = r.size() > 0 ? r.get(0).getOid().toDottedString() : "";
                String meaning = USM_REPORTS.getOrDefault(oid, "the agent reported " + oid);
                throw new CollectionException(where + " refused " + what + ": " + meaning + " (user '"
                        + settings.username() + "', " + settings.describe() + ", credential '"
                        + settings.credentialName() + "')");
            }
            return r;
        }

        @Override
        public void close() {
            SnmpTransport.close(snmp);
        }
    }

    /** The probe's text, bounded in rows and bytes. */
    private static final class Output {
        final StringBuilder text = new StringBuilder();
        int rows;
        long bytes;

        void add(String line, OID root, SnmpLimits limits) throws CollectionException {
            rows++;
            bytes += line.getBytes(StandardCharsets.UTF_8).length + 1L;
            if (rows > limits.maxRows()) {
                throw new CollectionException((root == null ? "the answer" : "walk of " + root) + " stopped after "
                        + limits.maxRows() + " rows, the most one probe may read; the table is larger than the "
                        + "auditor accepts from a device");
            }
            if (bytes > limits.maxBytes()) {
                throw new CollectionException((root == null ? "the answer" : "walk of " + root) + " stopped after "
                        + limits.maxBytes() / 1024 + " KiB, the most one probe may read");
            }
            line(line);
        }

        void line(String line) {
            text.append(line).append('\n');
        }
    }
}
