package io.auditor.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.auditor.model.RunReport;
import io.auditor.report.history.RunContext;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JUnitReportTest {
    /** Parses with the JDK's DOM parser, external entities off as for any untrusted XML. */
    static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    private static int countOf(NodeList cases, String child) {
        int n = 0;
        for (int i = 0; i < cases.getLength(); i++) {
            if (((Element) cases.item(i)).getElementsByTagName(child).getLength() > 0) n++;
        }
        return n;
    }

    @Test
    void suitesPerControlCasesPerDeviceAgreeingWithTheJsonReport() throws Exception {
        RunReport run = SampleRuns.mixed();
        Document doc = parse(new JUnitReport().render(run, RunContext.none()));
        Element root = doc.getDocumentElement();
        assertEquals("testsuites", root.getTagName());
        JsonNode s = new ObjectMapper().readTree(new JsonReport().render(run)).get("summary");
        NodeList cases = root.getElementsByTagName("testcase");
        assertEquals(run.results().size(), cases.getLength());
        assertEquals(s.get("gap").asInt(), countOf(cases, "failure"));
        assertEquals(s.get("notAssessed").asInt(), countOf(cases, "error"));
        assertEquals(s.get("waived").asInt() + s.get("notApplicable").asInt(), countOf(cases, "skipped"));
        assertEquals(String.valueOf(run.results().size()), root.getAttribute("tests"));
        assertEquals(s.get("gap").asText(), root.getAttribute("failures"));
        assertEquals(s.get("notAssessed").asText(), root.getAttribute("errors"));
        assertEquals("2025-01-10T09:30:00", root.getAttribute("timestamp"));

        NodeList suites = root.getElementsByTagName("testsuite");
        assertEquals(3, suites.getLength(), "one suite per control");
        Element av01 = (Element) suites.item(0);
        assertEquals("AV-01 Anti-malware installed and running", av01.getAttribute("name"));
        assertEquals("3", av01.getAttribute("tests"));
        assertEquals("1", av01.getAttribute("failures"));
        assertEquals("1", av01.getAttribute("errors"));
        Element first = (Element) av01.getElementsByTagName("testcase").item(0);
        assertEquals("AV-01", first.getAttribute("classname"));
        assertEquals("ws-101", first.getAttribute("name"));
        Element failure = (Element) first.getElementsByTagName("failure").item(0);
        assertEquals("WinDefend service: Stopped (defender-status)", failure.getAttribute("message"));
        assertTrue(failure.getTextContent().contains("fix: Fix AV-01 by doing the documented thing."), failure.getTextContent());
        assertTrue(failure.getTextContent().contains("waiver expired 2024-12-31 (waivers.yaml:12)"));

        Element waived = (Element) ((Element) suites.item(1)).getElementsByTagName("testcase").item(0);
        String skipped = ((Element) waived.getElementsByTagName("skipped").item(0)).getAttribute("message");
        assertEquals("waived: approved by J Smith (Head) until 2025-03-31 (waivers.yaml:4): lab machines are offline", skipped);
    }

    @Test
    void controlsTheResultsNameButThePackDoesNotListGetTheirSuitesAfterThePacks() throws Exception {
        RunReport m = SampleRuns.mixed();
        RunReport r = new RunReport(m.runId(), m.startedAt(), m.finishedAt(), m.school(), m.profileName(),
                m.profileSha256(), m.devices(), m.results(), List.of(SampleRuns.VC01), m.expiredWaivers());
        NodeList suites = parse(new JUnitReport().render(r, RunContext.none())).getElementsByTagName("testsuite");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < suites.getLength(); i++) names.add(((Element) suites.item(i)).getAttribute("name"));
        assertEquals(List.of("VC-01 Video conferencing not set to auto answer", "AV-01 Anti-malware installed and running",
                "AV-02 Anti-malware definitions current"), names);
        assertEquals("3", ((Element) suites.item(1)).getAttribute("tests"), "AV-01 keeps all its results");
    }

    @Test
    void hostileTextStaysWellFormedAndLiteral() throws Exception {
        byte[] xml = new JUnitReport().render(HostileRuns.run(), RunContext.none());
        Document doc = parse(xml); // throws on an invalid character or broken markup
        Element gap = (Element) doc.getElementsByTagName("failure").item(0);
        assertTrue(gap.getTextContent().contains("product " + HostileRuns.SCRIPT + " stopped"), gap.getTextContent());
        assertFalse(gap.getTextContent().contains("\u001b"));
        assertTrue(gap.getTextContent().contains("\uFFFD end"), "unpaired surrogate and U+FFFE replaced");
        assertEquals(0, doc.getElementsByTagName("script").getLength());
        assertEquals(0, doc.getElementsByTagName("img").getLength());
        Element suites = doc.getDocumentElement();
        assertEquals("auditor: School " + HostileRuns.SCRIPT, suites.getAttribute("name"));
    }
}
