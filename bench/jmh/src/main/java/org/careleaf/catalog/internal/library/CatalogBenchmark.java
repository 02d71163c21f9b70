package org.careleaf.catalog.internal.library;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.careleaf.catalog.internal.DocumentParser;
import org.careleaf.model.ModuleDocument;
import org.careleaf.model.ModulePage;
import org.careleaf.model.ModuleQuery;
import org.careleaf.model.ModuleView;
import org.careleaf.model.TranslationDocument;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What the catalog spends, at 10 to 10,000 modules in 16 languages: reading one file at install, one
 * change (a module's new version; one translation), and what a request does. The library is built from
 * copies of the shipped modules and their Spanish translation under new ids and language tags, so every
 * translation is current and every text realistic.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CatalogBenchmark {

    private static final List<String> SHIPPED = List.of("mpc-overview", "mpc-outlook", "mpc-hormone-therapy",
            "mpc-chemotherapy", "mpc-radiation", "mpc-bone-health", "mpc-targeted-immunotherapy", "mpc-living-well",
            "mpc-clinical-trials");
    /** Fifteen translated languages besides English. */
    static final List<String> LANGUAGES = List.of("es", "zh-Hans", "zh-Hant", "tl", "vi", "ko", "ru", "fr", "de", "ar",
            "it", "pt", "ht", "pl", "ja");

    @Param({"10", "1000", "10000"})
    public int modules;

    private byte[] radiationBytes;
    private Library library;
    private ModuleDocument changing;
    private long serviceIds;
    private int version;
    private String middleId;
    private TranslationDocument changingTranslation;
    /** The services now offering the changing module and its Spanish translation. */
    private long moduleService;
    private long translationService;

    @Setup(Level.Trial)
    public void load() {
        radiationBytes = resource("content/mpc-radiation.json");
        List<ModuleDocument> shipped = new ArrayList<>();
        List<TranslationDocument> spanish = new ArrayList<>();
        for (String id : SHIPPED) {
            shipped.add(DocumentParser.module(resource("content/" + id + ".json")).document());
            spanish.add(DocumentParser.translation(resource("l10n/" + id + ".es.json")).document());
        }
        library = new Library();
        for (int i = 0; i < modules; i++) {
            ModuleDocument m = renamed(shipped.get(i % shipped.size()), String.format("gen-%05d", i), "1.0.0", i);
            if (i == modules / 2) {
                moduleService = serviceIds;
            }
            library.addModule(new Candidate<>(serviceIds++, i, "gen/" + i, m, false, null));
            for (String lang : LANGUAGES) {
                if (i == modules / 2 && lang.equals("es")) {
                    translationService = serviceIds;
                }
                library.addTranslation(new Candidate<>(serviceIds++, modules + 1L, "gen-l10n-" + lang,
                        translated(spanish.get(i % shipped.size()), m.id(), lang), false, null));
            }
        }
        middleId = String.format("gen-%05d", modules / 2);
        changing = library.snapshot().view(null).module(middleId).orElseThrow().content();
        changingTranslation = translated(spanish.get((modules / 2) % shipped.size()), middleId, "es");
    }

    private static ModuleDocument renamed(ModuleDocument m, String id, String version, int order) {
        return new ModuleDocument(m.schemaVersion(), id, version, m.locale(), "gen" + order % 20, m.title(), m.summary(),
                m.category(), order, m.audience(), m.codes(), m.subtopics(), m.keyPoints(), m.review(), m.sources(),
                m.sections());
    }

    private static TranslationDocument translated(TranslationDocument t, String id, String locale) {
        return new TranslationDocument(t.schemaVersion(), id, locale, t.translatedFrom(), t.status(), t.note(), t.title(),
                t.summary(), t.sections(), t.blocks());
    }

    private static byte[] resource(String path) {
        try (InputStream in = CatalogBenchmark.class.getClassLoader().getResourceAsStream(path)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Install or update of the largest module: UTF-8, JSON syntax, every validation rule, binding to records. */
    @Benchmark
    public ModuleDocument parseAndValidateLargestModule() {
        return DocumentParser.module(radiationBytes).document();
    }

    /**
     * A module's new version arrives (and is served in every language from the next request on), as a
     * bundle update does it: the old service departs, the new one is offered, the bundle settles.
     */
    @Benchmark
    public List<Library.Change> updateOneModule() {
        ModuleDocument next = renamed(changing, changing.id(), "1.0." + (++version), changing.order());
        long bundleId = modules / 2;
        library.removeModule(moduleService, true, System.nanoTime());
        moduleService = serviceIds++;
        List<Library.Change> changes = library.addModule(new Candidate<>(moduleService, bundleId, "gen/" + bundleId, next,
                false, null));
        library.settle(bundleId);
        return changes;
    }

    /** One translation of one module is replaced, likewise. */
    @Benchmark
    public List<Library.Change> updateOneTranslation() {
        library.removeTranslation(translationService, true, System.nanoTime());
        translationService = serviceIds++;
        List<Library.Change> changes = library.addTranslation(new Candidate<>(translationService, modules + 1L,
                "gen-l10n-es", changingTranslation, false, null));
        library.settle(modules + 1L);
        return changes;
    }

    /** A request for one module in Spanish: resolve the reader's languages, localise the module. */
    @Benchmark
    public Optional<ModuleView> requestModule() {
        return library.snapshot().view("es-MX,es;q=0.9,en;q=0.5").module(middleId);
    }

    /** A request for the first page (50) of the module list in Spanish. */
    @Benchmark
    public ModulePage requestFirstPage() {
        return library.snapshot().view("es").modules(ModuleQuery.all(50));
    }
}
