package org.careleaf.catalog.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Consumer;
import java.util.stream.Stream;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import org.careleaf.model.BlockType;
import org.careleaf.model.CalloutLevel;
import org.careleaf.model.Category;
import org.careleaf.model.ModuleDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every validation rule, each with a malformed variant of the valid fixture. */
class ModuleValidationTest {

    @Test
    void validFixtureParsesIntoTheTypedModel() {
        DocumentParser.Result<ModuleDocument> r = DocumentParser.module(Fixtures.bytes("valid-module.json"));
        assertTrue(r.ok(), () -> r.findings().toString());
        ModuleDocument m = r.document();
        assertEquals("test-module", m.id());
        assertEquals(Category.OVERVIEW, m.category());
        assertEquals(BlockType.CALLOUT, m.sections().get(0).blocks().get(2).type());
        assertEquals(CalloutLevel.URGENT, m.sections().get(0).blocks().get(2).level());
        assertEquals(2, m.sections().get(0).blocks().get(1).items().size());
        assertTrue(m.hasCode("2.16.840.1.113883.6.90", "c61"));
        assertTrue(m.hasSubtopic("2.16.840.1.113883.6.177", "Q000628"));
        assertTrue(m.hasSubtopic(null, "q000628"));
    }

    @Test
    void syntaxErrorNamesLineAndColumn() {
        DocumentParser.Result<ModuleDocument> r = DocumentParser.module(Fixtures.bytes("syntax-error.json"));
        assertFalse(r.ok());
        Finding f = r.findings().get(0);
        assertEquals("line 4 column 4", f.path(), f.toString());
        assertTrue(f.message().startsWith("JSON syntax error"), f.toString());
    }

    @Test
    void oversizeFileIsRefusedBeforeParsing() {
        byte[] big = new byte[DocumentParser.MAX_BYTES + 1];
        java.util.Arrays.fill(big, (byte) ' ');
        DocumentParser.Result<ModuleDocument> r = DocumentParser.module(big);
        assertTrue(r.findings().get(0).message().contains("larger than"), r.findings().toString());
    }

    @Test
    void invalidUtf8IsRefused() {
        DocumentParser.Result<ModuleDocument> r = DocumentParser.module(new byte[] {'{', (byte) 0xC3, '}'});
        assertEquals("file is not valid UTF-8", r.findings().get(0).message());
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                rule("missing id", o -> o.remove("id"), "$.id", "required field is missing"),
                rule("mistyped order", o -> o.addProperty("order", "ten"), "$.order", "must be a whole number"),
                rule("mistyped sections", o -> o.addProperty("sections", "none"), "$.sections", "must be an array"),
                rule("bad id", o -> o.addProperty("id", "Test Module"), "$.id", "is not a valid id"),
                rule("bad version", o -> o.addProperty("version", "v1"), "$.version", "MAJOR.MINOR.PATCH"),
                rule("bad locale", o -> o.addProperty("locale", "english"), "$.locale", "language tag"),
                rule("unknown category", o -> o.addProperty("category", "misc"), "$.category", "is not one of"),
                rule("unknown audience", o -> o.getAsJsonArray("audience").add("everyone"), "$.audience[2]",
                        "is not one of"),
                rule("unknown field", o -> o.addProperty("colour", "red"), "$.colour", "unknown field"),
                rule("schema version", o -> o.addProperty("schemaVersion", 3), "$.schemaVersion", "not supported"),
                rule("unknown block type", o -> block(o, 0).addProperty("type", "video"),
                        "$.sections[0].blocks[0].type", "unknown block type 'video'"),
                rule("duplicate block id", o -> block(o, 1).addProperty("id", "first-p1"),
                        "$.sections[0].blocks[1].id", "duplicate id 'first-p1'"),
                rule("block id equals section id", o -> block(o, 0).addProperty("id", "first"),
                        "$.sections[0].blocks[0].id", "duplicate id"),
                rule("empty text", o -> block(o, 0).addProperty("text", "  "), "$.sections[0].blocks[0].text",
                        "text is empty"),
                rule("raw html", o -> block(o, 0).addProperty("text", "Click <a href=x>here</a>"),
                        "$.sections[0].blocks[0].text", "HTML-like markup"),
                rule("html entity", o -> block(o, 0).addProperty("text", "Fish &amp; chips"),
                        "$.sections[0].blocks[0].text", "HTML-like markup"),
                rule("line break", o -> block(o, 0).addProperty("text", "one\ntwo"), "$.sections[0].blocks[0].text",
                        "line break"),
                rule("unbalanced bold", o -> block(o, 0).addProperty("text", "a **bold word"),
                        "$.sections[0].blocks[0].text", "unbalanced"),
                rule("too long text", o -> block(o, 0).addProperty("text", "word ".repeat(1000)),
                        "$.sections[0].blocks[0].text", "at most 4000"),
                rule("empty list", o -> block(o, 1).add("items", new JsonArray()), "$.sections[0].blocks[1].items",
                        "must not be empty"),
                rule("list item not text", o -> block(o, 1).getAsJsonArray("items").add(3),
                        "$.sections[0].blocks[1].items[2]", "must be a string"),
                rule("callout without level", o -> block(o, 2).remove("level"), "$.sections[0].blocks[2].level",
                        "required field is missing"),
                rule("callout without content", o -> block(o, 2).remove("items"), "$.sections[0].blocks[2]",
                        "needs text, items or both"),
                rule("glossary without term", o -> block(o, 4).remove("term"), "$.sections[0].blocks[4].term",
                        "required field is missing"),
                rule("paragraph with items", o -> block(o, 0).add("items", new JsonArray()),
                        "$.sections[0].blocks[0].items", "has no items"),
                rule("bad url", o -> source(o).addProperty("url", "ftp://example.org/x"), "$.sources[0].url",
                        "is not an https URL"),
                rule("url without host", o -> source(o).addProperty("url", "https:///x"), "$.sources[0].url",
                        "is not an https URL"),
                rule("bad accessed date", o -> source(o).addProperty("accessed", "yesterday"),
                        "$.sources[0].accessed", "YYYY-MM-DD"),
                rule("no sources", o -> o.add("sources", new JsonArray()), "$.sources", "must not be empty"),
                rule("bad code system", o -> code(o).addProperty("system", "ICD10"), "$.codes[0].system",
                        "not a known code system"),
                rule("code system as a URI", o -> code(o).addProperty("system", "http://snomed.info/sct"),
                        "$.codes[0].system", "write the code system as its HL7 OID 2.16.840.1.113883.6.96"),
                rule("text changed after review", o -> {
                    review(o).addProperty("status", "clinically-reviewed");
                    review(o).addProperty("reviewer", "A. Nurse, RN, oncology");
                    review(o).addProperty("reviewedOn", "2026-10-01");
                }, "$.review.writtenOn", "changed after its clinical review"),
                rule("subtopic without code", o -> o.getAsJsonArray("subtopics").get(0).getAsJsonObject().remove("code"),
                        "$.subtopics[0].code", "required field is missing"),
                rule("bad code", o -> code(o).addProperty("code", "C 61"), "$.codes[0].code", "is not a code"),
                rule("duplicate code", o -> o.getAsJsonArray("codes").add(code(o).deepCopy()), "$.codes[1]",
                        "listed twice"),
                rule("invented reviewer", o -> review(o).addProperty("reviewer", "Dr Nobody"), "$.review",
                        "reviewer and reviewedOn must be null"),
                rule("reviewed without reviewer", o -> review(o).addProperty("status", "clinically-reviewed"),
                        "$.review.reviewer", "must name its reviewer"),
                rule("review due before written", o -> review(o).addProperty("nextReviewDue", "2020-01-01"),
                        "$.review.nextReviewDue", "must be after writtenOn"),
                rule("unknown review status", o -> review(o).addProperty("status", "approved"), "$.review.status",
                        "is not one of"),
                rule("null title", o -> o.add("title", JsonNull.INSTANCE), "$.title", "required field is missing"),
                rule("number as title", o -> o.add("title", new JsonPrimitive(7)), "$.title", "must be a string"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void malformedVariantIsRefusedWithPathAndReason(String rule, Consumer<JsonObject> breakIt, String path,
            String message) {
        JsonObject o = Fixtures.json("valid-module.json");
        breakIt.accept(o);
        DocumentParser.Result<ModuleDocument> r = DocumentParser.module(Fixtures.toBytes(o));
        assertFalse(r.ok(), rule + " was accepted");
        assertTrue(r.findings().stream().anyMatch(f -> f.path().equals(path) && f.message().contains(message)),
                () -> rule + ": expected " + path + " '" + message + "' in " + r.findings());
    }

    private static Arguments rule(String name, Consumer<JsonObject> breakIt, String path, String message) {
        return Arguments.of(name, breakIt, path, message);
    }

    private static JsonObject block(JsonObject o, int i) {
        return o.getAsJsonArray("sections").get(0).getAsJsonObject().getAsJsonArray("blocks").get(i).getAsJsonObject();
    }

    private static JsonObject source(JsonObject o) {
        return o.getAsJsonArray("sources").get(0).getAsJsonObject();
    }

    private static JsonObject code(JsonObject o) {
        return o.getAsJsonArray("codes").get(0).getAsJsonObject();
    }

    private static JsonObject review(JsonObject o) {
        return o.getAsJsonObject("review");
    }
}
