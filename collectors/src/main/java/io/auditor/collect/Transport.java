package io.auditor.collect;

import io.auditor.model.Device;

/** How observations reach the auditor: SSH, SNMP or capture files. All produce the same observations. */
public interface Transport {
    /** Opens one session to the device, reused for all its probes. */
    DeviceSession open(Device device) throws CollectionException;
}
