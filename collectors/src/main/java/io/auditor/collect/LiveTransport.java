package io.auditor.collect;

import io.auditor.model.Credential;
import io.auditor.model.Device;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A live scan's transport: each device goes to the transport of its credential's {@code type} ({@code ssh},
 * {@code snmp}). This map is the one place a transport is registered.
 */
public final class LiveTransport implements Transport {
    private final Map<String, Credential> credentials;
    private final Map<String, Transport> byType;

    /**
     * @param credentials the inventory's credentials, by name
     * @param byType      a transport per credential type; a type without one leaves its devices NOT_ASSESSED
     */
    public LiveTransport(Map<String, Credential> credentials, Map<String, Transport> byType) {
        this.credentials = Map.copyOf(credentials);
        this.byType = new LinkedHashMap<>(byType);
    }

    @Override
    public DeviceSession open(Device device) throws CollectionException {
        if (device.credentials() == null) {
            throw new CollectionException("device " + device.id() + " has no credentials: add 'credentials: NAME' "
                    + "to it in the inventory");
        }
        Credential c = credentials.get(device.credentials());
        if (c == null) {
            throw new CollectionException("credential '" + device.credentials() + "' of " + device.id()
                    + " is not defined in the inventory");
        }
        Transport t = byType.get(c.type());
        if (t == null) {
            throw new CollectionException("not contacted: no " + c.type().toUpperCase(java.util.Locale.ROOT)
                    + " transport in this version");
        }
        return t.open(device);
    }
}
