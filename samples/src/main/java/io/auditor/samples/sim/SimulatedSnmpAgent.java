package io.auditor.samples.sim;

import io.auditor.collect.UnrecognisedOutputException;
import io.auditor.collect.snmp.WalkEntry;
import io.auditor.collect.snmp.WalkText;
import org.snmp4j.CommandResponder;
import org.snmp4j.CommandResponderEvent;
import org.snmp4j.MessageDispatcherImpl;
import org.snmp4j.PDU;
import org.snmp4j.Snmp;
import org.snmp4j.agent.CommandProcessor;
import org.snmp4j.agent.DefaultMOServer;
import org.snmp4j.agent.DuplicateRegistrationException;
import org.snmp4j.agent.mo.ext.StaticMOGroup;
import org.snmp4j.agent.mo.snmp.CoexistenceInfo;
import org.snmp4j.agent.mo.snmp.CoexistenceInfoProvider;
import org.snmp4j.agent.security.VACM;
import org.snmp4j.mp.MPv1;
import org.snmp4j.mp.MPv2c;
import org.snmp4j.mp.MPv3;
import org.snmp4j.mp.StatusInformation;
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
import java.util.TreeMap;

/**
 * An SNMP device simulated in-process with SNMP4J-Agent: it serves a recorded walk ({@code snmpwalk -On} text, as
 * kept under {@code samples/walks/}) read-only over SNMP v1/v2c on a loopback port, answering GET, GETNEXT and
 * GETBULK like the recorded switch or wireless controller. A wrong community gets no answer, as on real kit.
 *
 * <p>For fault tests it can misbehave: {@link #loopingUnder(OID)} answers every walk under an OID with the same
 * object again (non-increasing OIDs, which would make a naive walker loop forever).
 */
public final class SimulatedSnmpAgent implements AutoCloseable {
    private final Snmp snmp;
    private final String community;
    private int port;
    private volatile OID loopRoot;
    /** The one object a looping walk gets back, again and again: the first OID asked for under the loop root, plus .1. */
    private volatile OID loopAnswer;

    private SimulatedSnmpAgent(Snmp snmp, String community) {
        this.snmp = snmp;
        this.community = community;
    }

    /** Serves the recorded walk in {@code walkFile} to the given community. */
    public static SimulatedSnmpAgent fromWalk(Path walkFile, String community) throws IOException {
        return serving(bindings(Files.readString(walkFile, StandardCharsets.UTF_8), walkFile.toString()), community);
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

    /** Serves exactly these objects (for example a generated huge table) to the given community. */
    public static SimulatedSnmpAgent serving(List<VariableBinding> bindings, String community) throws IOException {
        MessageDispatcherImpl dispatcher = new MessageDispatcherImpl();
        dispatcher.addMessageProcessingModel(new MPv1());
        dispatcher.addMessageProcessingModel(new MPv2c());
        DefaultUdpTransportMapping transport =
                new DefaultUdpTransportMapping(new UdpAddress(InetAddress.getLoopbackAddress(), 0));
        Snmp snmp = new Snmp(dispatcher, transport);

        OctetString engineId = new OctetString(MPv3.createLocalEngineID());
        CommandProcessor processor = new CommandProcessor(engineId);
        // v1/v2c: the community maps to a security name in the default context (RFC 3584 coexistence).
        processor.setCoexistenceProvider(new CoexistenceInfoProvider() {
            @Override
            public CoexistenceInfo[] getCoexistenceInfo(OctetString given) {
                return given.toString().equals(community)
                        ? new CoexistenceInfo[] {new CoexistenceInfo(given, engineId, new OctetString())} : null;
            }

            @Override
            public OctetString getCommunity(OctetString securityName, OctetString contextEngineID, OctetString contextName) {
                return securityName;
            }

            @Override
            public boolean passesFilter(org.snmp4j.smi.Address address, CoexistenceInfo info) {
                return true;
            }
        });
        DefaultMOServer server = new DefaultMOServer();
        TreeMap<OID, VariableBinding> sorted = new TreeMap<>();
        for (VariableBinding vb : bindings) sorted.put(vb.getOid(), vb);
        try {
            server.register(new StaticMOGroup(new OID("1"), sorted.values().toArray(new VariableBinding[0])), null);
        } catch (DuplicateRegistrationException e) {
            throw new IllegalStateException(e); // one group on a fresh server cannot clash
        }
        processor.addMOServer(server);
        processor.setVacm(new ReadOnlyView());

        SimulatedSnmpAgent agent = new SimulatedSnmpAgent(snmp, community);
        snmp.addCommandResponder(agent.new Gate());
        snmp.addCommandResponder(processor);
        snmp.listen();
        agent.port = transport.getListenAddress().getPort();
        return agent;
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

    public String community() {
        return community;
    }

    @Override
    public void close() {
        try {
            snmp.close();
        } catch (IOException ignored) {
            // closing a loopback socket
        }
    }

    /** Drops requests with the wrong community (as real agents do) and plays the configured fault. */
    private final class Gate implements CommandResponder {
        @Override
        public <A extends org.snmp4j.smi.Address> void processPdu(CommandResponderEvent<A> event) {
            String given = new String(event.getSecurityName(), StandardCharsets.UTF_8);
            if (!given.equals(community)) {
                event.setProcessed(true);
                return;
            }
            PDU request = event.getPDU();
            OID loop = loopRoot;
            if (loop != null && request != null && request.size() > 0
                    && (request.getType() == PDU.GETNEXT || request.getType() == PDU.GETBULK)
                    && request.get(0).getOid().startsWith(loop)) {
                PDU response = new PDU();
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

    /** Everything is readable, nothing writable: the agent a read-only audit expects. */
    private static final class ReadOnlyView implements VACM {
        private static final OctetString READ = new OctetString("read");

        @Override
        public int isAccessAllowed(OctetString context, OctetString securityName, int securityModel,
                                   int securityLevel, int viewType, OID oid) {
            return viewType == VIEW_READ ? VACM_OK : VACM_NOT_IN_VIEW;
        }

        @Override
        public int isAccessAllowed(OctetString viewName, OID oid) {
            return READ.equals(viewName) ? VACM_OK : VACM_NOT_IN_VIEW;
        }

        @Override
        public OctetString getViewName(OctetString context, OctetString securityName, int securityModel,
                                       int securityLevel, int viewType) {
            return viewType == VIEW_READ ? READ : null;
        }
    }
}
