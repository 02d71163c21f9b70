package org.careleaf.catalog.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import org.careleaf.model.TranslationDocument;
import org.careleaf.model.TranslationStatus;

/**
 * Checks a translation document on its own. Whether its ids exist in the module, and whether it is
 * current, is decided against the module itself when both are present (see {@link Localizer}).
 */
final class TranslationValidator extends JsonChecks {

    static final Pattern HASH = Pattern.compile("[0-9a-f]{16}");
    private static final Set<String> TOP = Set.of("schemaVersion", "module", "locale", "translatedFrom", "status", "note",
            "title", "summary", "sections", "blocks");

    static List<Finding> validate(JsonObject root) {
        TranslationValidator v = new TranslationValidator();
        v.check(root);
        return v.findings;
    }

    private void check(JsonObject root) {
        String p = "$";
        onlyKnown(root, p, TOP);
        Integer schema = integer(root, p, "schemaVersion", true);
        if (schema != null && schema != TranslationDocument.SCHEMA_VERSION) {
            fail("$.schemaVersion", "schema version " + schema + " is not supported; this catalog reads version "
                    + TranslationDocument.SCHEMA_VERSION);
            return;
        }
        id(root, p, "module");
        String locale = pattern(root, p, "locale", true, LANGUAGE_TAG, "a language tag such as es, de or pt-BR");
        if ("en".equals(locale)) {
            fail("$.locale", "English is the source language; a translation into en is not allowed");
        }
        pattern(root, p, "translatedFrom", true, VERSION, "a module version such as 1.0.0");
        oneOf(root, p, "status", true, Set.of(Json.enumName(TranslationStatus.MACHINE_ASSISTED),
                Json.enumName(TranslationStatus.REVIEWED)));
        text(root, p, "note", true);
        entry(object(root, p, "title", true), "$.title");
        entry(object(root, p, "summary", true), "$.summary");
        JsonObject sections = object(root, p, "sections", true);
        if (sections != null) {
            for (Map.Entry<String, JsonElement> e : sections.entrySet()) {
                String sp = "$.sections." + e.getKey();
                checkKey(e.getKey(), sp);
                entry(asObject(e.getValue(), sp), sp);
            }
        }
        JsonObject blocks = object(root, p, "blocks", true);
        if (blocks != null) {
            for (Map.Entry<String, JsonElement> e : blocks.entrySet()) {
                String bp = "$.blocks." + e.getKey();
                checkKey(e.getKey(), bp);
                block(asObject(e.getValue(), bp), bp);
            }
        }
    }

    private void checkKey(String key, String path) {
        if (!ID.matcher(key).matches()) {
            fail(path, "'" + key + "' is not a valid section or block id");
        }
    }

    private JsonObject asObject(JsonElement e, String path) {
        if (!e.isJsonObject()) {
            fail(path, "must be an object, found " + kind(e));
            return null;
        }
        return e.getAsJsonObject();
    }

    private void entry(JsonObject o, String p) {
        if (o == null) {
            return;
        }
        onlyKnown(o, p, Set.of("source", "text"));
        pattern(o, p, "source", true, HASH, "a source hash (16 lower-case hex digits)");
        text(o, p, "text", true);
    }

    private void block(JsonObject o, String p) {
        if (o == null) {
            return;
        }
        onlyKnown(o, p, Set.of("source", "title", "text", "term", "items", "alt"));
        pattern(o, p, "source", true, HASH, "a source hash (16 lower-case hex digits)");
        String title = text(o, p, "title", false);
        String text = text(o, p, "text", false);
        String term = text(o, p, "term", false);
        String alt = text(o, p, "alt", false);
        JsonArray items = array(o, p, "items", false, false);
        if (items != null) {
            for (int i = 0; i < items.size(); i++) {
                String ip = p + ".items[" + i + "]";
                if (!items.get(i).isJsonPrimitive() || !items.get(i).getAsJsonPrimitive().isString()) {
                    fail(ip, "must be a string, found " + kind(items.get(i)));
                } else {
                    checkText(ip, items.get(i).getAsString());
                }
            }
        }
        if (title == null && text == null && term == null && alt == null && (items == null || items.isEmpty())) {
            fail(p, "a translated block needs at least one translated field");
        }
    }
}
