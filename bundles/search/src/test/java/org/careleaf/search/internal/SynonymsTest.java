package org.careleaf.search.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

/** Synonym files as synonym bundles bring them: parsed, refused with file and line, swapped at run time. */
class SynonymsTest {

    private static List<String> terms(Analyzer a, String text) throws IOException {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = a.tokenStream("f", text)) {
            CharTermAttribute t = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(t.toString());
            }
            ts.end();
        }
        return out;
    }

    @Test
    void everyShippedFileParses() {
        Synonyms s = new Synonyms();
        assertEquals(List.of(), s.put("org.careleaf.synonyms", ShippedLibrary.synonymFiles()));
        assertTrue(s.languages().containsAll(List.of("en", "es", "de", "fr", "ar", "it", "ja", "zh-Hans", "zh-Hant")),
                s.languages().toString());
    }

    @Test
    void brandNamesMeetTheMedicineAndAreStemmedLikeTheIndex() throws IOException {
        Synonyms s = ShippedLibrary.synonyms();
        assertTrue(terms(s.queryAnalyzer("en"), "Xtandi").contains("enzalutamid"));
        assertTrue(terms(s.queryAnalyzer("en"), "hot flushes").containsAll(List.of("hot", "flash")));
        assertTrue(terms(s.queryAnalyzer("es-MX"), "quimio").stream().anyMatch(t -> t.startsWith("quimioterap")),
                "es rules serve es-MX readers");
        assertTrue(terms(s.queryAnalyzer("zh-Hans"), "化疗").contains("化学"), "CJK rules are matched as bigrams");
    }

    @Test
    void aMalformedFileIsRefusedWithItsLineAndTheLastGoodRulesKeepServing() throws IOException {
        Synonyms s = new Synonyms();
        assertEquals(List.of(), s.put("org.example.syn", Map.of("en", new Synonyms.File("org.example.syn: synonyms/en.txt",
                "# good\nzorblax, hot flashes\n"))));
        Analyzer good = s.queryAnalyzer("en");
        assertTrue(terms(good, "zorblax").contains("flash"));

        List<String> problems = s.put("org.example.syn", Map.of("en", new Synonyms.File("org.example.syn: synonyms/en.txt",
                "# broken on line 3\nzorblax, hot flashes\na => b => c\n")));
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).startsWith("org.example.syn: synonyms/en.txt line 3: "), problems.get(0));
        assertTrue(problems.get(0).endsWith("the rules it had before keep serving"), problems.get(0));
        assertEquals(problems, s.problems());
        assertTrue(terms(s.queryAnalyzer("en"), "zorblax").contains("flash"), "the last good rules serve");

        // fixed: the problem is gone
        assertEquals(List.of(), s.put("org.example.syn", Map.of("en", new Synonyms.File("org.example.syn: synonyms/en.txt",
                "zorblax, chemotherapy\n"))));
        assertEquals(List.of(), s.problems());
        assertTrue(terms(s.queryAnalyzer("en"), "zorblax").contains("chemotherapi"));
    }

    @Test
    void onlyTheAnalysersOfChangedLanguagesAreRebuilt() {
        Synonyms s = ShippedLibrary.synonyms();
        Analyzer en = s.queryAnalyzer("en");
        Analyzer de = s.queryAnalyzer("de");
        long generation = s.generation();
        s.put("org.example.more", Map.of("de", new Synonyms.File("x/de.txt", "krebs, tumor")));
        assertSame(en, s.queryAnalyzer("en"));
        assertNotSame(de, s.queryAnalyzer("de"));
        assertTrue(s.generation() > generation);
        s.remove("org.example.more");
        assertSame(en, s.queryAnalyzer("en"));
    }

    @Test
    void aFileForAnyLanguageIsAccepted() throws IOException {
        Synonyms s = new Synonyms();
        assertEquals(List.of(), s.put("x", Map.of("vi", new Synonyms.File("x/vi.txt", "hoa tri, hóa trị liệu"),
                "ko", new Synonyms.File("x/ko.txt", "항암, 항암치료"))));
        // Vietnamese is folded: a reader may leave out the tone marks
        assertTrue(terms(s.queryAnalyzer("vi"), "hoa tri").contains("lieu"), terms(s.queryAnalyzer("vi"), "hoa tri").toString());
        assertTrue(s.languages().containsAll(List.of("vi", "ko")));
    }
}
