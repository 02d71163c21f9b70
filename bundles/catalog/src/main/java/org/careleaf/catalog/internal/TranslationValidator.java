package org.careleaf.catalog.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import org.careleaf.model.Identifiers;
import org.careleaf.model.TranslationDocument;
import org.careleaf.model.TranslationStatus;

/**
 * Checks a translation document on its own. Whether its ids exist in the module, and whether it is
 * current, is decided against the module itself when both are present (see {@link Localizer}).
 */
final class TranslationValidator extends JsonChecks {

    /** The statuses a translation may declare, by their JSON names (also read by {@link TranslationReader}). */
    static final Map<String, TranslationStatus> STATUSES = Map.of(
            Json.enumName(TranslationStatus.MACHINE_ASSISTED), TranslationStatus.MACHINE_ASSISTED,
            Json.enumName(TranslationStatus.REVIEWED), TranslationStatus.REVIEWED);
    // made once: sets built per entry were a tenth of validating a translation
    private static final Set<String> ENTRY_FIELDS = Set.of("source", "text");
    private static final Set<String> BLOCK_FIELDS = Set.of("source", "title", "text", "term", "items", "alt");
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
        oneOf(root, p, "status", true, STATUSES.keySet());
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
        if (!Identifiers.isId(key)) {
            fail(path, "'" + key + "' is not a valid section or block id");
        }
    }

    /** The source hash an entry was translated from: 16 lower-case hex digits. */
    private void sourceHash(JsonObject o, String p) {
        String s = string(o, p, "source", true);
        if (s != null && !isHash(s)) {
            fail(p + ".source", "'" + s + "' is not a source hash (16 lower-case hex digits)");
        }
    }

    static boolean isHash(String s) {
        if (s.length() != 16) {
            return false;
        }
        for (int i = 0; i < 16; i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
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
        onlyKnown(o, p, ENTRY_FIELDS);
        sourceHash(o, p);
        text(o, p, "text", true);
    }

    private void block(JsonObject o, String p) {
        if (o == null) {
            return;
        }
        onlyKnown(o, p, BLOCK_FIELDS);
        sourceHash(o, p);
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
