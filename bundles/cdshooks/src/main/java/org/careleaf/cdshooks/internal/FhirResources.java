package org.careleaf.cdshooks.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * The parts of FHIR R4 resources the hooks read: Bundle entries, CodeableConcept codings, the patient a
 * resource is about, and the medication a MedicationRequest names (its code, or a Medication it references
 * in the same Bundle or contained in it).
 */
final class FhirResources {

    /** A FHIR id, as {@code Patient/{id}} references need it. */
    static final Pattern ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");
    private static final int MAX_SYSTEM = 256;
    private static final int MAX_CODE = 64;

    private FhirResources() {
    }

    /**
     * The resources of a Bundle (entries holding {@code resource}, or being resources themselves) or a
     * single resource; null for an OperationOutcome (the client could not fetch the data).
     */
    static List<JsonObject> resources(JsonElement value, String path) throws RequestRejected {
        JsonObject o = Json.object(value, path);
        String type = Json.string(o, "resourceType", path + ".resourceType");
        if (type == null) {
            throw Json.wrong(path, path + " has no resourceType; send a FHIR Bundle");
        }
        if (type.equals("OperationOutcome")) {
            return null;
        }
        if (!type.equals("Bundle")) {
            return List.of(o);
        }
        List<JsonObject> out = new ArrayList<>();
        JsonArray entries = Json.optionalArray(o, "entry", path + ".entry");
        if (entries == null) {
            return out;
        }
        for (int i = 0; i < entries.size(); i++) {
            String at = path + ".entry[" + i + "]";
            JsonObject entry = Json.object(entries.get(i), at);
            if (entry.has("resource")) {
                out.add(Json.object(entry.get("resource"), at + ".resource"));
            } else if (entry.has("resourceType")) {
                out.add(entry);
            } else {
                throw Json.wrong(at, at + " holds no resource");
            }
        }
        return out;
    }

    /** Conditions of this patient that are not refuted or entered in error, as findings. */
    static void conditions(List<JsonObject> resources, String patientId, String path, Set<Finding> out)
            throws RequestRejected {
        for (int i = 0; i < resources.size(); i++) {
            JsonObject r = resources.get(i);
            String at = path + "[" + i + "]";
            if (!"Condition".equals(Json.string(r, "resourceType", at + ".resourceType"))
                    || !aboutPatient(r, patientId, at)
                    || hasCode(r, "verificationStatus", Set.of("refuted", "entered-in-error"), at)) {
                continue; // other resources, other patients, and conditions known not to be there
            }
            codings(r.get("code"), at + ".code", null, out);
        }
    }

    /**
     * The medications of this patient's MedicationRequests, as findings about each request.
     *
     * @param only references ({@code MedicationRequest/id}) of the requests to read; null reads all
     */
    static void medications(List<JsonObject> resources, String patientId, Collection<String> only, String path,
            Set<Finding> out) throws RequestRejected {
        Map<String, JsonObject> medications = new HashMap<>();
        for (JsonObject r : resources) {
            String id = Json.lenientString(r, "id");
            if ("Medication".equals(Json.lenientString(r, "resourceType")) && id != null) {
                medications.put("Medication/" + id, r);
            }
        }
        for (int i = 0; i < resources.size(); i++) {
            JsonObject r = resources.get(i);
            String at = path + "[" + i + "]";
            if (!"MedicationRequest".equals(Json.string(r, "resourceType", at + ".resourceType"))
                    || !aboutPatient(r, patientId, at)) {
                continue;
            }
            String id = Json.string(r, "id", at + ".id");
            String reference = id != null && ID.matcher(id).matches() ? "MedicationRequest/" + id : null;
            if (only != null && (reference == null || !only.contains(reference))) {
                continue;
            }
            String status = Json.string(r, "status", at + ".status");
            if ("entered-in-error".equals(status) || "cancelled".equals(status)) {
                continue;
            }
            if (r.has("medicationCodeableConcept")) {
                codings(r.get("medicationCodeableConcept"), at + ".medicationCodeableConcept", reference, out);
            } else if (r.has("medicationReference")) {
                JsonObject ref = Json.object(r.get("medicationReference"), at + ".medicationReference");
                String target = Json.string(ref, "reference", at + ".medicationReference.reference");
                JsonObject medication = target == null ? null
                        : target.startsWith("#") ? contained(r, target.substring(1), at)
                        : medications.get(stripHistory(target));
                if (medication != null) {
                    codings(medication.get("code"), at + ".medicationReference (Medication.code)", reference, out);
                }
            }
        }
    }

    private static JsonObject contained(JsonObject r, String id, String at) throws RequestRejected {
        JsonArray contained = Json.optionalArray(r, "contained", at + ".contained");
        if (contained == null) {
            return null;
        }
        for (int i = 0; i < contained.size(); i++) {
            JsonObject o = Json.object(contained.get(i), at + ".contained[" + i + "]");
            if (id.equals(Json.lenientString(o, "id"))) {
                return o;
            }
        }
        return null;
    }

    /** Codings of a CodeableConcept; codings without a system or code cannot match and are skipped. */
    static void codings(JsonElement concept, String path, String order, Set<Finding> out) throws RequestRejected {
        if (concept == null || concept.isJsonNull()) {
            return;
        }
        JsonArray codings = Json.optionalArray(Json.object(concept, path), "coding", path + ".coding");
        if (codings == null) {
            return;
        }
        for (int i = 0; i < codings.size(); i++) {
            String at = path + ".coding[" + i + "]";
            JsonObject coding = Json.object(codings.get(i), at);
            String system = Json.string(coding, "system", at + ".system");
            String code = Json.string(coding, "code", at + ".code");
            if (system != null && code != null && !code.isBlank() && system.length() <= MAX_SYSTEM
                    && code.length() <= MAX_CODE) {
                out.add(new Finding(system.trim(), code.trim().toUpperCase(Locale.ROOT), order));
            }
        }
    }

    /**
     * False when the resource names another patient: cards must only ever follow from this patient's
     * chart. Resources without a reference, or with a Bundle-internal one, are taken as the patient's.
     */
    private static boolean aboutPatient(JsonObject r, String patientId, String at) throws RequestRejected {
        JsonObject subject = Json.optionalObject(r, "subject", at + ".subject");
        if (subject == null) {
            return true;
        }
        String reference = Json.string(subject, "reference", at + ".subject.reference");
        if (reference == null || reference.startsWith("urn:") || reference.startsWith("#")) {
            return true;
        }
        String ref = stripHistory(reference);
        return ref.equals("Patient/" + patientId) || ref.endsWith("/Patient/" + patientId);
    }

    private static String stripHistory(String reference) {
        int h = reference.indexOf("/_history/");
        return h < 0 ? reference : reference.substring(0, h);
    }

    private static boolean hasCode(JsonObject r, String field, Set<String> codes, String at) throws RequestRejected {
        Set<Finding> found = new LinkedHashSet<>();
        codings(r.get(field), at + "." + field, null, found);
        return found.stream().anyMatch(c -> codes.contains(c.code().toLowerCase(Locale.ROOT)));
    }
}
