package org.careleaf.catalog.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import org.careleaf.model.BlockType;
import org.careleaf.model.ModuleDocument;
import org.junit.jupiter.api.Test;

/** Schema version 2 (key points, figures, publication dates) and the strict reading of JSON. */
class SchemaTwoTest {

    private static final DocumentParser.Files FIGURES = src -> src.equals("figures/body.svg")
            ? Fixtures.bytes("figures/body.svg") : null;

    private static DocumentParser.Result<DocumentParser.ModuleFile> read(JsonObject o) {
        return DocumentParser.moduleWithFigures("test-module.json", Fixtures.toBytes(o), FIGURES);
    }

    private static List<Finding> refusedWith(Consumer<JsonObject> change) {
        JsonObject o = Fixtures.json("valid-module-v2.json");
        change.accept(o);
        DocumentParser.Result<DocumentParser.ModuleFile> r = read(o);
        assertFalse(r.ok(), "should be refused");
        return r.findings();
    }

    private static void assertFinding(List<Finding> findings, String path, String words) {
        assertTrue(findings.stream().anyMatch(f -> f.path().equals(path) && f.message().contains(words)),
                () -> "expected " + path + " '" + words + "' in " + findings);
    }

    @Test
    void keyPointsFiguresAndDatesParse() {
        DocumentParser.Result<DocumentParser.ModuleFile> r = read(Fixtures.json("valid-module-v2.json"));
        assertTrue(r.ok(), () -> r.findings().toString());
        ModuleDocument m = r.document().document();
        assertEquals("key-points", m.keyPoints().id());
        assertEquals(5, m.keyPoints().blocks().get(0).items().size());
        assertEquals("key-points", m.parts().get(0).id());
        assertEquals(BlockType.FIGURE, m.sections().get(0).blocks().get(5).type());
        assertEquals("2025-06", m.sources().get(0).published());
        assertTrue(r.document().figures().get("figures/body.svg").startsWith("<svg"));
    }

    @Test
    void schemaTwoNeedsKeyPointsOfFiveToEightPoints() {
        assertFinding(refusedWith(o -> o.remove("keyPoints")), "$.keyPoints", "required field is missing");
        assertFinding(refusedWith(o -> points(o).remove(0)), "$.keyPoints.blocks[0].items", "5 to 8");
        assertFinding(refusedWith(o -> {
            for (int i = 0; i < 4; i++) {
                points(o).add("One more point.");
            }
        }), "$.keyPoints.blocks[0].items", "found 9");
        assertFinding(refusedWith(o -> o.getAsJsonObject("keyPoints").getAsJsonArray("blocks").get(0).getAsJsonObject()
                .addProperty("type", "paragraph")), "$.keyPoints.blocks[0].type", "open with a list");
    }

    @Test
    void keyPointIdsShareTheModulesIdSpace() {
        assertFinding(refusedWith(o -> o.getAsJsonObject("keyPoints").addProperty("id", "first")), "$.sections[0].id",
                "duplicate id");
    }

    @Test
    void schemaOneHasNoKeyPointsOrFigures() {
        List<Finding> f = refusedWith(o -> o.addProperty("schemaVersion", 1));
        assertFinding(f, "$.keyPoints", "schema version 2");
        assertFinding(f, "$.sections[0].blocks[5].type", "figures need schema version 2");
        assertFinding(f, "$.sources[0].published", "unknown field");
    }

    @Test
    void figureNeedsItsFileAltTextAndCaption() {
        assertFinding(refusedWith(o -> figure(o).remove("alt")), "$.sections[0].blocks[5].alt", "required");
        assertFinding(refusedWith(o -> figure(o).remove("text")), "$.sections[0].blocks[5].text", "required");
        assertFinding(refusedWith(o -> figure(o).addProperty("src", "../etc/passwd")), "$.sections[0].blocks[5].src",
                "svg file");
        assertFinding(refusedWith(o -> figure(o).addProperty("src", "figures/missing.svg")),
                "$.sections[0].blocks[5].src", "not in the bundle");
    }

    @Test
    void unsafeSvgIsRefusedNamingTheFigure() {
        String[] bad = {
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 1 1\"><script>alert(1)</script></svg>",
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 1 1\" onload=\"alert(1)\"/>",
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 1 1\"><a href=\"https://example.org\"><text>x</text></a></svg>",
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 1 1\"><rect style=\"fill:url(https://x.org/a)\"/></svg>",
            "<!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 1 1\">&x;</svg>",
            "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect/></svg>",
            "<html xmlns=\"http://www.w3.org/1999/xhtml\"/>",
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 1 1\"><foreignObject/></svg>",
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 1 1\"><image href=\"data:image/png;base64,AA==\"/></svg>",
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 1 1\"><rect></svg>",
        };
        for (String svg : bad) {
            List<Finding> f = FigureValidator.validate(svg.getBytes(StandardCharsets.UTF_8));
            assertFalse(f.isEmpty(), "should refuse " + svg);
        }
        DocumentParser.Files unsafe = src -> bad[0].getBytes(StandardCharsets.UTF_8);
        DocumentParser.Result<DocumentParser.ModuleFile> r = DocumentParser.moduleWithFigures("test-module.json",
                Fixtures.bytes("valid-module-v2.json"), unsafe);
        assertFalse(r.ok());
        assertEquals("figures/body.svg", r.findings().get(0).file(), r.findings().toString());
    }

    @Test
    void duplicateKeysBomAndDeepNestingAreRefused() {
        String dup = "{\"schemaVersion\": 2, \"title\": \"a\", \"title\": \"b\"}";
        Finding f = DocumentParser.module(dup.getBytes(StandardCharsets.UTF_8)).findings().get(0);
        assertEquals("$.title", f.path());
        assertTrue(f.message().contains("appears twice"), f.toString());

        byte[] bom = ("\uFEFF" + new String(Fixtures.bytes("valid-module-v2.json"), StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8);
        assertTrue(DocumentParser.module(bom).findings().get(0).message().contains("byte-order mark"));

        String deep = "{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
        Finding d = DocumentParser.module(deep.getBytes(StandardCharsets.UTF_8)).findings().get(0);
        assertTrue(d.message().contains("nested more than"), d.toString());
    }

    @Test
    void numbersWhereStringsBelongAndHugeBlockCountsAreRefused() {
        assertFinding(refusedWith(o -> o.addProperty("title", 42)), "$.title", "must be a string");
        List<Finding> f = refusedWith(o -> {
            JsonArray blocks = o.getAsJsonArray("sections").get(0).getAsJsonObject().getAsJsonArray("blocks");
            for (int i = 0; i < 2_000; i++) {
                JsonObject b = new JsonObject();
                b.addProperty("id", "x" + i);
                b.addProperty("type", "paragraph");
                b.addProperty("text", "Text.");
                blocks.add(b);
            }
        });
        assertFinding(f, "$.sections[0].blocks", "more than");
    }

    private static JsonArray points(JsonObject o) {
        return o.getAsJsonObject("keyPoints").getAsJsonArray("blocks").get(0).getAsJsonObject().getAsJsonArray("items");
    }

    private static JsonObject figure(JsonObject o) {
        return o.getAsJsonArray("sections").get(0).getAsJsonObject().getAsJsonArray("blocks").get(5).getAsJsonObject();
    }
}
