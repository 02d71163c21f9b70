package org.careleaf.cdshooks.internal;

/** CDS Hooks request bodies in the form EHRs send them, for the tests. */
final class Requests {

    static final String PATIENT = "1288992";
    static final String HOOK_INSTANCE = "d1577c69-dfbe-44ad-ba6d-3e05e953b2ea";

    private Requests() {
    }

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

    static String patientView(String conditionEntries, String medicationEntries) {
        return """
                {"hook": "patient-view", "hookInstance": "d1577c69-dfbe-44ad-ba6d-3e05e953b2ea",
                 "fhirServer": "https://fhir.example.org",
                 "context": {"userId": "Practitioner/example", "patientId": "1288992"},
                 "prefetch": {
                   "conditions": {"resourceType": "Bundle", "type": "searchset", "entry": [%s]},
                   "medications": {"resourceType": "Bundle", "type": "searchset", "entry": [%s]}}}"""
                .formatted(conditionEntries, medicationEntries);
    }

    /** A draft MedicationRequest for the patient, with the medicine coded in one system. */
    static String draftOrder(String id, String system, String code, String display) {
        return """
                {"resource": {"resourceType": "MedicationRequest", "id": "%s", "status": "draft",
                  "intent": "order", "subject": {"reference": "Patient/1288992"},
                  "medicationCodeableConcept": {"coding": [{"system": "%s", "code": "%s", "display": "%s"}]}}}"""
                .formatted(id, system, code, display);
    }

    /** An order hook call; {@code selections} is a JSON array, or null to leave it out (order-sign). */
    static String orderHook(String hook, String selections, String entries, String patientPrefetch) {
        return """
                {"hook": "%s", "hookInstance": "9f2b6c1e-3d0a-4a57-8f3e-6a1c2b7d9e40",
                 "fhirServer": "https://fhir.example.org",
                 "context": {"userId": "Practitioner/123", "patientId": "1288992", "encounterId": "89284",
                   %s"draftOrders": {"resourceType": "Bundle", "type": "collection", "entry": [%s]}}%s}"""
                .formatted(hook, selections == null ? "" : "\"selections\": " + selections + ", ", entries,
                        patientPrefetch == null ? "" : ", \"prefetch\": {\"patient\": " + patientPrefetch + "}");
    }

    /** A FHIR Patient whose preferred language is {@code lang}. */
    static String patient(String lang) {
        return """
                {"resourceType": "Patient", "id": "1288992", "communication": [
                  {"language": {"coding": [{"system": "urn:ietf:bcp:47", "code": "en"}]}},
                  {"language": {"coding": [{"system": "urn:ietf:bcp:47", "code": "%s"}]}, "preferred": true}]}"""
                .formatted(lang);
    }

    static final String DOCETAXEL_SELECTED = orderHook("order-select", "[\"MedicationRequest/docetaxel-1\"]",
            draftOrder("docetaxel-1", CdsCatalog.RXNORM_URI, CdsCatalog.DOCETAXEL, "docetaxel")
                    + "," + draftOrder("denosumab-1", CdsCatalog.RXNORM_URI, CdsCatalog.DENOSUMAB, "denosumab"),
            null);
}
