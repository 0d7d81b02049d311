package io.auditor.model.facts;

/** A typed observation about one device, produced by a parser from a probe's output. */
public interface Fact {
    String deviceId();

    /** The probe the fact was parsed from, quoted in evidence. */
    String source();
}
