package io.auditor.samples.sim;

import java.util.Arrays;

/** What a simulated device prints for one command, and its exit status. */
public record Recording(byte[] output, int exitStatus) {
    public Recording {
        output = output.clone();
    }

    @Override
    public byte[] output() {
        return output.clone();
    }

    /**
     * This recording as it reads after {@code shift}: every timestamp in the output moved, all other bytes and the
     * exit status kept (see {@link TimeShift}).
     */
    public Recording shifted(TimeShift shift) {
        if (shift.isZero()) return this;
        return new Recording(shift.apply(output), exitStatus);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Recording r && r.exitStatus == exitStatus && Arrays.equals(r.output, output);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(output) + exitStatus;
    }

    @Override
    public String toString() {
        return "Recording[" + output.length + " bytes, exit " + exitStatus + "]";
    }
}
