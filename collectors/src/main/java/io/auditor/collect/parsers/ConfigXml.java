package io.auditor.collect.parsers;

import io.auditor.collect.Text;
import io.auditor.collect.UnrecognisedOutputException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * A firewall's {@code config.xml} read from device output with the JDK's parser, hardened: a document type
 * declaration is refused outright (so no entity expansion and no external entity can be read), external DTDs and
 * schemas are never fetched, XInclude is off, and the text is bounded in size before parsing. Also the small
 * element-path helpers the pfSense and OPNsense readers share.
 */
final class ConfigXml {
    /** Larger than any school firewall's configuration (a big pfSense config with packages is a few MB). */
    static final int MAX_CHARS = 16 * 1024 * 1024;

    private ConfigXml() {}

    /** The root element, which must be named {@code rootName}. */
    static Element read(String output, String rootName, String product) throws UnrecognisedOutputException {
        String text = Text.stripBom(output == null ? "" : output);
        if (text.length() > MAX_CHARS) {
            throw new UnrecognisedOutputException("the " + product + " configuration is " + text.length()
                    + " characters, more than the " + MAX_CHARS + " a config.xml can plausibly be", 0);
        }
        if (text.isBlank()) throw new UnrecognisedOutputException("no output: expected the " + product + " config.xml", 0);
        Document doc;
        try {
            DocumentBuilder builder = factory().newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler() {
                @Override public void error(SAXParseException e) throws SAXException { throw e; }
            });
            // Never resolve anything outside the text, even if a future JDK default changed.
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entity " + systemId + " refused");
            });
            doc = builder.parse(new InputSource(new StringReader(text)));
        } catch (SAXParseException e) {
            throw new UnrecognisedOutputException("not well-formed XML" + hostile(e) + ": "
                    + Text.clean(String.valueOf(e.getMessage()), 160), Math.max(e.getLineNumber(), 0));
        } catch (SAXException e) {
            throw new UnrecognisedOutputException("XML refused: " + Text.clean(String.valueOf(e.getMessage()), 160), 0);
        } catch (IOException | ParserConfigurationException e) {
            throw new IllegalStateException("cannot read XML: " + e, e);
        }
        Element root = doc.getDocumentElement();
        if (!rootName.equals(root.getTagName())) {
            throw new UnrecognisedOutputException("the document's root element is <" + Text.clean(root.getTagName(), 40)
                    + ">, not <" + rootName + ">: this is not a " + product + " config.xml", 1);
        }
        return root;
    }

    private static String hostile(SAXParseException e) {
        String m = String.valueOf(e.getMessage());
        return m.contains("DOCTYPE") ? " (a DOCTYPE declaration is refused: config.xml never has one, and it is how"
                + " entity-expansion and external-entity attacks start)" : "";
    }

    private static DocumentBuilderFactory factory() throws ParserConfigurationException {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature("http://xml.org/sax/features/external-general-entities", false);
        f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        f.setNamespaceAware(false);
        return f;
    }

    /** The first child element named {@code name}, or null. */
    static Element child(Element parent, String name) {
        if (parent == null) return null;
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) return e;
        }
        return null;
    }

    /** The element at a slash-separated path of child names below {@code parent}, or null. */
    static Element at(Element parent, String path) {
        Element e = parent;
        for (String step : path.split("/")) {
            e = child(e, step);
            if (e == null) return null;
        }
        return e;
    }

    /** Child elements named {@code name}, in document order. */
    static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        if (parent == null) return out;
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && (name == null || e.getTagName().equals(name))) out.add(e);
        }
        return out;
    }

    /** Every child element, in document order. */
    static List<Element> children(Element parent) {
        return children(parent, null);
    }

    /** Trimmed text at the path, or null when the element is absent or empty. */
    static String text(Element parent, String path) {
        Element e = at(parent, path);
        if (e == null) return null;
        String t = e.getTextContent().strip();
        return t.isEmpty() ? null : t;
    }

    /**
     * A checkbox-style flag: pfSense writes a set option as an element that is present (often empty, or
     * {@code on}/{@code yes}/{@code enabled}); OPNsense writes {@code 1} or {@code 0}. Absent, {@code 0},
     * {@code off}, {@code no} and {@code disabled} are false.
     */
    static boolean flag(Element parent, String path) {
        Element e = at(parent, path);
        if (e == null) return false;
        String t = e.getTextContent().strip().toLowerCase(java.util.Locale.ROOT);
        return !(t.equals("0") || t.equals("off") || t.equals("no") || t.equals("disabled") || t.equals("disable")
                || t.equals("false"));
    }

    /** Items of a comma-, semicolon- or space-separated setting, empty when absent. */
    static List<String> list(Element parent, String path) {
        String t = text(parent, path);
        List<String> out = new ArrayList<>();
        if (t == null) return out;
        for (String s : t.split("[,;\\s]+")) if (!s.isBlank()) out.add(s.strip());
        return out;
    }
}
