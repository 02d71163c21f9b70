package org.careleaf.cdshooks.internal;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The three CDS services, one per hook: a CDS Hooks service names exactly one {@code hook}, so offering
 * the same education at three moments means three services, each with its own prefetch.
 */
enum Hook {

    PATIENT_VIEW("patient-view", "careleaf-patient-education", "Careleaf patient education",
            "Suggests Careleaf patient-education modules that match the patient's conditions and active"
                    + " medications (ICD-10-CM, ICD-10, SNOMED CT, ATC or RxNorm codes), in the patient's preferred"
                    + " language (Patient.communication, else Accept-Language). Needs the 'conditions' prefetch;"
                    + " Careleaf does not query FHIR servers itself.",
            "active"),
    ORDER_SELECT("order-select", "careleaf-order-select-education", "Careleaf education for the selected order",
            "When a medication order is selected, suggests the Careleaf module that explains that medicine"
                    + " (RxNorm or ATC codes in the selected MedicationRequests of context.draftOrders), in the"
                    + " patient's preferred language, with a suggestion that creates a CommunicationRequest to give"
                    + " it.",
            "draft"),
    ORDER_SIGN("order-sign", "careleaf-order-sign-education", "Careleaf education for the orders being signed",
            "When medication orders are signed, suggests the Careleaf modules that explain those medicines (RxNorm"
                    + " or ATC codes in the MedicationRequests of context.draftOrders), in the patient's preferred"
                    + " language, with a suggestion that creates a CommunicationRequest to give each.",
            "draft");

    private final String hook;
    private final String serviceId;
    private final String title;
    private final String description;
    private final String requestStatus;

    Hook(String hook, String serviceId, String title, String description, String requestStatus) {
        this.hook = hook;
        this.serviceId = serviceId;
        this.title = title;
        this.description = description;
        this.requestStatus = requestStatus;
    }

    String hook() {
        return hook;
    }

    String serviceId() {
        return serviceId;
    }

    String title() {
        return title;
    }

    String description() {
        return description;
    }

    /**
     * The status of the CommunicationRequest a card suggests. In the order hooks it joins the draft orders
     * of the ordering session and becomes active when the clinician signs them; in {@code patient-view}
     * there is no session to sign, and the clinician accepting the card is the decision.
     */
    String requestStatus() {
        return requestStatus;
    }

    boolean isOrderHook() {
        return this != PATIENT_VIEW;
    }

    /** The FHIR searches the client is asked to send with each call. */
    Map<String, String> prefetch() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("patient", "Patient/{{context.patientId}}");
        if (this == PATIENT_VIEW) {
            p.put("conditions", "Condition?patient={{context.patientId}}");
            p.put("medications", "MedicationRequest?patient={{context.patientId}}&status=active");
        }
        return p;
    }

    static Optional<Hook> byServiceId(String id) {
        return Arrays.stream(values()).filter(h -> h.serviceId.equals(id)).findFirst();
    }
}
