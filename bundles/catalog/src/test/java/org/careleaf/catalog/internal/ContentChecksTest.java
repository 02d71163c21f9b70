package org.careleaf.catalog.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import org.careleaf.model.Block;
import org.careleaf.model.ModuleDocument;
import org.careleaf.model.TranslatedBlock;
import org.careleaf.model.TranslationDocument;
import org.junit.jupiter.api.Test;

/** The build's content checks fail on bad content: each is tried on a good module and on a bad variant. */
class ContentChecksTest {

    private static final PlainLanguage.Thresholds T = new PlainLanguage.Thresholds(300, 150, 0.75, 3, 0, 0);

    private static ModuleDocument module(java.util.function.Consumer<JsonObject> change) {
        JsonObject o = Fixtures.json("valid-module-v2.json");
        o.getAsJsonArray("sections").get(0).getAsJsonObject().getAsJsonArray("blocks").remove(5); // the figure
        for (var e : blocks(o)) {
            JsonObject b = e.getAsJsonObject();
            if (b.has("text") && b.get("text").getAsString().equals("Two things:")) {
                b.addProperty("text", "2 things:");
            }
        }
        change.accept(o);
        DocumentParser.Result<ModuleDocument> r = DocumentParser.module(Fixtures.toBytes(o));
        assertTrue(r.ok(), () -> r.findings().toString());
        return r.document();
    }

    private static JsonArray blocks(JsonObject o) {
        return o.getAsJsonArray("sections").get(0).getAsJsonObject().getAsJsonArray("blocks");
    }

    private static JsonObject paragraph(String id, String text) {
        JsonObject b = new JsonObject();
        b.addProperty("id", id);
        b.addProperty("type", "paragraph");
        b.addProperty("text", text);
        return b;
    }

    private static final String GOOD = "Call your team if you feel unwell. Ask your nurse what to expect. Keep your phone near you.";

    @Test
    void aMonthTheEnglishNamesMayBeWrittenAsItsNumber() {
        assertEquals(Set.of("6", "06", "12", "5", "05"), TranslationConsistency.monthNumbers(
                "Approved in June 2025 and in December. Since May 2023 you may ask for it."));
        assertEquals(Set.of(), TranslationConsistency.monthNumbers("You may feel tired. Ask what may help."));
    }

    @Test
    void aPlainModulePasses() {
        ModuleDocument m = module(o -> blocks(o).add(paragraph("first-p9", GOOD)));
        PlainLanguage.Figures f = PlainLanguage.measure(m, Set.of("oncologist"));
        assertEquals(List.of(), PlainLanguage.problems(f, T), PlainLanguage.row(f));
    }

    @Test
    void longSectionsAreFlagged() {
        ModuleDocument m = module(o -> blocks(o).add(paragraph("first-p9", GOOD + " Rest well.".repeat(150))));
        assertTrue(String.join(" ", PlainLanguage.problems(PlainLanguage.measure(m, Set.of()), T)).contains("words; split"));
    }

    @Test
    void textThatNeverSaysYouOrTellsWhatToDoIsFlagged() {
        ModuleDocument m = module(o -> {
            for (int i = 0; i < blocks(o).size(); i++) {
                JsonObject b = blocks(o).get(i).getAsJsonObject();
                if (b.has("text")) {
                    b.addProperty("text", "The disease is treated by doctors.");
                }
                if (b.has("items")) {
                    JsonArray items = new JsonArray();
                    b.getAsJsonArray("items").forEach(x -> items.add("A fact about the disease."));
                    b.add("items", items);
                }
            }
            JsonArray kp = o.getAsJsonObject("keyPoints").getAsJsonArray("blocks").get(0).getAsJsonObject()
                    .getAsJsonArray("items");
            JsonArray items = new JsonArray();
            kp.forEach(x -> items.add("A fact about the disease."));
            o.getAsJsonObject("keyPoints").getAsJsonArray("blocks").get(0).getAsJsonObject().add("items", items);
        });
        String p = String.join(" ", PlainLanguage.problems(PlainLanguage.measure(m, Set.of()), T));
        assertTrue(p.contains("as 'you'"), p);
        assertTrue(p.contains("tell the reader what to do"), p);
    }

    @Test
    void undefinedTermsSpelledNumbersAndUnexplainedPercentagesAreFlagged() {
        ModuleDocument m = module(o -> blocks(o).add(paragraph("first-p9", GOOD
                + " Your oncologist may suggest osteonecrosis checks. You have three tests. About 30% of men respond.")));
        PlainLanguage.Figures f = PlainLanguage.measure(m, Set.of("osteonecrosis", "oncologist"));
        String p = String.join(" ", PlainLanguage.problems(f, T));
        assertTrue(p.contains("[osteonecrosis, oncologist]") || p.contains("osteonecrosis"), p);
        assertTrue(p.contains("three"), p);
        assertTrue(p.contains("percentage"), p);
        ModuleDocument fixed = module(o -> blocks(o).add(paragraph("first-p9", GOOD
                + " Osteonecrosis means bone that dies. You have 3 tests. About 30% of men respond. 30% means 30 in every 100.")));
        assertEquals(List.of(), PlainLanguage.problems(PlainLanguage.measure(fixed, Set.of("osteonecrosis")), T));
    }

    @Test
    void keyPointsAboveGradeFiveAreFlagged() {
        ModuleDocument easy = module(o -> { });
        assertTrue(ContentBundleCheck.keyPointsGrade(easy) <= 5.0);
        ModuleDocument hard = module(o -> {
            JsonArray items = new JsonArray();
            for (int i = 0; i < 5; i++) {
                items.add("Pharmacological interventions necessitate comprehensive multidisciplinary consideration "
                        + "regarding contraindications and individualised administration schedules.");
            }
            o.getAsJsonObject("keyPoints").getAsJsonArray("blocks").get(0).getAsJsonObject().add("items", items);
        });
        assertTrue(ContentBundleCheck.keyPointsGrade(hard) > 5.0);
    }

    // ---- translations

    private static TranslationDocument translation(ModuleDocument m, String lang, Map<String, TranslatedBlock> blocks) {
        return new TranslationDocument(1, m.id(), lang, m.version(), org.careleaf.model.TranslationStatus.MACHINE_ASSISTED,
                "Test.", null, null, Map.of(), blocks);
    }

    private static TranslatedBlock tr(Block b, String text) {
        return new TranslatedBlock(SourceHash.of(b), b.title(), text, b.term(), b.items(), b.alt());
    }

    @Test
    void numbersAndMedicineNamesMustMatchTheEnglishInCurrentBlocks() {
        ModuleDocument m = module(o -> blocks(o).add(paragraph("first-p9",
                "Call at a fever of 100.4°F (38°C). Take docetaxel every 3 weeks. Phone 1-800-422-6237 or 116 123.")));
        Block b = m.sections().get(0).blocks().stream().filter(x -> x.id().equals("first-p9")).findFirst().orElseThrow();
        java.util.function.Function<TranslationDocument, List<String>> problemsOf = t -> TranslationConsistency
                .problems(m, t, List.of(new TranslationConsistency.Drug("docetaxel", Map.of("fr", List.of("docétaxel")))),
                        List.of()).stream().filter(x -> x.startsWith(b.id())).toList();
        List<TranslationConsistency.Drug> drugs = List.of(new TranslationConsistency.Drug("docetaxel",
                Map.of("fr", List.of("docétaxel"))));
        TranslationDocument good = translation(m, "fr", Map.of(b.id(), tr(b,
                "Appelez en cas de fièvre de 100,4 °F (38 °C). Prenez le docétaxel toutes les 3 semaines. "
                        + "Appelez le 1-800-422-6237 ou le 116 123.")));
        assertEquals(List.of(), problemsOf.apply(good));
        TranslationDocument bad = translation(m, "fr", Map.of(b.id(), tr(b,
                "Appelez en cas de fièvre de 101 °F (39 °C). Prenez le médicament toutes les trois semaines. "
                        + "Appelez le 1-800-422-6237.")));
        String p = String.join(" ", problemsOf.apply(bad));
        assertTrue(p.contains("missing [1004, 116, 123, 3, 38]") && p.contains("not in the English [101, 39]"), p);
        assertTrue(p.contains("docetaxel is not named"), p);
        // a stale block is not compared (the completeness check reports it)
        TranslatedBlock stale = new TranslatedBlock("0000000000000000", null, "Vieux texte 5.", null, List.of(), null);
        assertEquals(List.of(), problemsOf.apply(translation(m, "fr", Map.of(b.id(), stale))));
        // a reviewed exception lets a translation give its own country's numbers
        TranslationDocument local = translation(m, "fr", Map.of(b.id(), tr(b,
                "Appelez en cas de fièvre de 100,4 °F (38 °C). Prenez le docétaxel toutes les 3 semaines. "
                        + "Appelez le 1-800-422-6237 ou le 3114.")));
        assertFalse(problemsOf.apply(local).isEmpty());
        assertEquals(List.of(), TranslationConsistency.problems(m, local, drugs, List.of(new TranslationConsistency.Exception(
                "fr", m.id(), b.id(), Set.of("3114"), Set.of("116", "123")))).stream().filter(x -> x.startsWith(b.id()))
                .toList());
    }

    @Test
    void numbersAreReadInAnyScriptAndNamesWithDigitsAreNotNumbers() {
        assertEquals(Set.of("223", "6"), TranslationConsistency.numbers("٦ حقن من 223 وحدة"));
        assertEquals(Set.of("2001", "2005"), TranslationConsistency.numbers("بين عامَي 2001 و2005"));
        assertEquals(Set.of(), TranslationConsistency.numbers("راديوم-223"));
        assertEquals(Set.of("6"), TranslationConsistency.numbers("radium-223 and PSMA-617 and BRCA2, 6 times"));
        assertEquals(Set.of("1822", "287"), TranslationConsistency.numbers("1\u202f822 men, 28,7 %"));
    }

    @Test
    void urgentCalloutsMustBeTranslated() {
        JsonObject c = new JsonObject();
        c.addProperty("id", "first-c9");
        c.addProperty("type", "callout");
        c.addProperty("level", "urgent");
        c.addProperty("text", "Call 911 now.");
        ModuleDocument m = module(o -> blocks(o).add(c));
        List<String> p = new ArrayList<>(TranslationConsistency.problems(m, translation(m, "es", Map.of()), List.of(),
                List.of()));
        assertTrue(p.stream().anyMatch(x -> x.contains("first-c9: the urgent callout is not translated")), p.toString());
    }

    @Test
    void translatedFromIsComparedAsAVersion() {
        assertTrue(LocalisationBundleCheck.compareVersions("1.10.0", "1.9.2") > 0);
        assertEquals(0, LocalisationBundleCheck.compareVersions("2.0.0", "2.0.0"));
    }
}
