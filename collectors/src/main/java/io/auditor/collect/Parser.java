package io.auditor.collect;

import io.auditor.model.Observation;
import io.auditor.model.facts.Fact;

import java.util.List;

/**
 * Turns one probe's raw output into neutral facts. Found with {@link java.util.ServiceLoader}; a probe
 * names its parser by {@link #id()}. A parser that does not recognise its input throws
 * {@link UnrecognisedOutputException} — it never guesses.
 */
public interface Parser {
    String id();

    List<Fact> parse(Observation observation) throws UnrecognisedOutputException;
}
