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
