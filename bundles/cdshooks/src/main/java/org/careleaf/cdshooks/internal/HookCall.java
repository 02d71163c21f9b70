package org.careleaf.cdshooks.internal;

import java.util.List;

/**
 * A hook call, read: who and what it is about, and the codes to look up.
 *
 * @param userId {@code Practitioner/…} or {@code PractitionerRole/…} when the client sent one in that form, else null
 * @param encounterId a FHIR id, or null
 * @param patientLanguage the patient's preferred language from the {@code patient} prefetch, or null
 * @param findings the codes of the patient's conditions and medications ({@code patient-view}) or of the
 *        orders in question (order hooks), each once, in the order found
 */
record HookCall(Hook hook, String hookInstance, String patientId, String userId, String encounterId,
        String patientLanguage, List<Finding> findings) {

    HookCall {
        findings = List.copyOf(findings);
    }
}
