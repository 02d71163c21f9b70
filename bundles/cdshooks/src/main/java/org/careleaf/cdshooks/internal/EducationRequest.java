package org.careleaf.cdshooks.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import org.careleaf.model.CodeSystems;
import org.careleaf.model.ModuleView;

/**
 * The FHIR R4 CommunicationRequest a card's suggestion creates: "give this patient this education", so
 * that accepting the card records the assignment in the EHR's own workflow. Built as JSON (Gson) rather
 * than with HAPI FHIR, which would add tens of megabytes to a bundle that only ever writes this one
 * resource; the unit tests parse it with HAPI's strict R4 parser.
 */
final class EducationRequest {

    static final String CATEGORY_SYSTEM = "http://terminology.hl7.org/CodeSystem/communication-category";
    static final String MEDIUM_SYSTEM = "http://terminology.hl7.org/CodeSystem/v3-ParticipationMode";
    private static final int MAX_REASONS = 10;

    private EducationRequest() {
    }

    /**
     * @param reasons the findings that selected the module: its {@code reasonCode}, and the orders it is
     *        {@code about}
     */
    static JsonObject build(HookCall call, ModuleView v, String url, String suggestionUuid, List<Finding> reasons,
            Instant now) {
        String title = PlainText.of(v.content().title());
        String text = "Give the patient the Careleaf education \u201c" + title + "\u201d (" + v.locale() + "): " + url;
        JsonObject r = new JsonObject();
        r.addProperty("resourceType", "CommunicationRequest");
        r.add("text", narrative(text));
        JsonObject identifier = new JsonObject();
        identifier.addProperty("system", "urn:ietf:rfc:3986");
        identifier.addProperty("value", "urn:uuid:" + suggestionUuid);
        r.add("identifier", array(identifier));
        r.addProperty("status", call.hook().requestStatus());
        JsonObject category = concept(CATEGORY_SYSTEM, "instruction", "Instruction");
        category.addProperty("text", "Patient education");
        r.add("category", array(category));
        r.addProperty("priority", "routine");
        // written material: the viewer page reads on screen and prints as a handout
        r.add("medium", array(concept(MEDIUM_SYSTEM, "WRITTEN", "written")));
        r.add("subject", reference("Patient/" + call.patientId()));
        JsonArray about = new JsonArray();
        reasons.stream().map(Finding::order).filter(o -> o != null).distinct().forEach(o -> about.add(reference(o)));
        if (!about.isEmpty()) { // FHIR: no empty arrays
            r.add("about", about);
        }
        if (call.encounterId() != null) {
            r.add("encounter", reference("Encounter/" + call.encounterId()));
        }
        JsonObject attachment = new JsonObject();
        attachment.addProperty("contentType", "text/html");
        attachment.addProperty("language", v.locale());
        attachment.addProperty("url", url);
        attachment.addProperty("title", title);
        JsonObject asText = new JsonObject();
        asText.addProperty("contentString", text);
        JsonObject asPage = new JsonObject();
        asPage.add("contentAttachment", attachment);
        JsonArray payload = new JsonArray();
        payload.add(asText);
        payload.add(asPage);
        r.add("payload", payload);
        r.addProperty("authoredOn", now.truncatedTo(ChronoUnit.SECONDS).toString());
        if (call.userId() != null) {
            r.add("requester", reference(call.userId()));
        }
        r.add("recipient", array(reference("Patient/" + call.patientId())));
        JsonArray reasonCode = reasonCodes(reasons);
        if (!reasonCode.isEmpty()) {
            r.add("reasonCode", reasonCode);
        }
        return r;
    }

    private static JsonArray reasonCodes(List<Finding> reasons) {
        Set<String> seen = new LinkedHashSet<>();
        JsonArray out = new JsonArray();
        for (Finding f : reasons) {
            String system = CodeSystems.oid(f.system()).map(CodeSystems::uri).orElse(null);
            if (system != null && out.size() < MAX_REASONS && seen.add(system + "|" + f.code())) {
                out.add(concept(system, f.code(), null));
            }
        }
        return out;
    }

    private static final javax.xml.stream.XMLOutputFactory XML = javax.xml.stream.XMLOutputFactory.newFactory();

    /** FHIR narrative: one XHTML paragraph, written by the JDK's StAX writer (it escapes the text). */
    private static JsonObject narrative(String text) {
        java.io.StringWriter div = new java.io.StringWriter();
        try {
            javax.xml.stream.XMLStreamWriter w = XML.createXMLStreamWriter(div);
            w.writeStartElement("div");
            w.writeDefaultNamespace("http://www.w3.org/1999/xhtml");
            w.writeStartElement("p");
            w.writeCharacters(PlainText.xmlChars(text));
            w.writeEndElement();
            w.writeEndElement();
            w.close();
        } catch (javax.xml.stream.XMLStreamException e) {
            throw new IllegalStateException("writing to a string cannot fail", e);
        }
        JsonObject n = new JsonObject();
        n.addProperty("status", "generated");
        n.addProperty("div", div.toString());
        return n;
    }

    private static JsonObject concept(String system, String code, String display) {
        JsonObject coding = new JsonObject();
        coding.addProperty("system", system);
        coding.addProperty("code", code);
        if (display != null) {
            coding.addProperty("display", display);
        }
        JsonObject c = new JsonObject();
        c.add("coding", array(coding));
        return c;
    }

    private static JsonObject reference(String ref) {
        JsonObject o = new JsonObject();
        o.addProperty("reference", ref);
        return o;
    }

    private static JsonArray array(JsonObject o) {
        JsonArray a = new JsonArray();
        a.add(o);
        return a;
    }
}
