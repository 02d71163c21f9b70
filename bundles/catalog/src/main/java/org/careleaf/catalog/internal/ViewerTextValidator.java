package org.careleaf.catalog.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import org.careleaf.model.TranslationStatus;

/** Checks a viewer strings document ({@code ui.<lang>.json}). */
final class ViewerTextValidator extends JsonChecks {

    private static final Pattern KEY = Pattern.compile("[a-z0-9]+([.-][a-z0-9]+)*");

    static List<Finding> validate(JsonObject root) {
        ViewerTextValidator v = new ViewerTextValidator();
        v.check(root);
        return v.findings;
    }

    private void check(JsonObject root) {
        String p = "$";
        onlyKnown(root, p, Set.of("schemaVersion", "locale", "status", "note", "strings"));
        Integer schema = integer(root, p, "schemaVersion", true);
        if (schema != null && schema != 1) {
            fail("$.schemaVersion", "schema version " + schema + " is not supported");
        }
        pattern(root, p, "locale", true, LANGUAGE_TAG, "a language tag such as es, de or pt-BR");
        oneOf(root, p, "status", true, Set.of(Json.enumName(TranslationStatus.MACHINE_ASSISTED),
                Json.enumName(TranslationStatus.REVIEWED), Json.enumName(TranslationStatus.SOURCE)));
        text(root, p, "note", true);
        JsonObject strings = object(root, p, "strings", true);
        if (strings == null) {
            return;
        }
        for (Map.Entry<String, JsonElement> e : strings.entrySet()) {
            String sp = "$.strings." + e.getKey();
            if (!KEY.matcher(e.getKey()).matches()) {
                fail(sp, "'" + e.getKey() + "' is not a valid key (lower-case words joined by dots or hyphens)");
            }
            if (!e.getValue().isJsonPrimitive() || !e.getValue().getAsJsonPrimitive().isString()) {
                fail(sp, "must be a string, found " + kind(e.getValue()));
            } else {
                checkText(sp, e.getValue().getAsString());
            }
        }
    }
}
