package org.careleaf.search.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.careleaf.catalog.internal.DocumentParser;
import org.careleaf.catalog.internal.library.Candidate;
import org.careleaf.catalog.internal.library.Library;
import org.careleaf.model.EducationCatalog;
import org.careleaf.model.ModuleDocument;
import org.careleaf.model.Readiness;
import org.careleaf.model.TranslationDocument;
import org.careleaf.search.SearchQuery;
import org.careleaf.search.SearchResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What search costs: one reader's question (analysis with synonyms, the query, the top 10 with snippets)
 * and re-indexing one changed module, at the shipped 9 modules and at a generated library of 1,000
 * (copies of the shipped modules and their es, de, fr and ar translations under new ids, so every text is
 * realistic and every module is indexed in five languages). Re-indexing one module must cost the same at
 * both sizes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SearchBenchmark {

    private static final List<String> SHIPPED = List.of("mpc-overview", "mpc-outlook", "mpc-hormone-therapy",
            "mpc-chemotherapy", "mpc-radiation", "mpc-bone-health", "mpc-targeted-immunotherapy", "mpc-living-well",
            "mpc-clinical-trials");
    private static final List<String> TRANSLATIONS = List.of("es", "de", "fr", "ar");
    private static final String[][] QUESTIONS = {
        {"hot flashes", "en"}, {"can I still work during chemo", "en"}, {"Xtandi side effects", "en"},
        {"chemoterapy side efects", "en"}, {"sofocos", "es"}, {"Zahnarzt vor Knochenmedikament", "de"},
    };

    @Param({"9", "1000"})
    public int modules;

    private SectionIndex index;
    private String middleId;
    private int next;

    @Setup(Level.Trial)
    public void load() throws IOException {
        List<ModuleDocument> shipped = new ArrayList<>();
        Map<String, List<TranslationDocument>> translations = new LinkedHashMap<>();
        for (String id : SHIPPED) {
            shipped.add(DocumentParser.module(resource("content/" + id + ".json")).document());
            for (String l : TRANSLATIONS) {
                translations.computeIfAbsent(l, x -> new ArrayList<>())
                        .add(DocumentParser.translation(resource("l10n/" + id + "." + l + ".json")).document());
            }
        }
        Library library = new Library();
        long serviceIds = 1;
        for (int i = 0; i < modules; i++) {
            ModuleDocument m = shipped.get(i % shipped.size());
            String id = modules == SHIPPED.size() ? m.id() : String.format("gen-%05d", i);
            library.addModule(new Candidate<>(serviceIds++, i, "gen/" + i, new ModuleDocument(m.schemaVersion(), id,
                    m.version(), m.locale(), m.pack(), m.title(), m.summary(), m.category(), i, m.audience(), m.codes(),
                    m.subtopics(), m.keyPoints(), m.review(), m.sources(), m.sections()), false, null));
            for (String l : TRANSLATIONS) {
                TranslationDocument t = translations.get(l).get(i % shipped.size());
                library.addTranslation(new Candidate<>(serviceIds++, modules + 1L, "gen-l10n-" + l,
                        new TranslationDocument(t.schemaVersion(), id, t.locale(), t.translatedFrom(), t.status(), t.note(),
                                t.title(), t.summary(), t.sections(), t.blocks()), false, null));
            }
        }
        library.report(List.of(), new Readiness(true, 0, 0, null));
        EducationCatalog catalog = languages -> library.snapshot().view(languages);
        Synonyms synonyms = new Synonyms();
        Map<String, Synonyms.File> files = new TreeMap<>();
        for (String tag : List.of("en", "es", "de", "fr", "ar")) {
            files.put(tag, new Synonyms.File("synonyms/" + tag + ".txt",
                    new String(resource("synonyms/" + tag + ".txt"), StandardCharsets.UTF_8)));
        }
        synonyms.put("org.careleaf.synonyms", files);
        index = new SectionIndex(catalog, synonyms);
        long t0 = System.nanoTime();
        index.rebuild();
        System.out.printf("%n%d modules: %d documents indexed in %d ms%n", modules, index.documents(),
                (System.nanoTime() - t0) / 1_000_000);
        // the same module at both sizes (a copy of mpc-hormone-therapy), so only the library size differs
        middleId = modules == SHIPPED.size() ? "mpc-hormone-therapy" : String.format("gen-%05d", modules / 2 / 9 * 9 + 2);
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        index.close();
    }

    private static byte[] resource(String path) {
        try (InputStream in = SearchBenchmark.class.getClassLoader().getResourceAsStream(path)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One question, as the REST API and the viewer ask it: top 10 with snippets. */
    @Benchmark
    public SearchResult query() {
        String[] q = QUESTIONS[next++ % QUESTIONS.length];
        return index.search(new SearchQuery(q[0], q[1], 0, 10));
    }

    /** A module changed (content, translation or enablement): its documents in every language replaced, and the refresh. */
    @Benchmark
    public int reindexOneModule() throws IOException {
        index.update(Set.of(middleId), false);
        return index.written();
    }
}
