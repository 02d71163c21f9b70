package org.careleaf.web.internal.hl7;

import java.io.StringWriter;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * An Infobutton feed as Atom 1.0 XML (RFC 4287), written with the JDK's StAX writer, which escapes every
 * text and attribute. Indented two spaces per level, as people read feeds too.
 */
final class AtomXml {

    /** The JDK's own writer: the same behaviour whatever StAX implementation a host installs. */
    private static final XMLOutputFactory XML = XMLOutputFactory.newDefaultFactory();

    private final XMLStreamWriter x;
    private int depth;

    private AtomXml(XMLStreamWriter x) {
        this.x = x;
    }

    static String write(InfobuttonFeed.Feed f) {
        StringWriter out = new StringWriter(4096);
        try {
            XMLStreamWriter w = XML.createXMLStreamWriter(out);
            new AtomXml(w).feed(f);
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing an Atom feed to memory cannot fail: " + e.getMessage(), e);
        }
        return out.toString();
    }

    private void feed(InfobuttonFeed.Feed f) throws XMLStreamException {
        x.writeStartDocument("UTF-8", "1.0");
        x.writeCharacters("\n");
        x.setDefaultNamespace(InfobuttonFeed.ATOM_NS);
        x.setPrefix("careleaf", InfobuttonFeed.CARELEAF_NS);
        x.writeStartElement(InfobuttonFeed.ATOM_NS, "feed");
        x.writeDefaultNamespace(InfobuttonFeed.ATOM_NS);
        x.writeNamespace("careleaf", InfobuttonFeed.CARELEAF_NS);
        x.writeAttribute("xml:lang", f.locale());
        depth++;
        text("title", InfobuttonFeed.TITLE);
        text("subtitle", f.subtitle());
        element("id", f.id());
        element("updated", f.updated());
        start("author");
        element("name", InfobuttonFeed.AUTHOR);
        element("uri", f.base());
        end();
        for (String[] c : f.categories()) {
            empty("category", "scheme", c[0], "term", c[1]);
        }
        for (String n : f.notes()) {
            careleaf("note", n);
        }
        for (InfobuttonFeed.Entry e : f.entries()) {
            start("entry");
            x.writeAttribute("xml:lang", e.locale());
            text("title", e.title());
            link(e.viewerUrl(), "text/html", e.locale());
            link(e.apiUrl(), "application/json", e.locale());
            element("id", e.id());
            element("updated", e.updated());
            text("summary", e.summary());
            careleaf("moduleId", e.moduleId());
            careleaf("translationStatus", e.translationStatus());
            if (e.approval() != null) {
                careleaf("approved", String.valueOf(e.approval().approved()));
                if (e.approval().approved()) {
                    careleaf("approvedBy", e.approval().by());
                    careleaf("approvedOn", e.approval().on());
                    careleaf("approvedVersion", e.approval().version());
                }
            }
            end();
        }
        depth--;
        x.writeCharacters("\n");
        x.writeEndElement();
        x.writeCharacters("\n");
        x.writeEndDocument();
    }

    private void indent() throws XMLStreamException {
        x.writeCharacters("\n" + "  ".repeat(depth));
    }

    private void start(String name) throws XMLStreamException {
        indent();
        x.writeStartElement(InfobuttonFeed.ATOM_NS, name);
        depth++;
    }

    private void end() throws XMLStreamException {
        depth--;
        indent();
        x.writeEndElement();
    }

    private void element(String name, String value) throws XMLStreamException {
        element(InfobuttonFeed.ATOM_NS, name, value);
    }

    private void element(String namespace, String name, String value) throws XMLStreamException {
        indent();
        x.writeStartElement(namespace, name);
        x.writeCharacters(PlainText.xmlSafe(value));
        x.writeEndElement();
    }

    /** An Atom text construct holding plain text. */
    private void text(String name, String value) throws XMLStreamException {
        indent();
        x.writeStartElement(InfobuttonFeed.ATOM_NS, name);
        x.writeAttribute("type", "text");
        x.writeCharacters(PlainText.xmlSafe(value));
        x.writeEndElement();
    }

    private void careleaf(String name, String value) throws XMLStreamException {
        element(InfobuttonFeed.CARELEAF_NS, name, value);
    }

    private void link(String href, String type, String hreflang) throws XMLStreamException {
        empty("link", "href", href, "rel", "alternate", "type", type, "hreflang", hreflang);
    }

    private void empty(String name, String... attributes) throws XMLStreamException {
        indent();
        x.writeEmptyElement(InfobuttonFeed.ATOM_NS, name);
        for (int i = 0; i < attributes.length; i += 2) {
            x.writeAttribute(attributes[i], PlainText.xmlSafe(attributes[i + 1]));
        }
    }
}
