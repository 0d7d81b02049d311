package io.auditor.collect;

import io.auditor.model.Device;

import java.nio.file.Path;

/** Reads probe outputs from {@code DIR/<device-id>/<probe-id>.txt}: offline audits and tests. */
public final class CaptureTransport implements Transport {
    public CaptureTransport(Path dir) {
        throw new UnsupportedOperationException("TODO");
    }

    @Override
    public DeviceSession open(Device device) throws CollectionException {
        throw new UnsupportedOperationException("TODO");
    }
}
