package io.auditor.collect;

/** The output is not in the format the parser knows; the reason becomes a NOT_ASSESSED reason. */
public class UnrecognisedOutputException extends Exception {
    private final int line;

    /** @param line 1-based line of the output where understanding failed, or 0 */
    public UnrecognisedOutputException(String reason, int line) {
        super(reason);
        this.line = line;
    }

    public int line() { return line; }
}
