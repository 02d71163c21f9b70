package org.careleaf.cdshooks.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import org.careleaf.model.Identifiers;

/**
 * Reads a CDS Hooks 2.0 request for one of the three services. {@code patient-view} takes its codes from
 * the {@code conditions} (required) and {@code medications} prefetch; {@code order-select} from the
 * MedicationRequests in {@code context.draftOrders} that {@code context.selections} names, and
 * {@code order-sign} from all of them. The patient's preferred language comes from the {@code patient}
 * prefetch when the client sends it.
 */
final class HookCallParser {

    /** Distinct codes looked up per request; a real chart stays far below it. */
    static final int MAX_CODINGS = 1000;
    static final int MAX_SELECTIONS = 100;
    /** CDS Hooks: a service that cannot get the data it needs answers 412 Precondition Failed. */
    static final int NO_PREFETCH = 412;
    private static final int MAX_TEXT = 256;
    private static final Pattern USER = Pattern.compile("(Practitioner|PractitionerRole)/" + FhirResources.ID.pattern());
    private static final Pattern SELECTION = Pattern.compile("[A-Za-z]{1,64}/" + FhirResources.ID.pattern());

    private HookCallParser() {
    }

    static HookCall parse(Hook hook, String body) throws RequestRejected {
        JsonObject root = Json.parseObject(body);
        String name = Json.string(root, "hook", "hook");
        if (name == null) {
            throw RequestRejected.bad("missing-hook", "'hook' is required");
        }
        if (!hook.hook().equals(name)) {
            throw RequestRejected.bad("wrong-hook", "this service answers the " + hook.hook() + " hook; the"
                    + " discovery document lists a service for each hook");
        }
        String hookInstance = Json.string(root, "hookInstance", "hookInstance");
        if (hookInstance == null || hookInstance.isBlank()) {
            throw RequestRejected.bad("missing-hook-instance", "'hookInstance' is required");
        }
        checkText(hookInstance, "hookInstance");
        JsonObject context = Json.optionalObject(root, "context", "context");
        String patientId = context == null ? null : Json.string(context, "patientId", "context.patientId");
        if (patientId == null || patientId.isBlank()) {
            throw RequestRejected.bad("missing-patient", "'context.patientId' is required by the " + hook.hook()
                    + " hook");
        }
        if (!FhirResources.ID.matcher(patientId).matches()) {
            throw RequestRejected.bad("bad-request", "'context.patientId' must be a FHIR id (letters, digits, '-'"
                    + " and '.', at most 64)");
        }
        String userId = Json.string(context, "userId", "context.userId");
        String encounterId = Json.string(context, "encounterId", "context.encounterId");
        if (encounterId != null && !FhirResources.ID.matcher(encounterId).matches()) {
            throw RequestRejected.bad("bad-request", "'context.encounterId' must be a FHIR id");
        }
        JsonObject prefetch = Json.optionalObject(root, "prefetch", "prefetch");
        Set<Finding> findings = new LinkedHashSet<>();
        if (hook == Hook.PATIENT_VIEW) {
            chart(prefetch, patientId, findings);
        } else {
            orders(hook, context, patientId, findings);
        }
        if (findings.size() > MAX_CODINGS) {
            throw RequestRejected.bad("too-many-codes", "at most " + MAX_CODINGS + " distinct codes are looked up"
                    + " per request");
        }
        return new HookCall(hook, hookInstance, patientId,
                userId != null && USER.matcher(userId).matches() ? userId : null, encounterId,
                PatientLanguage.preferred(prefetch == null ? null : prefetch.get("patient"), patientId),
                new ArrayList<>(findings));
    }

    /** patient-view: the conditions (required) and active medications (optional) from prefetch. */
    private static void chart(JsonObject prefetch, String patientId, Set<Finding> out) throws RequestRejected {
        if (prefetch == null || !prefetch.has("conditions")) {
            throw new RequestRejected(NO_PREFETCH, "missing-prefetch", "prefetch 'conditions' is required (the"
                    + " Condition search in the discovery document); Careleaf does not query FHIR servers itself");
        }
        // null: the client has no conditions to give (CDS Hooks sends null rather than an empty Bundle)
        JsonElement conditions = prefetch.get("conditions");
        if (!conditions.isJsonNull()) {
            List<JsonObject> resources = FhirResources.resources(conditions, "prefetch.conditions");
            if (resources == null) {
                throw new RequestRejected(NO_PREFETCH, "missing-prefetch", "prefetch 'conditions' is an"
                        + " OperationOutcome: the client could not fetch the conditions Careleaf needs");
            }
            FhirResources.conditions(resources, patientId, "prefetch.conditions", out);
        }
        JsonElement medications = prefetch.get("medications");
        if (medications != null && !medications.isJsonNull()) {
            List<JsonObject> resources = FhirResources.resources(medications, "prefetch.medications");
            if (resources != null) { // medications are optional: a failed fetch only means fewer cards
                FhirResources.medications(resources, patientId, null, "prefetch.medications", out);
            }
        }
    }

    /** order-select and order-sign: the medications of the orders in question, from the context. */
    private static void orders(Hook hook, JsonObject context, String patientId, Set<Finding> out)
            throws RequestRejected {
        JsonElement draftOrders = context.get("draftOrders");
        if (draftOrders == null || draftOrders.isJsonNull()) {
            throw RequestRejected.bad("missing-draft-orders", "'context.draftOrders' (a FHIR Bundle of the draft"
                    + " orders) is required by the " + hook.hook() + " hook");
        }
        List<JsonObject> resources = FhirResources.resources(draftOrders, "context.draftOrders");
        if (resources == null) {
            throw RequestRejected.bad("malformed-bundle", "context.draftOrders must be a Bundle of orders, not an"
                    + " OperationOutcome");
        }
        List<String> selections = hook == Hook.ORDER_SELECT ? selections(context) : null;
        FhirResources.medications(resources, patientId, selections, "context.draftOrders", out);
    }

    private static List<String> selections(JsonObject context) throws RequestRejected {
        JsonArray array = Json.optionalArray(context, "selections", "context.selections");
        if (array == null || array.isEmpty()) {
            throw RequestRejected.bad("missing-selections", "'context.selections' (the references of the newly"
                    + " selected orders, e.g. MedicationRequest/123) is required by the order-select hook");
        }
        if (array.size() > MAX_SELECTIONS) {
            throw RequestRejected.bad("bad-request", "at most " + MAX_SELECTIONS + " selections per request");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            JsonElement e = array.get(i);
            String s = e.isJsonPrimitive() && e.getAsJsonPrimitive().isString() ? e.getAsString() : null;
            if (s == null || !SELECTION.matcher(s).matches()) {
                throw RequestRejected.bad("bad-request", "'context.selections[" + i + "]' must be a reference such"
                        + " as MedicationRequest/123");
            }
            out.add(s);
        }
        return out;
    }

    private static void checkText(String s, String name) throws RequestRejected {
        if (s.length() > MAX_TEXT || s.chars().anyMatch(Character::isISOControl)) {
            throw RequestRejected.bad("bad-request", "'" + name + "' must be one line of at most " + MAX_TEXT
                    + " characters");
        }
    }

    /** For {@link Identifiers#languagePreference}: kept here so the rule's inputs are named in one place. */
    static String languages(HookCall call, String acceptLanguage) {
        return Identifiers.languagePreference(call.patientLanguage(), acceptLanguage);
    }
}
