package org.careleaf.catalog.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import org.careleaf.model.CodeSystems;
import org.careleaf.model.Identifiers;
import org.careleaf.model.ModuleDocument;
import org.careleaf.model.ReviewStatus;

/** Checks a module document (schema version 1) field by field; see docs/content-authoring.md. */
final class ModuleValidator extends JsonChecks {

    private static final Set<String> TOP = Set.of("schemaVersion", "id", "version", "locale", "pack", "title", "summary",
            "category", "order", "audience", "codes", "subtopics", "keyPoints", "review", "sources", "sections");
    private static final Set<String> CATEGORIES = Set.of("overview", "treatment", "support");
    private static final Set<String> AUDIENCES = Set.of("patient", "caregiver", "clinician");
    private static final Set<String> BLOCK_TYPES = Set.of("paragraph", "list", "callout", "question", "glossary", "figure");
    // the fields each object may have, made once: sets built per block were a tenth of validating a module
    private static final Set<String> SECTION_FIELDS = Set.of("id", "title", "blocks");
    private static final Set<String> CODE_FIELDS = Set.of("system", "code", "display");
    private static final Set<String> REVIEW_FIELDS = Set.of("status", "writtenOn", "reviewedOn", "reviewer", "nextReviewDue",
            "note");
    private static final Set<String> SOURCE_FIELDS_V1 = Set.of("title", "publisher", "url", "accessed");
    private static final Set<String> SOURCE_FIELDS = Set.of("title", "publisher", "url", "published", "accessed");
    private static final Set<String> BLOCK_FIELDS = Set.of("id", "type", "level", "title", "text", "term", "items", "src",
            "alt");
    private static final Set<String> LEVELS = Set.of("urgent", "important", "info");
    private static final String NOT_REVIEWED = Json.enumName(ReviewStatus.NOT_CLINICALLY_REVIEWED);
    private static final String REVIEWED = Json.enumName(ReviewStatus.CLINICALLY_REVIEWED);
    private static final Set<String> REVIEW_STATUS = Set.of(NOT_REVIEWED, REVIEWED);
    /** A figure file: lower-case words, optionally in folders, ending in .svg; never leaving the content folder. */
    static final Pattern FIGURE_SRC = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*(/[a-z0-9]+(-[a-z0-9]+)*)*\\.svg");
    /** A publisher's date: year, year and month, or a full date. */
    private static final Pattern PUBLISHED = Pattern.compile("\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?)?");
    /** Far beyond any real module; a document past them is refused before it can cost memory or time. */
    static final int MAX_SECTIONS = 60;
    static final int MAX_BLOCKS = 1500;
    static final int MAX_ITEMS = 60;
    static final int MAX_CODES = 200;
    static final int MAX_SOURCES = 100;
    static final int KEY_POINTS_MIN = 5;
    static final int KEY_POINTS_MAX = 8;

    private final Set<String> ids = new HashSet<>();
    private int blockCount;

    /** The findings for one parsed document; empty when it is valid. */
    static List<Finding> validate(JsonObject root) {
        ModuleValidator v = new ModuleValidator();
        v.check(root);
        return v.findings;
    }

    private void check(JsonObject root) {
        String p = "$";
        onlyKnown(root, p, TOP);
        Integer schema = integer(root, p, "schemaVersion", true);
        if (schema != null && schema != 1 && schema != ModuleDocument.SCHEMA_VERSION) {
            fail("$.schemaVersion", "schema version " + schema + " is not supported; this catalog reads versions 1 and "
                    + ModuleDocument.SCHEMA_VERSION);
            return;
        }
        boolean v1 = schema != null && schema == 1;
        id(root, p, "id");
        pattern(root, p, "version", true, VERSION, "a version of the form MAJOR.MINOR.PATCH, e.g. 1.0.0");
        pattern(root, p, "locale", true, LANGUAGE_TAG, "a language tag such as en, es or pt-BR");
        id(root, p, "pack");
        text(root, p, "title", true);
        text(root, p, "summary", true);
        oneOf(root, p, "category", true, CATEGORIES);
        integer(root, p, "order", true);
        JsonArray audience = array(root, p, "audience", true, true);
        if (audience != null) {
            for (int i = 0; i < audience.size(); i++) {
                String ap = "$.audience[" + i + "]";
                if (!audience.get(i).isJsonPrimitive() || !AUDIENCES.contains(audience.get(i).getAsString())) {
                    fail(ap, audience.get(i) + " is not one of caregiver, clinician, patient");
                }
            }
        }
        codes("$.codes", limited(array(root, p, "codes", true, true), "$.codes", MAX_CODES));
        codes("$.subtopics", limited(array(root, p, "subtopics", false, false), "$.subtopics", MAX_CODES));
        if (v1) {
            if (root.has("keyPoints")) {
                fail("$.keyPoints", "key points need schema version " + ModuleDocument.SCHEMA_VERSION);
            }
        } else {
            keyPoints(object(root, p, "keyPoints", true));
        }
        review(object(root, p, "review", true));
        sources(limited(array(root, p, "sources", true, true), "$.sources", MAX_SOURCES), v1);
        sections(limited(array(root, p, "sections", true, true), "$.sections", MAX_SECTIONS), v1);
    }

    /** The array, or null (with a finding) when it holds more elements than any real module needs. */
    private JsonArray limited(JsonArray a, String path, int max) {
        if (a != null && a.size() > max) {
            fail(path, "has " + a.size() + " entries; at most " + max + " are allowed");
            return null;
        }
        return a;
    }

    /**
     * The easy-to-read tier: a titled section holding one list of {@value #KEY_POINTS_MIN} to
     * {@value #KEY_POINTS_MAX} points, optionally followed by callouts (when to call).
     */
    private void keyPoints(JsonObject k) {
        if (k == null) {
            return;
        }
        String p = "$.keyPoints";
        onlyKnown(k, p, SECTION_FIELDS);
        uniqueId(k, p);
        text(k, p, "title", true);
        JsonArray blocks = array(k, p, "blocks", true, true);
        if (blocks == null) {
            return;
        }
        for (int j = 0; j < blocks.size(); j++) {
            String bp = p + ".blocks[" + j + "]";
            JsonObject b = element(blocks, j, p + ".blocks");
            if (b == null) {
                continue;
            }
            block(b, bp, false);
            String type = b.has("type") && b.get("type").isJsonPrimitive() ? b.get("type").getAsString() : "";
            if (j == 0) {
                if (!type.equals("list")) {
                    fail(bp + ".type", "the key points open with a list block of the points");
                } else {
                    JsonArray items = b.has("items") && b.get("items").isJsonArray() ? b.getAsJsonArray("items") : null;
                    int n = items == null ? 0 : items.size();
                    if (n < KEY_POINTS_MIN || n > KEY_POINTS_MAX) {
                        fail(bp + ".items", "the key points are " + KEY_POINTS_MIN + " to " + KEY_POINTS_MAX
                                + " short points; found " + n);
                    }
                }
            } else if (!type.equals("callout")) {
                fail(bp + ".type", "after the list of points, the key points hold only callouts (when to call)");
            }
        }
    }

    private void codes(String path, JsonArray codes) {
        if (codes == null) {
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < codes.size(); i++) {
            String p = path + "[" + i + "]";
            JsonObject c = element(codes, i, path);
            if (c == null) {
                continue;
            }
            onlyKnown(c, p, CODE_FIELDS);
            String system = string(c, p, "system", true);
            if (system != null && !CodeSystems.isOid(system)) {
                fail(p + ".system", CodeSystems.oid(system)
                        .map(oid -> "write the code system as its HL7 OID " + oid + ", not '" + system + "'")
                        .orElse("'" + system + "' is not a known code system; use an HL7 OID such as "
                                + CodeSystems.ICD10CM + " (ICD-10-CM), " + CodeSystems.SNOMED_CT + " (SNOMED CT) or "
                                + CodeSystems.ATC + " (ATC)"));
            }
            String code = pattern(c, p, "code", true, Identifiers.CODE, "a code (letters, digits, dots and hyphens)");
            text(c, p, "display", true);
            if (system != null && code != null && !seen.add(system + "|" + lower(code))) {
                fail(p, "code " + code + " of system " + system + " is listed twice");
            }
        }
    }

    private void review(JsonObject r) {
        if (r == null) {
            return;
        }
        String p = "$.review";
        onlyKnown(r, p, REVIEW_FIELDS);
        String status = oneOf(r, p, "status", true, REVIEW_STATUS);
        var written = date(r, p, "writtenOn", true);
        var reviewed = date(r, p, "reviewedOn", false);
        var due = date(r, p, "nextReviewDue", true);
        String reviewer = string(r, p, "reviewer", false);
        text(r, p, "note", true);
        if (NOT_REVIEWED.equals(status) && (reviewer != null || reviewed != null)) {
            fail(p, "status is not-clinically-reviewed, so reviewer and reviewedOn must be null");
        }
        if (REVIEWED.equals(status)) {
            if (reviewer == null || reviewer.isBlank()) {
                fail(p + ".reviewer", "clinically reviewed content must name its reviewer");
            }
            if (reviewed == null) {
                fail(p + ".reviewedOn", "clinically reviewed content must give the review date");
            } else if (written != null && written.isAfter(reviewed)) {
                fail(p + ".writtenOn", "the text changed after its clinical review (" + reviewed + "); have it "
                        + "reviewed again, or set the status to not-clinically-reviewed");
            }
        }
        if (written != null && due != null && !due.isAfter(written)) {
            fail(p + ".nextReviewDue", "must be after writtenOn");
        }
        if (reviewed != null && due != null && !due.isAfter(reviewed)) {
            fail(p + ".nextReviewDue", "must be after reviewedOn");
        }
    }

    private void sources(JsonArray sources, boolean v1) {
        if (sources == null) {
            return;
        }
        for (int i = 0; i < sources.size(); i++) {
            String p = "$.sources[" + i + "]";
            JsonObject s = element(sources, i, "$.sources");
            if (s == null) {
                continue;
            }
            onlyKnown(s, p, v1 ? SOURCE_FIELDS_V1 : SOURCE_FIELDS);
            text(s, p, "title", true);
            text(s, p, "publisher", true);
            httpsUrl(s, p, "url");
            pattern(s, p, "published", false, PUBLISHED, "a date the publisher gives: YYYY, YYYY-MM or YYYY-MM-DD");
            date(s, p, "accessed", true);
        }
    }

    private void sections(JsonArray sections, boolean v1) {
        if (sections == null) {
            return;
        }
        for (int i = 0; i < sections.size(); i++) {
            String p = "$.sections[" + i + "]";
            JsonObject s = element(sections, i, "$.sections");
            if (s == null) {
                continue;
            }
            onlyKnown(s, p, SECTION_FIELDS);
            uniqueId(s, p);
            text(s, p, "title", true);
            JsonArray blocks = array(s, p, "blocks", true, true);
            if (blocks == null) {
                continue;
            }
            blockCount += blocks.size();
            if (blockCount > MAX_BLOCKS) {
                fail(p + ".blocks", "the module has more than " + MAX_BLOCKS + " blocks; split it into several modules");
                return;
            }
            for (int j = 0; j < blocks.size(); j++) {
                JsonObject b = element(blocks, j, p + ".blocks");
                if (b != null) {
                    block(b, p + ".blocks[" + j + "]", v1);
                }
            }
        }
    }

    private void uniqueId(JsonObject o, String p) {
        String id = id(o, p, "id");
        if (id != null && !ids.add(id)) {
            fail(p + ".id", "duplicate id '" + id + "': section and block ids must be unique in the module");
        }
    }

    private void block(JsonObject b, String p, boolean v1) {
        onlyKnown(b, p, BLOCK_FIELDS);
        uniqueId(b, p);
        String type = string(b, p, "type", true);
        if (type == null) {
            return;
        }
        if (!BLOCK_TYPES.contains(type) || v1 && type.equals("figure")) {
            fail(p + ".type", "unknown block type '" + type + "'; use one of callout, glossary, list, paragraph, question"
                    + (v1 ? " (figures need schema version " + ModuleDocument.SCHEMA_VERSION + ")" : ", figure"));
            return;
        }
        switch (type) {
            case "paragraph", "question" -> {
                text(b, p, "text", true);
                absent(b, p, type, "level", "title", "term", "items", "src", "alt");
            }
            case "glossary" -> {
                text(b, p, "term", true);
                text(b, p, "text", true);
                absent(b, p, type, "level", "title", "items", "src", "alt");
            }
            case "list" -> {
                text(b, p, "text", false);
                items(b, p, true);
                absent(b, p, type, "level", "title", "term", "src", "alt");
            }
            case "figure" -> {
                pattern(b, p, "src", true, FIGURE_SRC, "an .svg file in the content folder, such as figures/spread.svg");
                text(b, p, "alt", true);
                text(b, p, "text", true);
                text(b, p, "title", false);
                absent(b, p, type, "level", "term", "items");
            }
            default -> { // callout
                oneOf(b, p, "level", true, LEVELS);
                text(b, p, "title", false);
                String text = text(b, p, "text", false);
                boolean hasItems = items(b, p, false);
                if (text == null && !hasItems) {
                    fail(p, "a callout needs text, items or both");
                }
                absent(b, p, type, "term", "src", "alt");
            }
        }
    }

    private boolean items(JsonObject b, String p, boolean required) {
        JsonArray items = limited(array(b, p, "items", required, required), p + ".items", MAX_ITEMS);
        if (items == null) {
            return false;
        }
        for (int i = 0; i < items.size(); i++) {
            String ip = p + ".items[" + i + "]";
            if (!items.get(i).isJsonPrimitive() || !items.get(i).getAsJsonPrimitive().isString()) {
                fail(ip, "must be a string, found " + kind(items.get(i)));
            } else {
                checkText(ip, items.get(i).getAsString());
            }
        }
        return !items.isEmpty();
    }

    private void absent(JsonObject b, String p, String type, String... names) {
        for (String n : names) {
            if (b.has(n) && !b.get(n).isJsonNull()) {
                fail(p + "." + n, "a " + type + " block has no " + n);
            }
        }
    }
}
