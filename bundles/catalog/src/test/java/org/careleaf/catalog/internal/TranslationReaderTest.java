package org.careleaf.catalog.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

import org.junit.jupiter.api.Test;

import org.careleaf.model.TranslationDocument;

/**
 * The one-pass reader against the tree and its checks: every shipped translation is read in one pass into
 * the document the tree gives, and for every kind of fault the public answer (document or findings) is
 * exactly the tree's.
 */
class TranslationReaderTest {

    private static final Path L10N = Path.of("..", "l10n");

    @Test
    void everyShippedTranslationIsReadInOnePassIntoTheTreesDocument() throws IOException {
        List<Path> files = shipped();
        assertTrue(files.size() >= 9 * 15, "the shipped translations were found: " + files.size());
        for (Path f : files) {
            byte[] bytes = Files.readAllBytes(f);
            DocumentParser.Result<TranslationDocument> tree = DocumentParser.translationByTree(bytes);
            assertTrue(tree.ok(), f + ": " + tree.findings());
            TranslationDocument onePass = TranslationReader.read(new StringReader(new String(bytes, StandardCharsets.UTF_8)));
            assertNotNull(onePass, f + " is plain and valid, so it is read in one pass");
            assertEquals(tree.document(), onePass, f.toString());
            assertEquals(tree.document(), DocumentParser.translation(bytes).document(), f.toString());
        }
    }

    @Test
    void everyFaultGetsTheTreesFindings() throws IOException {
        Map<String, Consumer<JsonObject>> faults = new LinkedHashMap<>();
        for (String field : List.of("schemaVersion", "module", "locale", "translatedFrom", "status", "note", "title",
                "summary", "sections", "blocks")) {
            faults.put("no " + field, o -> o.remove(field));
            faults.put(field + " null", o -> o.add(field, JsonNull.INSTANCE));
            faults.put(field + " a number", o -> o.addProperty(field, 7));
            faults.put(field + " an array", o -> o.add(field, new JsonArray()));
        }
        faults.put("schema 2", o -> o.addProperty("schemaVersion", 2));
        faults.put("schema as a string", o -> o.addProperty("schemaVersion", "1"));
        faults.put("unknown field", o -> o.addProperty("reviewer", "someone"));
        faults.put("module not an id", o -> o.addProperty("module", "MPC Overview"));
        faults.put("locale en", o -> o.addProperty("locale", "en"));
        faults.put("locale not a tag", o -> o.addProperty("locale", "spanish!"));
        faults.put("translatedFrom not a version", o -> o.addProperty("translatedFrom", "2.0"));
        faults.put("status missing-word", o -> o.addProperty("status", "missing"));
        faults.put("note blank", o -> o.addProperty("note", " "));
        faults.put("note with markup", o -> o.addProperty("note", "see <b>this</b>"));
        faults.put("title without source", o -> o.getAsJsonObject("title").remove("source"));
        faults.put("title without text", o -> o.getAsJsonObject("title").remove("text"));
        faults.put("title with an unknown field", o -> o.getAsJsonObject("title").addProperty("alt", "x"));
        faults.put("summary source not a hash", o -> o.getAsJsonObject("summary").addProperty("source", "ABCDEF0123456789"));
        faults.put("summary text with a control character", o -> o.getAsJsonObject("summary").addProperty("text", "a\tb"));
        faults.put("section key not an id", o -> o.getAsJsonObject("sections").add("Key Points",
                o.getAsJsonObject("sections").get("key-points")));
        faults.put("section entry a string", o -> o.getAsJsonObject("sections").addProperty("key-points", "x"));
        faults.put("section text untranslated", o -> firstSection(o).addProperty("text", JsonChecks.UNTRANSLATED + " Key points"));
        faults.put("block key not an id", o -> o.getAsJsonObject("blocks").add("-bad", firstBlock(o)));
        faults.put("block with only its source", o -> {
            JsonObject b = new JsonObject();
            b.addProperty("source", firstBlock(o).get("source").getAsString());
            o.getAsJsonObject("blocks").add("key-points-l1", b);
        });
        faults.put("block with empty items only", o -> {
            JsonObject b = new JsonObject();
            b.addProperty("source", firstBlock(o).get("source").getAsString());
            b.add("items", new JsonArray());
            o.getAsJsonObject("blocks").add("key-points-l1", b);
        });
        faults.put("block item a number", o -> firstBlock(o).getAsJsonArray("items").add(3));
        faults.put("block item unbalanced bold", o -> firstBlock(o).getAsJsonArray("items").add("**half"));
        faults.put("block text too long", o -> firstBlock(o).addProperty("text", "a".repeat(JsonChecks.MAX_TEXT + 1)));
        faults.put("block with an unknown field", o -> firstBlock(o).addProperty("level", "info"));
        faults.put("block source a number", o -> firstBlock(o).addProperty("source", 12));
        faults.put("block an array", o -> o.getAsJsonObject("blocks").add("key-points-l1", new JsonArray()));

        JsonObject good = spanishOverview();
        int refused = 0;
        for (Map.Entry<String, Consumer<JsonObject>> fault : faults.entrySet()) {
            JsonObject o = good.deepCopy();
            fault.getValue().accept(o);
            byte[] bytes = o.toString().getBytes(StandardCharsets.UTF_8);
            DocumentParser.Result<TranslationDocument> tree = DocumentParser.translationByTree(bytes);
            assertFalse(tree.ok(), fault.getKey() + " is a fault the tree refuses");
            assertEquals(tree, DocumentParser.translation(bytes), fault.getKey());
            refused++;
        }
        for (String text : brokenTexts(good.toString())) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            DocumentParser.Result<TranslationDocument> tree = DocumentParser.translationByTree(bytes);
            assertFalse(tree.ok(), text.substring(0, Math.min(80, text.length())));
            assertEquals(tree, DocumentParser.translation(bytes));
            refused++;
        }
        assertEquals(faults.size() + 4, refused);
    }

    @Test
    void validButNotPlainIsLeftToTheTree() {
        JsonObject o = spanishOverview();
        // the tree takes 1.0 as schema version 1 and a null optional field as absent; the one pass does neither
        o.add("schemaVersion", new JsonPrimitive(new java.math.BigDecimal("1.0")));
        firstBlock(o).add("alt", JsonNull.INSTANCE);
        byte[] bytes = o.toString().getBytes(StandardCharsets.UTF_8);
        assertNull(TranslationReader.read(new StringReader(o.toString())));
        DocumentParser.Result<TranslationDocument> r = DocumentParser.translation(bytes);
        assertTrue(r.ok(), r.findings().toString());
        assertEquals(DocumentParser.translationByTree(bytes), r);
    }

    /** Text-level faults a tree cannot hold: a key twice, content after the document, syntax, a BOM-free cut. */
    private static List<String> brokenTexts(String good) {
        List<String> out = new ArrayList<>();
        out.add(good.replaceFirst("\\{", "{\"module\":\"mpc-overview\","));
        out.add(good + " {}");
        out.add(good.replaceFirst(",", ",,"));
        out.add(good.substring(0, good.length() / 2));
        return out;
    }

    private static JsonObject firstBlock(JsonObject o) {
        return o.getAsJsonObject("blocks").getAsJsonObject("key-points-l1");
    }

    private static JsonObject firstSection(JsonObject o) {
        return o.getAsJsonObject("sections").getAsJsonObject("key-points");
    }

    private static JsonObject spanishOverview() {
        try {
            return JsonParser.parseString(Files.readString(L10N.resolve("es/src/main/resources/l10n/mpc-overview.es.json")))
                    .getAsJsonObject();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<Path> shipped() throws IOException {
        try (Stream<Path> s = Files.walk(L10N)) {
            return s.filter(p -> p.getParent().endsWith(Path.of("src", "main", "resources", "l10n")))
                    .filter(p -> p.getFileName().toString().endsWith(".json") && !p.getFileName().toString().startsWith("ui."))
                    .sorted().toList();
        }
    }
}
