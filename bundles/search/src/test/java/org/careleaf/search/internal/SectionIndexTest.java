package org.careleaf.search.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.careleaf.catalog.internal.library.TestCatalog;
import org.careleaf.model.Block;
import org.careleaf.model.BlockType;
import org.careleaf.model.ModuleDocument;
import org.careleaf.model.Section;
import org.careleaf.search.SearchHit;
import org.careleaf.search.SearchQuery;
import org.careleaf.search.SearchResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The index over the real catalog library and the shipped content: changes, languages, input, snippets. */
class SectionIndexTest {

    private TestCatalog catalog;
    private SectionIndex index;
    private List<ModuleDocument> shipped;

    @BeforeEach
    void setUp() throws IOException {
        shipped = ShippedLibrary.modules();
        catalog = ShippedLibrary.catalog(List.of("es"));
        index = new SectionIndex(catalog, ShippedLibrary.synonyms());
        index.rebuild();
    }

    @AfterEach
    void tearDown() throws IOException {
        index.close();
    }

    private SearchResult search(String text, String lang) {
        return index.search(new SearchQuery(text, lang, 0, 10));
    }

    private static List<String> ids(SearchResult r) {
        return r.hits().stream().map(h -> h.module() + "#" + h.section()).toList();
    }

    private ModuleDocument shipped(String id) {
        return shipped.stream().filter(m -> m.id().equals(id)).findFirst().orElseThrow();
    }

    /** The module with one more paragraph in its first section, as a newer version. */
    private static ModuleDocument withParagraph(ModuleDocument m, String version, String text) {
        List<Section> sections = new ArrayList<>(m.sections());
        Section first = sections.get(0);
        List<Block> blocks = new ArrayList<>(first.blocks());
        blocks.add(new Block(first.id() + "-search-test", BlockType.PARAGRAPH, null, null, text, null, List.of(), null, null));
        sections.set(0, new Section(first.id(), first.title(), blocks));
        return new ModuleDocument(m.schemaVersion(), m.id(), version, m.locale(), m.pack(), m.title(), m.summary(),
                m.category(), m.order(), m.audience(), m.codes(), m.subtopics(), m.keyPoints(), m.review(), m.sources(),
                sections);
    }

    @Test
    void anUpdatedModuleIsSearchableAndOnlyItsDocumentsAreWritten() throws IOException {
        assertEquals(List.of(), ids(search("zorblaxine", "en")));
        int before = index.documents();
        ModuleDocument outlook = shipped("mpc-outlook");
        catalog.module(withParagraph(outlook, "9.9.9", "Zorblaxine is a word only this test uses."));
        index.update(Set.of("mpc-outlook"), false);

        SearchResult r = search("zorblaxine", "en");
        assertEquals(List.of("mpc-outlook#" + outlook.sections().get(0).id()), ids(r));
        // one module in two languages (en, es): its parts twice, nothing else
        assertEquals(2 * outlook.parts().size(), index.written());
        assertEquals(before, index.documents());
    }

    @Test
    void aDisabledModuleIsGoneAndComesBackWhenEnabled() throws IOException {
        assertTrue(ids(search("Xofigo", "en")).stream().anyMatch(s -> s.startsWith("mpc-radiation#")));
        catalog.disable("mpc-radiation");
        index.update(Set.of(), true);
        assertFalse(ids(search("Xofigo", "en")).stream().anyMatch(s -> s.startsWith("mpc-radiation#")));
        assertFalse(index.modules().contains("mpc-radiation"));
        catalog.disable();
        index.update(Set.of(), true);
        assertTrue(ids(search("Xofigo", "en")).stream().anyMatch(s -> s.startsWith("mpc-radiation#")));
    }

    @Test
    void aLanguageAddedLaterIsIndexedForEveryModule() throws IOException {
        assertEquals("en", search("bouffées de chaleur", "fr").locale());
        ShippedLibrary.translations("fr").forEach(catalog::translation);
        index.update(Set.of(), true);
        SearchResult r = search("bouffées de chaleur", "fr");
        assertEquals("fr", r.locale());
        assertTrue(ids(r).subList(0, 3).contains("mpc-hormone-therapy#side-effects"), ids(r).toString());
        assertTrue(r.hits().stream().allMatch(h -> h.locale().equals("fr")), r.hits().toString());
    }

    @Test
    void theReadersLanguageDecidesWhatIsSearched() {
        SearchResult es = search("quimio", "es-MX,es;q=0.9");
        assertEquals("es", es.locale());
        assertTrue(ids(es).contains("mpc-chemotherapy#what-it-is"), ids(es).toString());
        assertEquals("es", es.hits().get(0).locale());
        // accents may be left out: "nauseas" meets "náuseas"
        assertFalse(search("nauseas", "es").hits().isEmpty());
        // a language Careleaf does not serve falls back to the default, as the catalog resolves it
        assertEquals("en", search("hot flashes", "xx").locale());
    }

    @Test
    void aPartWithoutCurrentTranslationIsSearchedInTheLanguageItIsServedIn() throws IOException {
        ModuleDocument chemo = shipped("mpc-chemotherapy");
        Section day = chemo.sections().stream().filter(s -> s.id().equals("treatment-day")).findFirst().orElseThrow();
        Set<String> leaveOut = new java.util.HashSet<>();
        leaveOut.add(day.id());
        day.blocks().forEach(b -> leaveOut.add(b.id()));
        TestCatalog partial = new TestCatalog().module(chemo)
                .translation(TestCatalog.translate(chemo, "de", s -> "übersetzt " + s.length(), leaveOut, Set.of()));
        try (SectionIndex de = new SectionIndex(partial, ShippedLibrary.synonyms())) {
            de.rebuild();
            SearchResult r = de.search(new SearchQuery("docetaxel cycle", "de", 0, 10));
            assertEquals("de", r.locale());
            SearchHit first = r.hits().get(0);
            assertEquals("treatment-day", first.section());
            assertEquals("en", first.locale(), "the section is served in English, and the hit says so");
            // every other section is served in German (the module's German title also names the English one)
            List<SearchHit> translated = de.search(new SearchQuery("übersetzt", "de", 0, 50)).hits();
            assertEquals(chemo.parts().size(), translated.size());
            assertTrue(translated.stream().allMatch(h -> h.locale().equals(h.section().equals("treatment-day") ? "en" : "de")),
                    translated.toString());
        }
    }

    @Test
    void queryLanguageCharactersAreJustText() {
        for (String q : List.of("hot AND (flashes", "\"hot flashes", "chemo*", "psa~2 OR ?", "bone:pain", "+-!^[]{}\\/",
                "a && b || c", "title.en:psa")) {
            SearchResult r = search(q, "en");
            assertEquals(q, r.query());
        }
        assertTrue(ids(search("hot AND (flashes", "en")).contains("mpc-hormone-therapy#side-effects"));
        assertEquals(0, search("+-!^[]{}\\/", "en").total());
        assertEquals(0, search("the of and", "en").total(), "only stop words");
    }

    @Test
    void badInputIsRefusedWithAReason() {
        assertEquals("the search text is empty",
                assertThrows(IllegalArgumentException.class, () -> new SearchQuery("  ", "en", 0, 10)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new SearchQuery("x".repeat(201), "en", 0, 10))
                .getMessage().contains("200"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new SearchQuery("psa", "en", 0, 0))
                .getMessage().contains("limit"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new SearchQuery("psa", "en", 501, 10))
                .getMessage().contains("offset"));
        // the longest question allowed, of many short words, stays within Lucene's clause limit
        String many = String.join(" ", java.util.Collections.nCopies(66, "pain"))
                .substring(0, SearchQuery.MAX_TEXT - 1);
        assertFalse(search(many, "en").hits().isEmpty());
    }

    @Test
    void pagesComeFromOneRankingAndAddUpToTheTotal() {
        SearchResult all = index.search(new SearchQuery("pain", "en", 0, 50));
        SearchResult second = index.search(new SearchQuery("pain", "en", 5, 5));
        assertEquals(all.total(), second.total());
        assertEquals(5, second.offset());
        assertEquals(ids(all).subList(5, 10), ids(second));
        SearchResult past = index.search(new SearchQuery("pain", "en", 500, 10));
        assertEquals(List.of(), past.hits());
        assertEquals(all.total(), past.total());
    }

    @Test
    void snippetsArePlainTextCutWhereTheWordsMatch() {
        SearchHit hit = search("hot flashes", "en").hits().stream()
                .filter(h -> h.section().equals("managing-side-effects")).findFirst().orElseThrow();
        String text = hit.snippet().stream().map(SearchHit.Fragment::text).collect(Collectors.joining());
        assertTrue(text.length() <= SectionIndex.SNIPPET_CHARS + 10, text);
        assertFalse(text.contains("**"), "the content's bold markers are not in snippets");
        List<String> matched = hit.snippet().stream().filter(SearchHit.Fragment::match).map(SearchHit.Fragment::text).toList();
        assertTrue(matched.stream().anyMatch(m -> m.toLowerCase().contains("hot flashes")), matched.toString());
        assertEquals("Hormone therapy for metastatic prostate cancer", hit.title());
        assertEquals("Managing side effects", hit.sectionTitle());
        assertTrue(hit.score() > 0);
    }

    @Test
    void smallTyposStillFindTheAnswer() {
        assertTrue(ids(search("chemoterapy", "en")).stream().anyMatch(s -> s.startsWith("mpc-chemotherapy#")));
        assertTrue(ids(search("enzalutamid", "en")).contains("mpc-hormone-therapy#tablet-safety"));
        // short words are matched exactly only: "psa" must not find "pst"-like words by accident
        assertEquals(0, search("zzz", "en").total());
    }

    @Test
    void synonymsAreAppliedToTheReadersWordsOnly() throws IOException {
        Synonyms none = new Synonyms();
        try (SectionIndex plain = new SectionIndex(catalog, none)) {
            plain.rebuild();
            assertEquals(0, plain.search(new SearchQuery("Zytiga", "en", 0, 10)).total());
            none.put("test", Map.of("en", new Synonyms.File("test/en.txt", "zytiga, abiraterone")));
            // the index was not rebuilt: only the query analysers changed
            assertTrue(plain.search(new SearchQuery("Zytiga", "en", 0, 10)).total() > 0);
            none.remove("test");
            assertEquals(0, plain.search(new SearchQuery("Zytiga", "en", 0, 10)).total());
        }
    }
}
