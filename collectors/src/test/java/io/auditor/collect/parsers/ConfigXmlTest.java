package io.auditor.collect.parsers;

import io.auditor.collect.UnrecognisedOutputException;
import io.auditor.model.facts.FirewallRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static io.auditor.collect.parsers.Samples.*;
import static org.junit.jupiter.api.Assertions.*;

/** Hostile config.xml: entity expansion, external entities and oversized documents are refused, never expanded. */
class ConfigXmlTest {
    private final PfsenseFirewallParser parser = new PfsenseFirewallParser();

    @Test
    void billionLaughsIsRefusedAtTheDoctype() {
        String xml = """
                <?xml version="1.0"?>
                <!DOCTYPE pfsense [
                  <!ENTITY a "aaaaaaaaaa">
                  <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
                  <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
                  <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
                ]>
                <pfsense><system/><interfaces><wan/></interfaces><filter><rule><interface>wan</interface><descr>&d;</descr></rule></filter></pfsense>
                """;
        UnrecognisedOutputException e = rejects(parser, "pf-firewall", xml);
        assertTrue(e.getMessage().contains("DOCTYPE declaration is refused"), e.getMessage());
        assertEquals(2, e.line());
    }

    @Test
    void externalEntityIsNeverRead(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-CONTENT");
        String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE pfsense [ <!ENTITY x SYSTEM \"" + secret.toUri() + "\"> ]>\n"
                + "<pfsense><system/><interfaces><wan/></interfaces><filter><rule><interface>wan</interface>"
                + "<descr>&x;</descr></rule></filter></pfsense>";
        UnrecognisedOutputException e = rejects(parser, "pf-firewall", xml);
        assertFalse(e.getMessage().contains("TOP-SECRET"), e.getMessage());
        assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
    }

    @Test
    void oversizedOutputIsRefusedBeforeParsing() {
        String huge = "<pfsense>" + "<x/>".repeat(ConfigXml.MAX_CHARS / 4) + "</pfsense>";
        UnrecognisedOutputException e = rejects(parser, "pf-firewall", huge);
        assertTrue(e.getMessage().contains("more than the"), e.getMessage());
    }

    @Test
    void controlCharactersInErrorsAreCleaned() {
        UnrecognisedOutputException e = rejects(parser, "pf-firewall", "<pfsense>\u001b[31m<oops</pfsense>");
        assertFalse(e.getMessage().contains("\u001b"), e.getMessage());
    }

    @Test
    void cdataAndEntitiesOfTheXmlItselfAreText() throws Exception {
        String xml = "<pfsense><system/><interfaces><wan><enable/></wan></interfaces><filter><rule><type>pass</type>"
                + "<interface>wan</interface><descr><![CDATA[Web & mail <MX>]]></descr></rule>"
                + "<rule><type>block</type><interface>wan</interface><descr>A &amp; B</descr></rule></filter></pfsense>";
        var rules = only(parseText(parser, "pf-firewall", xml), FirewallRule.class);
        assertEquals("Web & mail <MX>", rules.get(0).description());
        assertEquals("A & B", rules.get(1).description());
    }
}
