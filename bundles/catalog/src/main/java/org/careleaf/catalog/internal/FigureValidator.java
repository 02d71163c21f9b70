package org.careleaf.catalog.internal;

import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Checks a figure's SVG file before a patient's browser ever sees it: well-formed XML without a DTD,
 * an {@code svg} root with a {@code viewBox} (so it scales for screen and print), no script or event
 * handler, no embedded HTML, and no reference to anything outside the file itself.
 */
public final class FigureValidator {

    public static final String SVG_NS = "http://www.w3.org/2000/svg";
    /** A diagram for patients is a few kilobytes; this leaves room for detailed line art. */
    public static final int MAX_BYTES = 256 * 1024;
    private static final Set<String> FORBIDDEN_ELEMENTS = Set.of("script", "foreignobject", "iframe", "object",
            "embed", "audio", "video", "image", "feimage", "use", "animate", "set", "animatemotion",
            "animatetransform", "handler", "listener");
    private static final Pattern EXTERNAL_URL = Pattern.compile("url\\(\\s*['\"]?\\s*(?!#)", Pattern.CASE_INSENSITIVE);

    private FigureValidator() {
    }

    /** The findings for one SVG file (paths are element names with their position); empty when it is safe. */
    public static List<Finding> validate(byte[] bytes) {
        List<Finding> out = new ArrayList<>();
        if (bytes.length > MAX_BYTES) {
            out.add(new Finding("$", "figure is larger than " + MAX_BYTES + " bytes"));
            return out;
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            out.add(new Finding("$", "figure is not valid UTF-8"));
            return out;
        }
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        int elements = 0;
        try {
            XMLStreamReader r = f.createXMLStreamReader(new StringReader(text));
            boolean root = true;
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.DTD) {
                    out.add(new Finding("$", "figure has a DOCTYPE; SVG needs none"));
                    return out;
                }
                if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                    out.add(new Finding("$", "figure uses an entity reference"));
                    return out;
                }
                if (event == XMLStreamConstants.PROCESSING_INSTRUCTION) {
                    out.add(new Finding("$", "figure has a processing instruction (" + r.getPITarget() + ")"));
                    continue;
                }
                if (event == XMLStreamConstants.CHARACTERS && EXTERNAL_URL.matcher(r.getText()).find()) {
                    out.add(new Finding("style", "figure text or style refers to an outside url(); only #ids are allowed"));
                    continue;
                }
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                elements++;
                String name = r.getLocalName();
                String at = name + "[" + elements + "]";
                if (root) {
                    root = false;
                    if (!"svg".equals(name) || !SVG_NS.equals(r.getNamespaceURI())) {
                        out.add(new Finding(at, "the root element must be svg in the SVG namespace " + SVG_NS));
                    }
                    if (r.getAttributeValue(null, "viewBox") == null) {
                        out.add(new Finding(at, "the svg element needs a viewBox, so the figure scales for screen and print"));
                    }
                }
                if (FORBIDDEN_ELEMENTS.contains(name.toLowerCase(Locale.ROOT))) {
                    out.add(new Finding(at, "figures may not contain " + name + " elements"));
                }
                if (!SVG_NS.equals(r.getNamespaceURI())) {
                    out.add(new Finding(at, "element outside the SVG namespace (" + r.getNamespaceURI() + ")"));
                }
                for (int i = 0; i < r.getAttributeCount(); i++) {
                    String attr = r.getAttributeLocalName(i).toLowerCase(Locale.ROOT);
                    String value = r.getAttributeValue(i);
                    if (attr.startsWith("on")) {
                        out.add(new Finding(at + "@" + attr, "event handler attributes are not allowed"));
                    } else if ((attr.equals("href") || attr.equals("src")) && !value.startsWith("#")) {
                        out.add(new Finding(at + "@" + attr, "figures may refer only to their own #ids, not '"
                                + PlainTexts.shorten(value, 60) + "'"));
                    } else if (EXTERNAL_URL.matcher(value).find()) {
                        out.add(new Finding(at + "@" + attr, "url() may refer only to #ids in the figure"));
                    }
                }
            }
        } catch (XMLStreamException e) {
            out.add(new Finding(e.getLocation() == null ? "$" : "line " + e.getLocation().getLineNumber() + " column "
                    + e.getLocation().getColumnNumber(), "figure is not well-formed XML: " + firstLine(e.getMessage())));
        }
        if (elements == 0 && out.isEmpty()) {
            out.add(new Finding("$", "figure holds no SVG"));
        }
        return out;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        String m = s.contains("Message: ") ? s.substring(s.indexOf("Message: ") + 9) : s;
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
