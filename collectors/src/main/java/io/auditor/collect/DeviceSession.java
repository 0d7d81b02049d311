package io.auditor.collect;

import io.auditor.model.Observation;

/** An open connection to one device. */
public interface DeviceSession extends AutoCloseable {
    /** Runs the probe; a non-zero exit status is returned in the observation, not thrown. */
    Observation run(Probe probe) throws CollectionException;

    @Override
    void close();
}
