package org.careleaf.fhir.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Locale;
import java.util.TimeZone;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;

import org.careleaf.model.ApprovalState;
import org.careleaf.model.Code;
import org.careleaf.model.CodeSystems;
import org.careleaf.model.ModuleDocument;
import org.careleaf.model.ModuleView;
import org.careleaf.model.TranslationStatus;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.DocumentReference.DocumentRelationshipType;
import org.hl7.fhir.r4.model.Enumerations.DocumentReferenceStatus;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Meta;
import org.hl7.fhir.r4.model.Reference;

/**
 * One module in one language as a FHIR R4 DocumentReference: library content, so no subject; the viewer
 * page (print-friendly HTML) and the REST API's JSON as attachments in the language actually served; the
 * module's clinical codes in {@code context.event}; the honest state of review and translation in
 * {@code docStatus} and {@code meta.tag}. docs/fhir.md explains each choice.
 */
final class DocumentReferences {

    /** LOINC 34895-3 "Education note": a document code in FHIR R4's FHIR Document Type Codes value set. */
    static final String LOINC = "http://loinc.org";
    static final String EDUCATION_NOTE = "34895-3";
    static final String CATEGORY_SYSTEM = "urn:careleaf:fhir:module-category";
    static final String TRANSLATION_SYSTEM = "urn:careleaf:fhir:translation-status";
    static final String REVIEW_SYSTEM = "urn:careleaf:fhir:review-status";
    static final String MODULE_ID_SYSTEM = "urn:careleaf:module";
    static final String CONFIDENTIALITY = "http://terminology.hl7.org/CodeSystem/v3-Confidentiality";

    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

    private DocumentReferences() {
    }

    /**
     * @param v the module as the catalog serves it to a reader of {@code language}
     * @param language the language this resource stands for: part of its id, even when the catalog serves
     *        the module in its source language because no translation exists
     */
    static DocumentReference of(ModuleView v, String language, Links links) {
        ModuleDocument m = v.content();
        DocumentReference d = new DocumentReference();
        d.setId(LogicalIds.of(v.id(), language));
        Meta meta = d.getMeta().setVersionId(v.version()).setLastUpdatedElement(writtenOn(m));
        meta.addTag(TRANSLATION_SYSTEM, translationCode(v), translationDisplay(v, language));
        meta.addTag(REVIEW_SYSTEM, m.review().clinicallyReviewed() ? "clinically-reviewed" : "not-clinically-reviewed",
                m.review().clinicallyReviewed() ? "Reviewed by a clinician" : "Not yet reviewed by a clinician");
        d.setLanguage(v.locale());
        d.setText(Narratives.of(v.locale(), translationDisplay(v, language), m.title(), m.summary()));
        d.addIdentifier().setSystem(MODULE_ID_SYSTEM).setValue(v.id());
        d.setStatus(DocumentReferenceStatus.CURRENT);
        d.setDocStatus(verified(v) ? DocumentReference.ReferredDocumentStatus.FINAL
                : DocumentReference.ReferredDocumentStatus.PRELIMINARY);
        d.setType(new CodeableConcept(new Coding(LOINC, EDUCATION_NOTE, "Education note")));
        String category = m.category().name().toLowerCase(Locale.ROOT);
        d.addCategory(new CodeableConcept(new Coding(CATEGORY_SYSTEM, category,
                Character.toUpperCase(category.charAt(0)) + category.substring(1))));
        d.setDateElement(writtenOn(m));
        d.setDescription(m.summary());
        d.addSecurityLabel(new CodeableConcept(new Coding(CONFIDENTIALITY, "U", "unrestricted")));
        if (!v.locale().equals(v.sourceLocale())) {
            // a translation: made from the source-language document
            d.addRelatesTo().setCode(DocumentRelationshipType.TRANSFORMS)
                    .setTarget(new Reference("DocumentReference/" + LogicalIds.of(v.id(), v.sourceLocale())));
        }
        d.addContent().setAttachment(new Attachment().setContentType("text/html").setLanguage(v.locale())
                .setUrl(links.viewer(v.id(), language)).setTitle(m.title()));
        d.addContent().setAttachment(new Attachment().setContentType("application/json").setLanguage(v.locale())
                .setUrl(links.api(v.id(), language)).setTitle(m.title()));
        for (Code c : m.codes()) {
            d.getContext().addEvent(new CodeableConcept(new Coding(CodeSystems.uri(c.system()), c.code(), c.display())));
        }
        return d;
    }

    /**
     * {@code final} needs content "complete and verified by an appropriate person" (FHIR's
     * composition-status): a clinician's review or the site's approval of this version, and a text that is
     * the source or a translation a qualified translator reviewed. Everything else is {@code preliminary}.
     */
    static boolean verified(ModuleView v) {
        ApprovalState approval = v.approval();
        boolean content = v.content().review().clinicallyReviewed() || approval != null && approval.approved();
        boolean text = switch (v.translationStatus()) {
            case SOURCE, MISSING, AWAITING_APPROVAL -> true; // the source text is served
            case REVIEWED -> v.translationApproval() == null || v.translationApproval().approved();
            default -> false;
        };
        return content && text;
    }

    static String translationCode(ModuleView v) {
        return v.translationStatus().name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static String translationDisplay(ModuleView v, String language) {
        TranslationStatus s = v.translationStatus();
        String base = switch (s) {
            case SOURCE -> "Written in " + v.locale();
            case MISSING -> "No translation into " + language + " yet: served in " + v.locale();
            case MACHINE_ASSISTED -> "Machine-assisted translation into " + v.locale() + ", not reviewed by a medical translator";
            case REVIEWED -> "Translation into " + v.locale() + " reviewed by a medical translator";
            case AWAITING_APPROVAL -> "A translation into " + language + " awaits the site's approval: served in " + v.locale();
        };
        int fallback = v.fallbackIds().size();
        return fallback == 0 || s == TranslationStatus.MISSING || s == TranslationStatus.AWAITING_APPROVAL ? base
                : base + "; " + fallback + " part" + (fallback == 1 ? "" : "s") + " served in " + v.sourceLocale();
    }

    /** When the text was written: the resource's lastUpdated and date (an instant at 00:00 UTC, written in UTC). */
    static InstantType writtenOn(ModuleDocument m) {
        InstantType t = new InstantType(Date.from(lastUpdated(m)), TemporalPrecisionEnum.SECOND, UTC);
        t.setTimeZoneZulu(true);
        return t;
    }

    static Instant lastUpdated(ModuleDocument m) {
        try {
            return LocalDate.parse(m.review().writtenOn()).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException | NullPointerException e) {
            return Instant.EPOCH; // the catalog refuses such content; never fail a whole answer for one module
        }
    }
}
