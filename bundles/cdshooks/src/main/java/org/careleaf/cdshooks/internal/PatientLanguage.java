package org.careleaf.cdshooks.internal;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import org.careleaf.model.Identifiers;

/**
 * The patient's preferred language from a FHIR R4 Patient ({@code communication} with {@code preferred}
 * true, else the first), as a BCP 47 tag. The patient prefetch is only a hint: a missing, failed or oddly
 * shaped one gives null, and the request's Accept-Language applies instead.
 */
final class PatientLanguage {

    private static final String BCP47 = "urn:ietf:bcp:47";

    private PatientLanguage() {
    }

    static String preferred(JsonElement patient, String patientId) {
        if (patient == null || !patient.isJsonObject()) {
            return null;
        }
        JsonObject p = patient.getAsJsonObject();
        String id = Json.lenientString(p, "id");
        if (!"Patient".equals(Json.lenientString(p, "resourceType")) || id != null && !id.equals(patientId)) {
            return null;
        }
        JsonElement communication = p.get("communication");
        if (communication == null || !communication.isJsonArray()) {
            return null;
        }
        String first = null;
        for (JsonElement c : communication.getAsJsonArray()) {
            if (!c.isJsonObject()) {
                continue;
            }
            String tag = tag(c.getAsJsonObject().get("language"));
            if (tag == null) {
                continue;
            }
            JsonElement preferred = c.getAsJsonObject().get("preferred");
            if (preferred != null && preferred.isJsonPrimitive() && preferred.getAsJsonPrimitive().isBoolean()
                    && preferred.getAsBoolean()) {
                return tag;
            }
            first = first == null ? tag : first;
        }
        return first;
    }

    private static String tag(JsonElement language) {
        if (language == null || !language.isJsonObject()) {
            return null;
        }
        JsonElement codings = language.getAsJsonObject().get("coding");
        if (codings == null || !codings.isJsonArray()) {
            return null;
        }
        for (JsonElement c : (JsonArray) codings) {
            if (!c.isJsonObject()) {
                continue;
            }
            String system = Json.lenientString(c.getAsJsonObject(), "system");
            String code = Json.lenientString(c.getAsJsonObject(), "code");
            if ((system == null || BCP47.equals(system)) && Identifiers.isLanguageTag(code)) {
                return code;
            }
        }
        return null;
    }
}
