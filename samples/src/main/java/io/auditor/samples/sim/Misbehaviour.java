package io.auditor.samples.sim;

/** How a simulated device answers every command, for fault tests; {@link #NONE} answers from its recordings. */
public enum Misbehaviour {
    /** Answers each known command with its recorded output and exit status; unknown commands exit 127. */
    NONE,
    /** Accepts the command and never answers nor exits (until the client closes the channel). */
    HANG,
    /** Prints 50 MB of text, then exits 0. */
    FLOOD,
    /** Prints 64 KiB of random bytes, then exits 0. */
    GARBAGE,
    /** Prints an error on standard error and exits 3. */
    FAIL
}
