package org.careleaf.fhir.internal;

import org.hl7.fhir.r4.model.Narrative;
import org.hl7.fhir.utilities.xhtml.NodeType;
import org.hl7.fhir.utilities.xhtml.XhtmlNode;

/**
 * The human-readable narrative every resource carries (FHIR's dom-6 asks for one), built as nodes so that
 * text is escaped when written and never parsed as markup.
 */
final class Narratives {

    private Narratives() {
    }

    /** Paragraphs in English: operational text (outcomes, the capability statement). */
    static Narrative english(String... texts) {
        return of("en", null, texts);
    }

    /**
     * Paragraphs in the resource's language, and a note in English (what Careleaf says of the translation).
     */
    static Narrative of(String lang, String englishNote, String... texts) {
        XhtmlNode div = new XhtmlNode(NodeType.Element, "div");
        div.setAttribute("xmlns", "http://www.w3.org/1999/xhtml");
        div.setAttribute("lang", lang);
        div.setAttribute("xml:lang", lang);
        for (String t : texts) {
            if (t != null && !t.isBlank()) {
                div.addTag("p").addText(t);
            }
        }
        if (englishNote != null) {
            XhtmlNode p = div.addTag("p");
            if (!lang.equals("en")) {
                p.setAttribute("lang", "en");
                p.setAttribute("xml:lang", "en");
            }
            p.addText(englishNote);
        }
        return new Narrative().setStatus(Narrative.NarrativeStatus.GENERATED).setDiv(div);
    }
}
