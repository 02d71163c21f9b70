package org.careleaf.cdshooks.internal;

import static org.careleaf.cdshooks.internal.CdsCatalog.ATC_URI;
import static org.careleaf.cdshooks.internal.CdsCatalog.ICD10CM_URI;
import static org.careleaf.cdshooks.internal.CdsCatalog.RXNORM_URI;
import static org.careleaf.cdshooks.internal.Requests.condition;
import static org.careleaf.cdshooks.internal.Requests.draftOrder;
import static org.careleaf.cdshooks.internal.Requests.orderHook;
import static org.careleaf.cdshooks.internal.Requests.patientView;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class HookCallParserTest {

    private static HookCall parse(Hook hook, String body) throws RequestRejected {
        return HookCallParser.parse(hook, body);
    }

    private static String code(Hook hook, String body) {
        RequestRejected e = assertThrows(RequestRejected.class, () -> parse(hook, body), body);
        assertEquals(400, e.status(), body);
        return e.code();
    }

    @Test
    void orderSelectReadsOnlyTheSelectedOrders() throws Exception {
        HookCall call = parse(Hook.ORDER_SELECT, Requests.DOCETAXEL_SELECTED);
        assertEquals(List.of(new Finding(RXNORM_URI, CdsCatalog.DOCETAXEL, "MedicationRequest/docetaxel-1")),
                call.findings(), "denosumab is a draft order too, but it was not just selected");
        assertEquals("Practitioner/123", call.userId());
        assertEquals("89284", call.encounterId());
        assertEquals("1288992", call.patientId());
    }

    @Test
    void orderSignReadsEveryDraftOrderIncludingReferencedMedications() throws Exception {
        String referenced = """
                {"resource": {"resourceType": "MedicationRequest", "id": "enza-1", "status": "draft",
                  "subject": {"reference": "Patient/1288992"}, "medicationReference": {"reference": "Medication/enza"}}},
                {"resource": {"resourceType": "Medication", "id": "enza",
                  "code": {"coding": [{"system": "%s", "code": "%s"}]}}},
                {"resource": {"resourceType": "MedicationRequest", "id": "xgeva-1", "status": "draft",
                  "subject": {"reference": "Patient/1288992"}, "medicationReference": {"reference": "#d"},
                  "contained": [{"resourceType": "Medication", "id": "d",
                    "code": {"coding": [{"system": "%s", "code": "M05BX04"}]}}]}}"""
                .formatted(RXNORM_URI, CdsCatalog.ENZALUTAMIDE, ATC_URI);
        HookCall call = parse(Hook.ORDER_SIGN, orderHook("order-sign", null,
                draftOrder("docetaxel-1", RXNORM_URI, CdsCatalog.DOCETAXEL, "docetaxel") + "," + referenced, null));
        assertEquals(List.of(new Finding(RXNORM_URI, CdsCatalog.DOCETAXEL, "MedicationRequest/docetaxel-1"),
                new Finding(RXNORM_URI, CdsCatalog.ENZALUTAMIDE, "MedicationRequest/enza-1"),
                new Finding(ATC_URI, "M05BX04", "MedicationRequest/xgeva-1")), call.findings());
    }

    @Test
    void ordersForAnotherPatientOrEnteredInErrorAreLeftOut() throws Exception {
        String other = draftOrder("d2", RXNORM_URI, CdsCatalog.DOCETAXEL, "docetaxel").replace("Patient/1288992",
                "Patient/42");
        String error = draftOrder("d3", RXNORM_URI, CdsCatalog.DOCETAXEL, "docetaxel").replace("\"draft\"",
                "\"entered-in-error\"");
        assertTrue(parse(Hook.ORDER_SIGN, orderHook("order-sign", null, other + "," + error, null)).findings().isEmpty());
    }

    @Test
    void patientLanguageComesFromThePreferredCommunication() throws Exception {
        HookCall call = parse(Hook.ORDER_SELECT, orderHook("order-select", "[\"MedicationRequest/d1\"]",
                draftOrder("d1", RXNORM_URI, CdsCatalog.DOCETAXEL, "docetaxel"), Requests.patient("es")));
        assertEquals("es", call.patientLanguage());
        assertEquals("es", HookCallParser.languages(call, "de"), "the patient's language wins over Accept-Language");
        HookCall otherPatient = parse(Hook.ORDER_SELECT, orderHook("order-select", "[\"MedicationRequest/d1\"]",
                draftOrder("d1", RXNORM_URI, CdsCatalog.DOCETAXEL, "docetaxel"),
                Requests.patient("es").replace("\"id\": \"1288992\"", "\"id\": \"77\"")));
        assertNull(otherPatient.patientLanguage());
        assertEquals("de", HookCallParser.languages(otherPatient, "de"));
        HookCall outcome = parse(Hook.ORDER_SELECT, orderHook("order-select", "[\"MedicationRequest/d1\"]",
                draftOrder("d1", RXNORM_URI, CdsCatalog.DOCETAXEL, "docetaxel"),
                "{\"resourceType\": \"OperationOutcome\"}"));
        assertNull(outcome.patientLanguage(), "a failed patient fetch only means no language hint");
    }

    @Test
    void orderHooksNeedTheirContext() {
        String ok = Requests.DOCETAXEL_SELECTED;
        assertEquals("missing-selections", code(Hook.ORDER_SELECT, ok.replace(
                "\"selections\": [\"MedicationRequest/docetaxel-1\"], ", "")));
        assertEquals("missing-selections", code(Hook.ORDER_SELECT, ok.replace(
                "[\"MedicationRequest/docetaxel-1\"]", "[]")));
        assertEquals("bad-request", code(Hook.ORDER_SELECT, ok.replace(
                "[\"MedicationRequest/docetaxel-1\"]", "[\"not a reference\"]")));
        assertEquals("missing-draft-orders", code(Hook.ORDER_SIGN, orderHook("order-sign", null, "", null)
                .replaceAll("\"draftOrders\": \\{[^}]*}", "\"draftOrders\": null")));
        assertEquals("malformed-bundle", code(Hook.ORDER_SIGN, orderHook("order-sign", null, "\"x\"", null)));
        assertEquals("wrong-hook", code(Hook.ORDER_SIGN, ok));
        assertEquals("bad-request", code(Hook.ORDER_SELECT, ok.replace("\"patientId\": \"1288992\"",
                "\"patientId\": \"12 88/992\"")));
        assertEquals("bad-request", code(Hook.ORDER_SELECT, ok.replace("\"encounterId\": \"89284\"",
                "\"encounterId\": \"<x>\"")));
    }

    @Test
    void patientViewReadsConditionsAndMedicationsFromPrefetch() throws Exception {
        HookCall call = parse(Hook.PATIENT_VIEW, patientView(condition(ICD10CM_URI, "c61"),
                Requests.medication(ATC_URI, "L02BB04")));
        assertEquals(List.of(new Finding(ICD10CM_URI, "C61", null), new Finding(ATC_URI, "L02BB04", null)),
                call.findings());
    }

    @Test
    void refutedConditionsAndOtherPatientsAreLeftOut() throws Exception {
        String refuted = """
                {"resource": {"resourceType": "Condition", "subject": {"reference": "Patient/1288992"},
                  "verificationStatus": {"coding": [{"system":
                    "http://terminology.hl7.org/CodeSystem/condition-ver-status", "code": "refuted"}]},
                  "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": "C61"}]}}}""";
        String otherPatient = condition(ICD10CM_URI, "C61").replace("Patient/1288992",
                "https://fhir.example.org/Patient/42");
        assertTrue(parse(Hook.PATIENT_VIEW, patientView(refuted + "," + otherPatient, "")).findings().isEmpty());
    }

    @Test
    void missingPrefetchIsPreconditionFailed() {
        String noPrefetch = """
                {"hook": "patient-view", "hookInstance": "x-1", "context": {"patientId": "1"}}""";
        RequestRejected e = assertThrows(RequestRejected.class, () -> parse(Hook.PATIENT_VIEW, noPrefetch));
        assertEquals(412, e.status());
        assertEquals("missing-prefetch", e.code());
        String failedFetch = """
                {"hook": "patient-view", "hookInstance": "x-1", "context": {"patientId": "1"},
                 "prefetch": {"conditions": {"resourceType": "OperationOutcome", "issue": []}}}""";
        assertEquals(412, assertThrows(RequestRejected.class, () -> parse(Hook.PATIENT_VIEW, failedFetch)).status());
    }

    @Test
    void badJsonAndMissingFieldsAre400() {
        String deep = "{\"a\": " + "[".repeat(5000) + "]".repeat(5000) + "}";
        for (String body : new String[] {"", "{", "not json", "{hook: 'patient-view'}", "{} {}", "{\"a\": 01}", deep}) {
            assertEquals("bad-json", code(Hook.PATIENT_VIEW, body), body);
        }
        String ok = patientView(condition(ICD10CM_URI, "C61"), "");
        assertEquals("missing-hook", code(Hook.PATIENT_VIEW, ok.replace("\"hook\": \"patient-view\",", "")));
        assertEquals("missing-hook-instance", code(Hook.PATIENT_VIEW, ok.replace(
                "\"hookInstance\": \"d1577c69-dfbe-44ad-ba6d-3e05e953b2ea\",", "")));
        assertEquals("missing-patient", code(Hook.PATIENT_VIEW, ok.replace("\"patientId\": \"1288992\"",
                "\"encounterId\": \"1\"")));
        assertEquals("bad-request", code(Hook.PATIENT_VIEW, ok.replace("\"hook\": \"patient-view\"", "\"hook\": 7")));
        assertEquals("malformed-bundle", code(Hook.PATIENT_VIEW, patientView("", "").replace("\"entry\": []",
                "\"entry\": {}")));
        assertEquals("malformed-bundle", code(Hook.PATIENT_VIEW, patientView("{\"fullUrl\": \"urn:uuid:1\"}", "")));
    }

    @Test
    void tooManyCodesIsRefused() {
        StringBuilder entries = new StringBuilder();
        for (int i = 0; i <= HookCallParser.MAX_CODINGS; i++) {
            entries.append(i == 0 ? "" : ",").append(condition(ICD10CM_URI, "X" + i));
        }
        assertEquals("too-many-codes", code(Hook.PATIENT_VIEW, patientView(entries.toString(), "")));
    }
}
