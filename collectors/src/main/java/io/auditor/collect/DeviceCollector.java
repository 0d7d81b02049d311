package io.auditor.collect;

import io.auditor.model.Device;

/** Runs a device's platform probes through a transport and parses their outputs into facts. */
public final class DeviceCollector {
    public DeviceCollector(PlatformCatalog catalog) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Never throws for device problems: they end up in the returned outcome. */
    public DeviceCollection collect(Device device, Transport transport) {
        throw new UnsupportedOperationException("TODO");
    }
}
