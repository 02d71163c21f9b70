package org.careleaf.web.internal;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;

import org.careleaf.model.CatalogView;
import org.careleaf.model.Code;
import org.careleaf.model.ModuleView;

/**
 * The CDS Hooks service {@code careleaf-patient-education} on the {@code patient-view} hook: the
 * discovery document, the reading of a hook request (FHIR R4 Conditions and MedicationRequests from
 * prefetch) and the cards, one per matching module.
 */
final class CdsHooksService {

    static final String ID = "careleaf-patient-education";
    static final String HOOK = "patient-view";
    static final String SOURCE_LABEL = "Careleaf patient education";
    static final String LINK_LABEL = "Open for the patient";
    static final int MAX_BODY = 1 << 20;
    static final int MAX_CARDS = 10;
    /** Distinct codings looked up per request; a real chart stays far below it. */
    static final int MAX_CODINGS = 1000;
    /** CDS Hooks: a service that cannot get the data it needs answers 412 Precondition Failed. */
    static final int NO_PREFETCH = 412;
    private static final int MAX_SUMMARY = 139;
    private static final int MAX_TEXT = 256;

    /** A code from the chart: a FHIR system URI (or OID) and a code. */
    record Coding(String system, String code) {
    }

    /** A hook call, read: the codes of the patient's conditions, then of their medications. */
    record HookRequest(String hookInstance, String patientId, List<Coding> codings) {
    }

    private CdsHooksService() {
    }

    static JsonObject discovery() {
        JsonObject prefetch = new JsonObject();
        prefetch.addProperty("conditions", "Condition?patient={{context.patientId}}");
        prefetch.addProperty("medications", "MedicationRequest?patient={{context.patientId}}&status=active");
        JsonObject service = new JsonObject();
        service.addProperty("hook", HOOK);
        service.addProperty("id", ID);
        service.addProperty("title", SOURCE_LABEL);
        service.addProperty("description", "Suggests Careleaf patient-education modules that match the patient's"
                + " conditions and active medications (ICD-10-CM, ICD-10, SNOMED CT, ATC or RxNorm codes), in the"
                + " language of the request's Accept-Language. Needs the 'conditions' prefetch; Careleaf does not"
                + " query FHIR servers itself.");
        service.add("prefetch", prefetch);
        JsonArray services = new JsonArray();
        services.add(service);
        JsonObject o = new JsonObject();
        o.add("services", services);
        return o;
    }

    // ---- reading the request

    static HookRequest parse(String body) throws RequestRejected {
        JsonObject root = object(json(body), "the request body");
        String hook = string(root, "hook", "hook");
        if (hook == null) {
            throw bad("missing-hook", "'hook' is required");
        }
        if (!HOOK.equals(hook)) {
            throw bad("wrong-hook", "this service answers the " + HOOK + " hook, not '"
                    + PlainText.truncate(hook, 64) + "'");
        }
        String hookInstance = string(root, "hookInstance", "hookInstance");
        if (hookInstance == null || hookInstance.isBlank()) {
            throw bad("missing-hook-instance", "'hookInstance' is required");
        }
        checkText(hookInstance, "hookInstance");
        JsonObject context = root.has("context") && !root.get("context").isJsonNull()
                ? object(root.get("context"), "context") : null;
        String patientId = context == null ? null : string(context, "patientId", "context.patientId");
        if (patientId == null || patientId.isBlank()) {
            throw bad("missing-patient", "'context.patientId' is required by the " + HOOK + " hook");
        }
        checkText(patientId, "context.patientId");

        JsonElement prefetchElement = root.get("prefetch");
        if (prefetchElement == null || prefetchElement.isJsonNull()
                || prefetchElement.isJsonObject() && !prefetchElement.getAsJsonObject().has("conditions")) {
            throw new RequestRejected(NO_PREFETCH, "missing-prefetch", "prefetch 'conditions' is required (the"
                    + " Condition search in the discovery document); Careleaf does not query FHIR servers itself");
        }
        JsonObject prefetch = object(prefetchElement, "prefetch");
        Set<Coding> codings = new LinkedHashSet<>();
        // null: the client has no conditions to give (CDS Hooks sends null rather than an empty Bundle)
        JsonElement conditions = prefetch.get("conditions");
        if (!conditions.isJsonNull()) {
            List<JsonObject> resources = resources(conditions, "prefetch.conditions");
            if (resources == null) {
                throw new RequestRejected(NO_PREFETCH, "missing-prefetch", "prefetch 'conditions' is an"
                        + " OperationOutcome: the client could not fetch the conditions Careleaf needs");
            }
            conditionCodings(resources, patientId, codings);
        }
        JsonElement medications = prefetch.get("medications");
        if (medications != null && !medications.isJsonNull()) {
            List<JsonObject> resources = resources(medications, "prefetch.medications");
            if (resources != null) { // medications are optional: a failed fetch only means fewer cards
                medicationCodings(resources, patientId, codings);
            }
        }
        if (codings.size() > MAX_CODINGS) {
            throw bad("too-many-codes", "at most " + MAX_CODINGS + " distinct codes are looked up per request");
        }
        return new HookRequest(hookInstance, patientId, List.copyOf(codings));
    }

    private static JsonElement json(String body) throws RequestRejected {
        if (body == null || body.isBlank()) {
            throw bad("bad-json", "the request body is empty; send the CDS Hooks request as JSON");
        }
        try {
            JsonReader reader = new JsonReader(new StringReader(body));
            reader.setStrictness(Strictness.STRICT);
            JsonElement e = JsonParser.parseReader(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw bad("bad-json", "the request body has data after the JSON object");
            }
            return e;
        } catch (IOException | RuntimeException e) {
            // Gson reports syntax, nesting depth and number errors as runtime exceptions
            throw bad("bad-json", "the request body is not valid JSON");
        }
    }

    /**
     * The resources of a prefetch value: a searchset Bundle (entries holding {@code resource}, or being
     * resources themselves) or a single resource; null for an OperationOutcome (the client's fetch failed).
     */
    private static List<JsonObject> resources(JsonElement value, String path) throws RequestRejected {
        JsonObject o = object(value, path);
        String type = string(o, "resourceType", path + ".resourceType");
        if (type == null) {
            throw malformed(path + " has no resourceType; send a FHIR Bundle");
        }
        if (type.equals("OperationOutcome")) {
            return null;
        }
        if (!type.equals("Bundle")) {
            return List.of(o);
        }
        List<JsonObject> out = new ArrayList<>();
        JsonElement entries = o.get("entry");
        if (entries == null || entries.isJsonNull()) {
            return out;
        }
        if (!entries.isJsonArray()) {
            throw malformed(path + ".entry must be an array");
        }
        JsonArray array = entries.getAsJsonArray();
        for (int i = 0; i < array.size(); i++) {
            String at = path + ".entry[" + i + "]";
            JsonObject entry = object(array.get(i), at);
            if (entry.has("resource")) {
                out.add(object(entry.get("resource"), at + ".resource"));
            } else if (entry.has("resourceType")) {
                out.add(entry);
            } else {
                throw malformed(at + " holds no resource");
            }
        }
        return out;
    }

    private static void conditionCodings(List<JsonObject> resources, String patientId, Set<Coding> out)
            throws RequestRejected {
        for (int i = 0; i < resources.size(); i++) {
            JsonObject r = resources.get(i);
            String at = "prefetch.conditions[" + i + "]";
            if (!"Condition".equals(string(r, "resourceType", at + ".resourceType"))
                    || !aboutPatient(r, "subject", patientId, at)
                    || hasCode(r, "verificationStatus", Set.of("refuted", "entered-in-error"), at)) {
                continue; // other resources, other patients, and conditions known not to be there
            }
            codings(r.get("code"), at + ".code", out);
        }
    }

    private static void medicationCodings(List<JsonObject> resources, String patientId, Set<Coding> out)
            throws RequestRejected {
        // MedicationRequest.medicationReference points at a Medication in the Bundle or contained in the request
        Map<String, JsonObject> medications = new HashMap<>();
        for (JsonObject r : resources) {
            if ("Medication".equals(string(r, "resourceType", "prefetch.medications.resourceType"))
                    && r.get("id") != null && r.get("id").isJsonPrimitive()) {
                medications.put("Medication/" + r.get("id").getAsString(), r);
            }
        }
        for (int i = 0; i < resources.size(); i++) {
            JsonObject r = resources.get(i);
            String at = "prefetch.medications[" + i + "]";
            if (!"MedicationRequest".equals(string(r, "resourceType", at + ".resourceType"))
                    || !aboutPatient(r, "subject", patientId, at)) {
                continue;
            }
            String status = string(r, "status", at + ".status");
            if ("entered-in-error".equals(status) || "cancelled".equals(status)) {
                continue;
            }
            if (r.has("medicationCodeableConcept")) {
                codings(r.get("medicationCodeableConcept"), at + ".medicationCodeableConcept", out);
            } else if (r.has("medicationReference")) {
                JsonObject ref = object(r.get("medicationReference"), at + ".medicationReference");
                String reference = string(ref, "reference", at + ".medicationReference.reference");
                JsonObject medication = reference == null ? null
                        : reference.startsWith("#") ? contained(r, reference.substring(1), at)
                        : medications.get(stripHistory(reference));
                if (medication != null) {
                    codings(medication.get("code"), at + ".medicationReference (Medication.code)", out);
                }
            }
        }
    }

    private static JsonObject contained(JsonObject r, String id, String at) throws RequestRejected {
        JsonElement contained = r.get("contained");
        if (contained == null || !contained.isJsonArray()) {
            return null;
        }
        for (JsonElement c : contained.getAsJsonArray()) {
            JsonObject o = object(c, at + ".contained[]");
            JsonElement cid = o.get("id");
            if (cid != null && cid.isJsonPrimitive() && id.equals(cid.getAsString())) {
                return o;
            }
        }
        return null;
    }

    /** Codings of a CodeableConcept; codings without a system or code cannot match and are skipped. */
    private static void codings(JsonElement concept, String path, Set<Coding> out) throws RequestRejected {
        if (concept == null || concept.isJsonNull()) {
            return;
        }
        JsonElement codings = object(concept, path).get("coding");
        if (codings == null || codings.isJsonNull()) {
            return;
        }
        if (!codings.isJsonArray()) {
            throw malformed(path + ".coding must be an array");
        }
        JsonArray array = codings.getAsJsonArray();
        for (int i = 0; i < array.size(); i++) {
            String at = path + ".coding[" + i + "]";
            JsonObject coding = object(array.get(i), at);
            String system = string(coding, "system", at + ".system");
            String code = string(coding, "code", at + ".code");
            if (system != null && code != null && !code.isBlank() && system.length() <= MAX_TEXT
                    && code.length() <= InfobuttonRequest.MAX_CODE) {
                out.add(new Coding(system.trim(), code.trim().toUpperCase(Locale.ROOT)));
            }
        }
    }

    /**
     * False when the resource names another patient: cards must only ever follow from this patient's
     * chart. Resources without a reference, or with a Bundle-internal one, are taken as the patient's.
     */
    private static boolean aboutPatient(JsonObject r, String field, String patientId, String at)
            throws RequestRejected {
        JsonElement subject = r.get(field);
        if (subject == null || subject.isJsonNull()) {
            return true;
        }
        String reference = string(object(subject, at + "." + field), "reference", at + "." + field + ".reference");
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
        JsonElement concept = r.get(field);
        if (concept == null || concept.isJsonNull()) {
            return false;
        }
        Set<Coding> found = new LinkedHashSet<>();
        codings(concept, at + "." + field, found);
        return found.stream().anyMatch(c -> codes.contains(c.code().toLowerCase(Locale.ROOT)));
    }

    private static JsonObject object(JsonElement e, String path) throws RequestRejected {
        if (e == null || !e.isJsonObject()) {
            throw path.startsWith("prefetch.") ? malformed(path + " must be a JSON object")
                    : bad("bad-request", path + " must be a JSON object");
        }
        return e.getAsJsonObject();
    }

    /** A string member, or null when absent or null; any other type is refused. */
    private static String string(JsonObject o, String name, String path) throws RequestRejected {
        JsonElement e = o.get(name);
        if (e == null || e.isJsonNull()) {
            return null;
        }
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            throw path.startsWith("prefetch.") ? malformed(path + " must be a string")
                    : bad("bad-request", "'" + path + "' must be a string");
        }
        return e.getAsString();
    }

    private static void checkText(String s, String name) throws RequestRejected {
        if (s.length() > MAX_TEXT || s.chars().anyMatch(Character::isISOControl)) {
            throw bad("bad-request", "'" + name + "' must be one line of at most " + MAX_TEXT + " characters");
        }
    }

    private static RequestRejected malformed(String message) {
        return bad("malformed-bundle", message);
    }

    private static RequestRejected bad(String code, String message) {
        return new RequestRejected(400, code, message);
    }

    // ---- the answer

    /**
     * The cards: the modules carrying any of the request's codes, in module order, at most
     * {@link #MAX_CARDS}, in {@code locale}; links are made absolute with {@code origin}.
     */
    static JsonObject cards(HookRequest request, CatalogView view, String origin) {
        String locale = view.locale();
        List<Code> codes = request.codings().stream().map(c -> new Code(c.system(), c.code(), null)).toList();
        List<ModuleView> views = view.modulesFor(codes, List.of()).modules();
        JsonArray cards = new JsonArray();
        for (ModuleView v : views.subList(0, Math.min(MAX_CARDS, views.size()))) {
            cards.add(card(request, v, locale, origin));
        }
        JsonObject o = new JsonObject();
        o.add("cards", cards);
        return o;
    }

    private static JsonObject card(HookRequest request, ModuleView v, String locale, String origin) {
        JsonObject card = new JsonObject();
        card.addProperty("uuid", UUID.nameUUIDFromBytes((ID + "\n" + request.hookInstance() + "\n" + v.id())
                .getBytes(StandardCharsets.UTF_8)).toString());
        card.addProperty("summary", PlainText.truncate(PlainText.of(v.content().title()), MAX_SUMMARY));
        String summary = PlainText.of(v.content().summary());
        if (summary != null && !summary.isBlank()) { // CDS Hooks: optional fields are omitted, never empty
            card.addProperty("detail", PlainText.markdown(summary));
        }
        card.addProperty("indicator", "info");
        JsonObject source = new JsonObject();
        source.addProperty("label", SOURCE_LABEL);
        source.addProperty("url", origin + ApiJson.BASE + "/?lang=" + locale);
        card.add("source", source);
        JsonObject link = new JsonObject();
        link.addProperty("label", LINK_LABEL);
        link.addProperty("url", origin + ApiJson.viewerUrl(v.id(), v.requested()));
        link.addProperty("type", "absolute");
        JsonArray links = new JsonArray();
        links.add(link);
        card.add("links", links);
        return card;
    }
}
