package io.auditor.cli;

/** The contract's exit statuses, worded once for every command's --help. */
final class ExitStatus {
    private ExitStatus() {}

    static final String HEADING = "%nExit status:%n";
    static final String OK = "0:every in-scope result is PASS, WAIVED or NOT_APPLICABLE";
    static final String ATTENTION = "1:at least one GAP or NOT_ASSESSED";
    static final String INPUT = "2:invalid input (inventory, profile, waivers, rules, arguments); nothing was scanned";
    static final String INTERNAL = "3:internal error (run again with --debug for the stack trace)";
    static final String EXAMPLE_HEADING = "%nExample:%n";
    static final String EXAMPLE_1 = "  auditor scan --inventory samples/estate/inventory.yaml \\";
    static final String EXAMPLE_2 = "               --captures samples/estate/captures --out out";
}
