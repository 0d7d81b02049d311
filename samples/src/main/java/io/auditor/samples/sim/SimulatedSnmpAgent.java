package io.auditor.samples.sim;

import io.auditor.collect.UnrecognisedOutputException;
import io.auditor.collect.snmp.SnmpSettings;
import io.auditor.collect.snmp.SnmpTransport;
import io.auditor.collect.snmp.WalkEntry;
import io.auditor.collect.snmp.WalkText;
import io.auditor.samples.sim.SimulatedSnmpDaemon.V3User;
import org.snmp4j.CommandResponder;
import org.snmp4j.CommandResponderEvent;
import org.snmp4j.MessageDispatcherImpl;
import org.snmp4j.PDU;
import org.snmp4j.ScopedPDU;
import org.snmp4j.Snmp;
import org.snmp4j.TransportStateReference;
import org.snmp4j.asn1.BERInputStream;
import org.snmp4j.asn1.BEROutputStream;
import org.snmp4j.agent.CommandProcessor;
import org.snmp4j.agent.DefaultMOServer;
import org.snmp4j.agent.DuplicateRegistrationException;
import org.snmp4j.agent.mo.ext.StaticMOGroup;
import org.snmp4j.agent.mo.snmp.CoexistenceInfo;
import org.snmp4j.agent.mo.snmp.CoexistenceInfoProvider;
import org.snmp4j.agent.mo.snmp.StorageType;
import org.snmp4j.agent.mo.snmp.VacmMIB;
import org.snmp4j.agent.MOServer;
import org.snmp4j.mp.CounterSupport;
import org.snmp4j.mp.DefaultCounterListener;
import org.snmp4j.mp.MPv1;
import org.snmp4j.mp.MPv2c;
import org.snmp4j.mp.MPv3;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.mp.StatusInformation;
import org.snmp4j.security.SecurityLevel;
import org.snmp4j.security.SecurityModel;
import org.snmp4j.security.SecurityModels;
import org.snmp4j.security.SecurityParameters;
import org.snmp4j.security.SecurityStateReference;
import org.snmp4j.security.SecurityProtocols;
import org.snmp4j.security.USM;
import org.snmp4j.security.UsmUser;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.UdpAddress;
import org.snmp4j.smi.VariableBinding;
import org.snmp4j.transport.DefaultUdpTransportMapping;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * An SNMP device simulated in-process with SNMP4J-Agent: it serves a recorded walk ({@code snmpwalk -On} text, as
 * kept under {@code samples/walks/}) read-only on a loopback port, answering GET, GETNEXT and GETBULK like the recorded
 * switch or wireless controller: over v1/v2c to one community, over SNMPv3 (USM) to one user, or both.
 *
 * <p>Who may read is decided by SNMP4J-Agent's own VACM (RFC 3415): the community (security models v1 and v2c) and
 * the v3 user (security model USM, at the user's own security level or higher, as net-snmp's {@code rouser NAME priv})
 * may read every object; nothing may be written. A wrong community gets no answer, as on real kit. A v3 request with
 * an unknown user, a wrong authentication key or a level the user has no keys for gets the USM report
 * (usmStatsUnknownUserNames, usmStatsWrongDigests, usmStatsUnsupportedSecLevels) unauthenticated, as net-snmp sends
 * it; a wrong privacy key gets no answer. The auditor's transport names the unknown user and reports the others as no
 * answer, exactly as it does against net-snmp.
 *
 * <p>Each agent is an SNMP engine of its own: its own random engine id, USM, security protocols, security models and
 * counters rather than SNMP4J's process-wide instances, so that many agents in one JVM (the demo estate) and the
 * auditor's own per-session USM never see each other's users, keys or engine times.
 *
 * <p>Protocol names are the inventory's ({@code SHA-256}, {@code AES-256}, …: {@link SnmpSettings#AUTH} and
 * {@link SnmpSettings#PRIV}), mapped to SNMP4J's protocols by the transport's own {@link SnmpTransport#authOid} and
 * {@link SnmpTransport#privOid}, so agent and auditor can never disagree on what a name means.
 *
 * <p>For fault tests it can misbehave: {@link #loopingUnder(OID)} answers every walk under an OID with the same
 * object again (non-increasing OIDs, which would make a naive walker loop forever).
 */
public final class SimulatedSnmpAgent implements AutoCloseable {
    private static final OctetString EVERYTHING = new OctetString("everything");
    private static final OctetString NO_VIEW = new OctetString();
    private static final OctetString DEFAULT_CONTEXT = new OctetString();

    private final Snmp snmp;
    private final String community;
    private final V3User user;
    private final OctetString engineId;
    private String address;
    private int port;
    private volatile OID loopRoot;
    /** The one object a looping walk gets back, again and again: the first OID asked for under the loop root, plus .1. */
    private volatile OID loopAnswer;

    private SimulatedSnmpAgent(Snmp snmp, String community, V3User user, OctetString engineId) {
        this.snmp = snmp;
        this.community = community;
        this.user = user;
        this.engineId = engineId;
    }

    /** Serves the recorded walk in {@code walkFile} to the given community (v1/v2c). */
    public static SimulatedSnmpAgent fromWalk(Path walkFile, String community) throws IOException {
        return serving(read(walkFile), community);
    }

    /** Serves the recorded walk in {@code walkFile} to one SNMPv3 user only (no community is answered). */
    public static SimulatedSnmpAgent fromWalk(Path walkFile, V3User user) throws IOException {
        return servingV3(read(walkFile), user);
    }

    /** The variable bindings of a recorded walk file, sorted by OID. */
    static List<VariableBinding> read(Path walkFile) throws IOException {
        return bindings(Files.readString(walkFile, StandardCharsets.UTF_8), walkFile.toString());
    }

    /** The variable bindings of a recorded walk, sorted by OID; a later duplicate replaces an earlier one. */
    public static List<VariableBinding> bindings(String walkText, String where) throws IOException {
        List<WalkEntry> entries;
        try {
            entries = WalkText.parse(walkText);
        } catch (UnrecognisedOutputException e) {
            throw new IOException(where + ":" + e.line() + ": " + e.getMessage(), e);
        }
        TreeMap<OID, VariableBinding> sorted = new TreeMap<>();
        for (WalkEntry e : entries) {
            VariableBinding vb = WalkText.toBinding(e);
            if (vb != null) sorted.put(vb.getOid(), vb);
        }
        return new ArrayList<>(sorted.values());
    }

    /** Serves exactly these objects (for example a generated huge table) to the given community (v1/v2c) on 127.0.0.1. */
    public static SimulatedSnmpAgent serving(List<VariableBinding> bindings, String community) throws IOException {
        return serving(bindings, community, null, null);
    }

    /** As {@link #serving(List, String)}, listening on the given loopback address (any 127.x.y.z on Linux). */
    public static SimulatedSnmpAgent serving(List<VariableBinding> bindings, String community, String address)
            throws IOException {
        return serving(bindings, community, null, address);
    }

    /** Serves exactly these objects to one SNMPv3 user only (no community is answered) on 127.0.0.1. */
    public static SimulatedSnmpAgent servingV3(List<VariableBinding> bindings, V3User user) throws IOException {
        return serving(bindings, null, user, null);
    }

    /** As {@link #servingV3(List, V3User)}, listening on the given loopback address (any 127.x.y.z on Linux). */
    public static SimulatedSnmpAgent servingV3(List<VariableBinding> bindings, V3User user, String address)
            throws IOException {
        return serving(bindings, null, user, address);
    }

    /**
     * Serves exactly these objects to a community (v1/v2c), to an SNMPv3 user, or to both, as a switch that kept its
     * old community beside the v3 user would; either may be null, not both.
     *
     * @param address the loopback address to listen on, or null for 127.0.0.1
     * @throws IllegalArgumentException if the address is not a loopback address, the user names a protocol the
     *                                  auditor does not support, or a passphrase is shorter than the 8 characters
     *                                  RFC 3414 requires
     */
    public static SimulatedSnmpAgent serving(List<VariableBinding> bindings, String community, V3User user,
                                             String address) throws IOException {
        if (community == null && user == null) {
            throw new IllegalArgumentException("a simulated agent needs a community or an SNMPv3 user to answer");
        }
        InetAddress listen = address == null ? InetAddress.getLoopbackAddress() : InetAddress.getByName(address);
        if (!listen.isLoopbackAddress()) {
            // a simulated device answers anyone who can reach it: never outside this machine
            throw new IllegalArgumentException("a simulated agent listens on loopback only, not " + address
                    + ": use an address in 127.0.0.0/8");
        }
        UsmUser usmUser = user == null ? null : usmUser(user);
        // The default engine id is the same for every engine in the JVM (enterprise id + host address): a random
        // node part keeps each agent's engine, and so its localised keys, its own.
        OctetString engineId = new OctetString(MPv3.createLocalEngineID(new OctetString(uuidBytes(UUID.randomUUID()))));

        MessageDispatcherImpl dispatcher = new MessageDispatcherImpl();
        dispatcher.addMessageProcessingModel(new MPv1());
        dispatcher.addMessageProcessingModel(new MPv2c());
        SecurityModels securityModels = new SecurityModels();
        if (usmUser != null) {
            CounterSupport counters = new CounterSupport();
            counters.addCounterListener(new DefaultCounterListener()); // USM reports carry these counts
            SecurityProtocols protocols = new SecurityProtocols(SecurityProtocols.SecurityProtocolSet.maxCompatibility);
            USM usm = new AgentUsm(protocols, engineId, counters);
            usm.addUser(usmUser.getSecurityName(), engineId, usmUser);
            securityModels.addSecurityModel(usm);
            dispatcher.addMessageProcessingModel(new MPv3(engineId.getValue(), null, protocols, securityModels, counters));
        }
        CommandProcessor processor = new CommandProcessor(engineId);
        if (community != null) processor.setCoexistenceProvider(new CommunityOnly(community, engineId));
        DefaultMOServer server = new DefaultMOServer();
        TreeMap<OID, VariableBinding> sorted = new TreeMap<>();
        for (VariableBinding vb : bindings) sorted.put(vb.getOid(), vb);
        try {
            server.register(new StaticMOGroup(new OID("1"), sorted.values().toArray(new VariableBinding[0])), null);
        } catch (DuplicateRegistrationException e) {
            throw new IllegalStateException(e); // one group on a fresh server cannot clash
        }
        processor.addMOServer(server);
        processor.setVacm(readOnlyView(server, securityModels, community, user, usmUser));

        // The socket is bound here, so from here on a failure must close it (the demo starts many agents in one JVM).
        DefaultUdpTransportMapping transport = new DefaultUdpTransportMapping(new UdpAddress(listen, 0));
        Snmp snmp = new Snmp(dispatcher, transport);
        try {
            SimulatedSnmpAgent agent = new SimulatedSnmpAgent(snmp, community, user, engineId);
            snmp.addCommandResponder(agent.new Gate());
            snmp.addCommandResponder(processor);
            snmp.listen();
            agent.port = transport.getListenAddress().getPort();
            agent.address = transport.getListenAddress().getInetAddress().getHostAddress();
            return agent;
        } catch (IOException | RuntimeException e) {
            try {
                snmp.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /** The user with the SNMP4J protocol ids the auditor itself uses for the same names (SnmpTransport). */
    private static UsmUser usmUser(V3User u) {
        if (u.name() == null || u.name().isBlank()) throw new IllegalArgumentException("an SNMPv3 user needs a name");
        OID auth = SnmpTransport.authOid(canonical("authentication", u.authProtocol(), SnmpSettings.AUTH));
        OID priv = SnmpTransport.privOid(canonical("privacy", u.privProtocol(), SnmpSettings.PRIV));
        if (priv != null && auth == null) {
            throw new IllegalArgumentException("SNMPv3 user " + u.name() + " has privacy without authentication, "
                    + "which SNMPv3 does not allow");
        }
        passphrase(u, "authentication", auth, u.authPassword());
        passphrase(u, "privacy", priv, u.privPassword());
        return new UsmUser(new OctetString(u.name()), auth, auth == null ? null : new OctetString(u.authPassword()),
                priv, priv == null ? null : new OctetString(u.privPassword()));
    }

    private static String canonical(String what, String name, Map<String, String> names) {
        if (name == null) return null;
        String canon = names.get(name.toLowerCase(Locale.ROOT));
        if (canon == null) {
            throw new IllegalArgumentException(what + " protocol '" + name + "' is not supported; write one of "
                    + String.join(", ", new TreeSet<>(names.values())));
        }
        return canon;
    }

    private static void passphrase(V3User u, String what, OID protocol, String passphrase) {
        if (protocol != null && (passphrase == null || passphrase.length() < USM.RFC3414_11_2_MIN_PASSWORD_LENGTH)) {
            throw new IllegalArgumentException("SNMPv3 user " + u.name() + " needs an " + what + " passphrase of at least "
                    + USM.RFC3414_11_2_MIN_PASSWORD_LENGTH + " characters (RFC 3414)");
        }
    }

    private static byte[] uuidBytes(UUID id) {
        return java.nio.ByteBuffer.allocate(16).putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits()).array();
    }

    /**
     * Everything readable, nothing writable, and only to the agent's own principals: the community under the v1 and
     * v2c security models, the user under USM at no lower a security level than its keys allow.
     */
    private static VacmMIB readOnlyView(MOServer server, SecurityModels securityModels, String community, V3User user,
                                        UsmUser usmUser) {
        VacmMIB vacm = new VacmMIB(new MOServer[] {server}, securityModels);
        vacm.addViewTreeFamily(EVERYTHING, new OID("1"), new OctetString(), VacmMIB.vacmViewIncluded,
                StorageType.volatile_);
        if (community != null) {
            OctetString group = new OctetString("community-readers");
            vacm.addGroup(SecurityModel.SECURITY_MODEL_SNMPv1, new OctetString(community), group, StorageType.volatile_);
            vacm.addGroup(SecurityModel.SECURITY_MODEL_SNMPv2c, new OctetString(community), group, StorageType.volatile_);
            for (int model : new int[] {SecurityModel.SECURITY_MODEL_SNMPv1, SecurityModel.SECURITY_MODEL_SNMPv2c}) {
                vacm.addAccess(group, DEFAULT_CONTEXT, model, SecurityLevel.NOAUTH_NOPRIV, VacmMIB.vacmExactMatch,
                        EVERYTHING, NO_VIEW, NO_VIEW, StorageType.volatile_);
            }
        }
        if (user != null) {
            OctetString group = new OctetString("usm-readers");
            int level = usmUser.getPrivacyProtocol() != null ? SecurityLevel.AUTH_PRIV
                    : usmUser.getAuthenticationProtocol() != null ? SecurityLevel.AUTH_NOPRIV : SecurityLevel.NOAUTH_NOPRIV;
            vacm.addGroup(SecurityModel.SECURITY_MODEL_USM, new OctetString(user.name()), group, StorageType.volatile_);
            vacm.addAccess(group, DEFAULT_CONTEXT, SecurityModel.SECURITY_MODEL_USM, level, VacmMIB.vacmExactMatch,
                    EVERYTHING, NO_VIEW, NO_VIEW, StorageType.volatile_);
        }
        return vacm;
    }

    /**
     * From now on, every GETNEXT/GETBULK under {@code root} is answered with the same object: the first OID asked for
     * there plus {@code .1}, so the second request of a walk gets an OID that does not increase.
     */
    public SimulatedSnmpAgent loopingUnder(OID root) {
        this.loopRoot = root;
        return this;
    }

    public int port() {
        return port;
    }

    /** The loopback address the agent listens on, as text ({@code 127.0.0.1} unless another was given). */
    public String address() {
        return address;
    }

    /** The community answered over v1/v2c, or null if the agent answers SNMPv3 only. */
    public String community() {
        return community;
    }

    /** The SNMPv3 user answered, or null if the agent answers v1/v2c only. */
    public V3User user() {
        return user;
    }

    /** This agent's own SNMP engine id (random per agent; the authoritative engine of its USM). */
    public OctetString engineId() {
        return new OctetString(engineId);
    }

    @Override
    public void close() {
        try {
            snmp.close();
        } catch (IOException ignored) {
            // closing a loopback socket
        }
    }

    /**
     * Drops v1/v2c requests with the wrong community (as real agents do; an SNMPv3 request reaches here only once USM
     * has authenticated its user) and plays the configured fault.
     */
    private final class Gate implements CommandResponder {
        @Override
        public <A extends org.snmp4j.smi.Address> void processPdu(CommandResponderEvent<A> event) {
            if (event.getSecurityModel() != SecurityModel.SECURITY_MODEL_USM) {
                String given = new String(event.getSecurityName(), StandardCharsets.UTF_8);
                if (!given.equals(community)) {
                    event.setProcessed(true);
                    return;
                }
            }
            PDU request = event.getPDU();
            OID loop = loopRoot;
            if (loop != null && request != null && request.size() > 0
                    && (request.getType() == PDU.GETNEXT || request.getType() == PDU.GETBULK)
                    && request.get(0).getOid().startsWith(loop)) {
                PDU response;
                if (request instanceof ScopedPDU scoped) {
                    ScopedPDU r = new ScopedPDU();
                    r.setContextEngineID(scoped.getContextEngineID());
                    r.setContextName(scoped.getContextName());
                    response = r;
                } else {
                    response = new PDU();
                }
                response.setType(PDU.RESPONSE);
                response.setRequestID(request.getRequestID());
                response.setErrorStatus(PDU.noError);
                response.setErrorIndex(0);
                OID answer = loopAnswer;
                if (answer == null) answer = loopAnswer = new OID(request.get(0).getOid()).append(1);
                response.add(new VariableBinding(answer, new Integer32(1)));
                try {
                    event.getStateReference().setTransportMapping(event.getTransportMapping());
                    event.getMessageDispatcher().returnResponsePdu(event.getMessageProcessingModel(),
                            event.getSecurityModel(), event.getSecurityName(), event.getSecurityLevel(), response,
                            event.getMaxSizeResponsePDU(), event.getStateReference(), new StatusInformation());
                } catch (org.snmp4j.MessageException e) {
                    // the client sees the missing answer as a timeout, which is also a fault it must survive
                }
                event.setProcessed(true);
            }
        }
    }

    /**
     * The agent's USM. A report about an unknown user, an unsupported security level, a wrong digest or an unknown
     * engine id cannot be sent at the request's own level (there are no keys to send it with), so it goes out
     * unauthenticated, as net-snmp sends it and RFC 3414 allows. SNMP4J does this only under a JVM-wide setting
     * ({@code SNMP4JSettings.setReportSecurityLevelStrategy(noAuthNoPrivIfNeeded)}) that would reach every SNMP engine
     * in the process; this applies the same rule to this agent alone.
     */
    private static final class AgentUsm extends USM {
        private static final Set<OID> UNAUTHENTICATED_REPORTS = Set.of(SnmpConstants.usmStatsUnknownUserNames,
                SnmpConstants.usmStatsUnsupportedSecLevels, SnmpConstants.usmStatsWrongDigests,
                SnmpConstants.usmStatsUnknownEngineIDs);

        AgentUsm(SecurityProtocols protocols, OctetString engineId, CounterSupport counters) {
            super(protocols, engineId, 1, counters);
        }

        @Override
        public int processIncomingMsg(int messageProcessingModel, int maxMessageSize, SecurityParameters securityParameters,
                                      SecurityModel securityModel, int securityLevel, BERInputStream wholeMsg,
                                      TransportStateReference tmStateReference, OctetString securityEngineID,
                                      OctetString securityName, BEROutputStream scopedPDU,
                                      Integer32 maxSizeResponseScopedPDU, SecurityStateReference securityStateReference,
                                      StatusInformation statusInfo) throws IOException {
            int status = super.processIncomingMsg(messageProcessingModel, maxMessageSize, securityParameters,
                    securityModel, securityLevel, wholeMsg, tmStateReference, securityEngineID, securityName, scopedPDU,
                    maxSizeResponseScopedPDU, securityStateReference, statusInfo);
            VariableBinding error = statusInfo.getErrorIndication();
            if (error != null && UNAUTHENTICATED_REPORTS.contains(error.getOid())) {
                statusInfo.setSecurityLevel(new Integer32(SecurityLevel.NOAUTH_NOPRIV));
            }
            return status;
        }
    }

    /** v1/v2c: the one community maps to a security name of the same text in the default context (RFC 3584). */
    private record CommunityOnly(String community, OctetString engineId) implements CoexistenceInfoProvider {
        @Override
        public CoexistenceInfo[] getCoexistenceInfo(OctetString given) {
            return given.toString().equals(community)
                    ? new CoexistenceInfo[] {new CoexistenceInfo(given, engineId, DEFAULT_CONTEXT)} : null;
        }

        @Override
        public OctetString getCommunity(OctetString securityName, OctetString contextEngineID, OctetString contextName) {
            return securityName;
        }

        @Override
        public boolean passesFilter(org.snmp4j.smi.Address address, CoexistenceInfo info) {
            return true;
        }
    }
}
