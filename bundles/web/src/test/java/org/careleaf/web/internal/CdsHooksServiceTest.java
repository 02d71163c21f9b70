package org.careleaf.web.internal;

import org.careleaf.catalog.internal.library.TestCatalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import org.junit.jupiter.api.Test;

class CdsHooksServiceTest {

    private static final String ORIGIN = "http://ehr.example.org:8181";
    private final TestCatalog catalog = InMemoryCatalog.clinicalCodes();

    static String condition(String system, String code) {
        return """
                {"resource": {"resourceType": "Condition", "id": "c-%2$s",
                  "subject": {"reference": "Patient/1288992"},
                  "code": {"coding": [{"system": "%1$s", "code": "%2$s"}]}}}""".formatted(system, code);
    }

    static String medication(String system, String code) {
        return """
                {"resource": {"resourceType": "MedicationRequest", "status": "active",
                  "subject": {"reference": "Patient/1288992"},
                  "medicationCodeableConcept": {"coding": [{"system": "%s", "code": "%s"}]}}}"""
                .formatted(system, code);
    }

    static String request(String conditionEntries, String medicationEntries) {
        return """
                {"hook": "patient-view", "hookInstance": "d1577c69-dfbe-44ad-ba6d-3e05e953b2ea",
                 "fhirServer": "https://fhir.example.org",
                 "context": {"userId": "Practitioner/example", "patientId": "1288992"},
                 "prefetch": {
                   "conditions": {"resourceType": "Bundle", "type": "searchset", "entry": [%s]},
                   "medications": {"resourceType": "Bundle", "type": "searchset", "entry": [%s]}}}"""
                .formatted(conditionEntries, medicationEntries);
    }

    static final String PROSTATE_ZIGGY = request(
            condition("http://hl7.org/fhir/sid/icd-10-cm", "C61") + ","
                    + condition("http://hl7.org/fhir/sid/icd-10-cm", "Z19.2"),
            medication("http://www.whocc.no/atc", "L02BB04"));

    private JsonArray cards(String body, String locale) throws RequestRejected {
        return CdsHooksService.cards(CdsHooksService.parse(body), catalog.view(locale), ORIGIN).getAsJsonArray("cards");
    }

    private static List<String> links(JsonArray cards) {
        List<String> out = new ArrayList<>();
        for (JsonElement c : cards) {
            out.add(c.getAsJsonObject().getAsJsonArray("links").get(0).getAsJsonObject().get("url").getAsString());
        }
        return out;
    }

    @Test
    void discoveryNamesTheServiceAndItsPrefetch() {
        JsonObject service = CdsHooksService.discovery().getAsJsonArray("services").get(0).getAsJsonObject();
        assertEquals("patient-view", service.get("hook").getAsString());
        assertEquals("careleaf-patient-education", service.get("id").getAsString());
        assertFalse(service.get("description").getAsString().isBlank());
        assertEquals("Condition?patient={{context.patientId}}",
                service.getAsJsonObject("prefetch").get("conditions").getAsString());
        assertEquals("MedicationRequest?patient={{context.patientId}}&status=active",
                service.getAsJsonObject("prefetch").get("medications").getAsString());
    }

    @Test
    void prostateCancerCastrationResistanceAndEnzalutamideGiveOrderedCards() throws Exception {
        JsonArray cards = cards(PROSTATE_ZIGGY, "en");
        // C61 is on every module: nine cards in module order, each module once
        assertEquals(List.of(
                ORIGIN + "/careleaf/modules/mpc-overview?lang=en",
                ORIGIN + "/careleaf/modules/mpc-outlook?lang=en",
                ORIGIN + "/careleaf/modules/mpc-hormone-therapy?lang=en",
                ORIGIN + "/careleaf/modules/mpc-chemotherapy?lang=en",
                ORIGIN + "/careleaf/modules/mpc-radiation?lang=en",
                ORIGIN + "/careleaf/modules/mpc-bone-health?lang=en",
                ORIGIN + "/careleaf/modules/mpc-targeted-immunotherapy?lang=en",
                ORIGIN + "/careleaf/modules/mpc-living-well?lang=en",
                ORIGIN + "/careleaf/modules/mpc-clinical-trials?lang=en"), links(cards));
        JsonObject card = cards.get(2).getAsJsonObject();
        assertEquals("Hormone therapy", card.get("summary").getAsString());
        assertEquals("How ADT and newer hormone medicines work, and their side effects.",
                card.get("detail").getAsString());
        assertEquals("info", card.get("indicator").getAsString());
        assertEquals("Careleaf patient education", card.getAsJsonObject("source").get("label").getAsString());
        assertEquals(ORIGIN + "/careleaf/?lang=en", card.getAsJsonObject("source").get("url").getAsString());
        JsonObject link = card.getAsJsonArray("links").get(0).getAsJsonObject();
        assertEquals("Open for the patient", link.get("label").getAsString());
        assertEquals("absolute", link.get("type").getAsString());
        assertFalse(card.has("selectionBehavior"));
        assertFalse(card.has("suggestions"));
    }

    @Test
    void withoutC61OnlyTheModulesOfTheOtherCodesAnswer() throws Exception {
        JsonArray cards = cards(request(condition("http://hl7.org/fhir/sid/icd-10-cm", "Z19.2"),
                medication("http://www.whocc.no/atc", "L02BB04")), "es");
        assertEquals(List.of(
                ORIGIN + "/careleaf/modules/mpc-hormone-therapy?lang=es",
                ORIGIN + "/careleaf/modules/mpc-chemotherapy?lang=es",
                ORIGIN + "/careleaf/modules/mpc-radiation?lang=es",
                ORIGIN + "/careleaf/modules/mpc-targeted-immunotherapy?lang=es"), links(cards));
        assertEquals("Terapia hormonal", cards.get(0).getAsJsonObject().get("summary").getAsString());
    }

    @Test
    void medicationAloneFindsItsModules() throws Exception {
        JsonArray cards = cards(request("", medication("http://www.whocc.no/atc", "L02BB04")), "en");
        assertEquals(List.of(ORIGIN + "/careleaf/modules/mpc-hormone-therapy?lang=en",
                ORIGIN + "/careleaf/modules/mpc-targeted-immunotherapy?lang=en"), links(cards));
    }

    @Test
    void cardUuidsAreStablePerHookInstanceAndModule() throws Exception {
        String first = cards(PROSTATE_ZIGGY, "en").get(0).getAsJsonObject().get("uuid").getAsString();
        assertEquals(first, cards(PROSTATE_ZIGGY, "en").get(0).getAsJsonObject().get("uuid").getAsString());
        String other = cards(PROSTATE_ZIGGY.replace("d1577c69", "e1577c69"), "en").get(0).getAsJsonObject()
                .get("uuid").getAsString();
        assertFalse(first.equals(other));
        assertEquals(36, first.length());
    }

    @Test
    void noMatchingCodeGivesNoCards() throws Exception {
        assertEquals(0, cards(request(condition("http://hl7.org/fhir/sid/icd-10-cm", "J45.909"), ""), "en").size());
        assertEquals(0, cards(request(condition("http://loinc.org", "C61"), ""), "en").size(),
                "the code must come from the right system");
    }

    @Test
    void entriesMayBeResourcesAndOtherResourceTypesAreIgnored() throws Exception {
        String body = """
                {"hook": "patient-view", "hookInstance": "x-1", "context": {"patientId": "1288992"},
                 "prefetch": {"conditions": {"resourceType": "Bundle", "entry": [
                   {"resourceType": "Observation", "code": {"coding": [{"system": "http://snomed.info/sct",
                     "code": "399068003"}]}},
                   {"resourceType": "Condition", "code": {"coding": [
                     {"system": "urn:oid:2.16.840.1.113883.6.90", "code": "c79.51"}]}}]}}}""";
        assertEquals(List.of(ORIGIN + "/careleaf/modules/mpc-overview?lang=en",
                ORIGIN + "/careleaf/modules/mpc-radiation?lang=en",
                ORIGIN + "/careleaf/modules/mpc-bone-health?lang=en"), links(cards(body, "en")));
    }

    @Test
    void nullConditionsMeanNoConditions() throws Exception {
        String body = """
                {"hook": "patient-view", "hookInstance": "x-1", "context": {"patientId": "1"},
                 "prefetch": {"conditions": null}}""";
        assertEquals(0, cards(body, "en").size());
    }

    @Test
    void refutedConditionsAndOtherPatientsAreLeftOut() throws Exception {
        String refuted = """
                {"resource": {"resourceType": "Condition", "subject": {"reference": "Patient/1288992"},
                  "verificationStatus": {"coding": [{"system":
                    "http://terminology.hl7.org/CodeSystem/condition-ver-status", "code": "refuted"}]},
                  "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": "C61"}]}}}""";
        String otherPatient = condition("http://hl7.org/fhir/sid/icd-10-cm", "C61").replace("Patient/1288992",
                "https://fhir.example.org/Patient/42");
        assertEquals(0, cards(request(refuted + "," + otherPatient, ""), "en").size());
    }

    @Test
    void medicationReferenceIsFollowedToTheMedication() throws Exception {
        String entries = """
                {"resource": {"resourceType": "MedicationRequest", "status": "active",
                  "medicationReference": {"reference": "Medication/enza"}}},
                {"resource": {"resourceType": "Medication", "id": "enza",
                  "code": {"coding": [{"system": "http://www.whocc.no/atc", "code": "L02BB04"}]}}}""";
        assertEquals(2, cards(request("", entries), "en").size());
    }

    @Test
    void detailIsEscapedMarkdownAndSummaryFitsACard() throws Exception {
        String body = request(condition("http://www.whocc.no/atc", "M05BA08"), "");
        JsonObject card = cards(body, "en").get(0).getAsJsonObject();
        assertEquals("Keeping bones strong, and jaw care.", card.get("detail").getAsString());
        assertEquals("\\*\\*not bold\\*\\* \\<b\\> \\[link\\](x)", PlainText.markdown("**not bold** <b> [link](x)"));
        String longTitle = "x".repeat(200);
        assertTrue(PlainText.truncate(longTitle, 139).length() <= 139);
    }

    @Test
    void badJsonIs400() {
        String deep = "{\"a\": " + "[".repeat(5000) + "]".repeat(5000) + "}";
        for (String body : new String[] {"", "{", "not json", "{hook: 'patient-view'}", "{} {}", "{\"a\": 01}",
            deep}) {
            RequestRejected e = assertThrows(RequestRejected.class, () -> CdsHooksService.parse(body), body);
            assertEquals(400, e.status(), body);
            assertEquals("bad-json", e.code(), body);
        }
        assertEquals("bad-request", code("[1, 2]"));
    }

    @Test
    void missingPrefetchIsPreconditionFailed() {
        String body = """
                {"hook": "patient-view", "hookInstance": "x-1", "context": {"patientId": "1"},
                 "fhirServer": "https://fhir.example.org"}""";
        RequestRejected e = assertThrows(RequestRejected.class, () -> CdsHooksService.parse(body));
        assertEquals(412, e.status());
        assertEquals("missing-prefetch", e.code());
        assertTrue(e.getMessage().contains("conditions"));
        String onlyMedications = """
                {"hook": "patient-view", "hookInstance": "x-1", "context": {"patientId": "1"},
                 "prefetch": {"medications": null}}""";
        assertEquals(412, assertThrows(RequestRejected.class, () -> CdsHooksService.parse(onlyMedications)).status());
        String failedFetch = """
                {"hook": "patient-view", "hookInstance": "x-1", "context": {"patientId": "1"},
                 "prefetch": {"conditions": {"resourceType": "OperationOutcome", "issue": []}}}""";
        assertEquals(412, assertThrows(RequestRejected.class, () -> CdsHooksService.parse(failedFetch)).status());
    }

    @Test
    void missingOrWrongFieldsAre400() {
        String ok = request(condition("http://hl7.org/fhir/sid/icd-10-cm", "C61"), "");
        assertEquals("missing-hook", code(ok.replace("\"hook\": \"patient-view\",", "")));
        assertEquals("wrong-hook", code(ok.replace("\"hook\": \"patient-view\"", "\"hook\": \"order-sign\"")));
        assertEquals("missing-hook-instance", code(ok.replace(
                "\"hookInstance\": \"d1577c69-dfbe-44ad-ba6d-3e05e953b2ea\",", "")));
        assertEquals("missing-patient", code(ok.replace("\"patientId\": \"1288992\"", "\"encounterId\": \"1\"")));
        assertEquals("bad-request", code(ok.replace("\"hook\": \"patient-view\"", "\"hook\": 7")));
    }

    @Test
    void malformedBundleIs400() {
        assertEquals("malformed-bundle", code(request("", "").replace("\"entry\": []", "\"entry\": {}")));
        assertEquals("malformed-bundle", code(request("{\"fullUrl\": \"urn:uuid:1\"}", "")));
        assertEquals("malformed-bundle", code(request("\"Condition\"", "")));
        assertEquals("malformed-bundle", code(request(condition("http://hl7.org/fhir/sid/icd-10-cm", "C61")
                .replace("\"coding\": [", "\"coding\": [[],"), "")));
        assertEquals("malformed-bundle", code("""
                {"hook": "patient-view", "hookInstance": "x", "context": {"patientId": "1"},
                 "prefetch": {"conditions": {"entry": []}}}"""));
    }

    private static String code(String body) {
        RequestRejected e = assertThrows(RequestRejected.class, () -> CdsHooksService.parse(body), body);
        assertEquals(400, e.status(), body);
        return e.code();
    }
}
