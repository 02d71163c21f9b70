package org.careleaf.cdshooks.internal;

import static org.careleaf.cdshooks.internal.CdsCatalog.RXNORM_URI;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;

import org.hl7.fhir.r4.model.CommunicationRequest;
import org.junit.jupiter.api.Test;

/**
 * Every CommunicationRequest the cards suggest is valid FHIR R4 as HAPI FHIR's strict parser reads it: no
 * unknown element, no wrong type, no code outside a required binding, valid XHTML narrative.
 */
class EducationRequestFhirTest {

    private static final FhirContext R4 = FhirContext.forR4();

    private static IParser strict() {
        return R4.newJsonParser().setParserErrorHandler(new StrictErrorHandler());
    }

    private static List<CommunicationRequest> parsed(Hook hook, String body, String lang) throws Exception {
        HookCall call = HookCallParser.parse(hook, body);
        JsonArray cards = Cards.build(call, CdsCatalog.library().view(HookCallParser.languages(call, lang)),
                new Links("https://careleaf.example.org/careleaf"), CardsTest.NOW).body().getAsJsonArray("cards");
        List<CommunicationRequest> out = new ArrayList<>();
        for (JsonElement c : cards) {
            String json = CardsTest.resource(c.getAsJsonObject()).toString();
            out.add(strict().parseResource(CommunicationRequest.class, json));
        }
        return out;
    }

    @Test
    void orderSelectRequestsAreValidDraftR4() throws Exception {
        List<CommunicationRequest> rs = parsed(Hook.ORDER_SELECT, Requests.orderHook("order-select",
                "[\"MedicationRequest/o1\"]", Requests.draftOrder("o1", RXNORM_URI, CdsCatalog.ENZALUTAMIDE,
                        "enzalutamide"), Requests.patient("es")), "en");
        assertEquals(2, rs.size());
        CommunicationRequest r = rs.get(0);
        assertEquals(CommunicationRequest.CommunicationRequestStatus.DRAFT, r.getStatus());
        assertEquals("Patient/1288992", r.getSubject().getReference());
        assertEquals("MedicationRequest/o1", r.getAboutFirstRep().getReference());
        assertEquals("instruction", r.getCategoryFirstRep().getCodingFirstRep().getCode());
        assertEquals("WRITTEN", r.getMediumFirstRep().getCodingFirstRep().getCode());
        assertEquals("es", r.getPayload().get(1).getContentAttachment().getLanguage());
        assertEquals("Terapia hormonal", r.getPayload().get(1).getContentAttachment().getTitle());
        assertTrue(r.getPayload().get(1).getContentAttachment().getUrl()
                .endsWith("/careleaf/modules/mpc-hormone-therapy?lang=es"));
        assertTrue(r.getPayload().get(0).getContentStringType().getValue().contains("Terapia hormonal"));
        assertEquals(CommunicationRequest.CommunicationPriority.ROUTINE, r.getPriority());
        assertTrue(r.getText().getDivAsString().contains("Terapia hormonal"));
    }

    @Test
    void patientViewRequestsAreValidActiveR4() throws Exception {
        List<CommunicationRequest> rs = parsed(Hook.PATIENT_VIEW, Requests.patientView(
                Requests.condition(CdsCatalog.ICD10CM_URI, "C61"), ""), "en");
        assertEquals(9, rs.size());
        for (CommunicationRequest r : rs) {
            assertEquals(CommunicationRequest.CommunicationRequestStatus.ACTIVE, r.getStatus());
            assertEquals("http://hl7.org/fhir/sid/icd-10-cm", r.getReasonCodeFirstRep().getCodingFirstRep().getSystem());
            assertEquals("Patient/1288992", r.getRecipientFirstRep().getReference());
        }
    }

    @Test
    void theStrictParserWouldCatchAMistake() {
        String wrong = "{\"resourceType\": \"CommunicationRequest\", \"status\": \"proposed\", \"intent\": \"order\"}";
        org.junit.jupiter.api.Assertions.assertThrows(ca.uhn.fhir.parser.DataFormatException.class,
                () -> strict().parseResource(CommunicationRequest.class, wrong),
                "R4 CommunicationRequest has no intent, and proposed is not one of its statuses");
    }
}
