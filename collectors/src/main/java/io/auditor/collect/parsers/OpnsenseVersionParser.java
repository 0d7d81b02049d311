package io.auditor.collect.parsers;

import java.util.regex.Pattern;

/** {@code opnsense-version}: {@code OPNsense 24.7.5_2 (amd64)}. */
public final class OpnsenseVersionParser extends FirmwareVersionParser {
    public OpnsenseVersionParser() {
        super("OPNsense", Pattern.compile("OPNsense (\\d+\\.\\d+(?:\\.\\d+)?(?:_\\d+)?)(?: \\([^)]*\\))?"),
                "OPNsense 24.7.5_2 (amd64)");
    }

    @Override
    public String id() { return "opnsense-version"; }
}
