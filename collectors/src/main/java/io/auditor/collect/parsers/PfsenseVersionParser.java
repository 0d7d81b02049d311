package io.auditor.collect.parsers;

import java.util.regex.Pattern;

/** pfSense's {@code /etc/version}: {@code 2.7.2-RELEASE} (CE) or {@code 24.03-RELEASE} (Plus). */
public final class PfsenseVersionParser extends FirmwareVersionParser {
    public PfsenseVersionParser() {
        super("pfSense", Pattern.compile("(\\d+\\.\\d+(?:\\.\\d+)?(?:[-_.][A-Za-z0-9.]+)*)"), "2.7.2-RELEASE");
    }

    @Override
    public String id() { return "pfsense-version"; }
}
