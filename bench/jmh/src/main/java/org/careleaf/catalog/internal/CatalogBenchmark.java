package org.careleaf.catalog.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.careleaf.model.ModuleDocument;
import org.careleaf.model.ModuleView;
import org.careleaf.model.TranslationDocument;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What the catalog spends on the shipped content: reading one file at install, rebuilding everything
 * on a change (9 modules × 5 languages), and the per-request look-ups that remain.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CatalogBenchmark {

    private static final List<String> MODULES = List.of("mpc-overview", "mpc-outlook", "mpc-hormone-therapy",
            "mpc-chemotherapy", "mpc-radiation", "mpc-bone-health", "mpc-targeted-immunotherapy", "mpc-living-well",
            "mpc-clinical-trials");
    private static final List<String> LANGUAGES = List.of("es", "de", "fr", "ar");

    private byte[] radiationBytes;
    private Map<String, ModuleDocument> modules;
    private Map<String, Map<String, TranslationDocument>> translations;
    private Snapshot snapshot;

    @Setup
    public void load() {
        radiationBytes = resource("content/mpc-radiation.json");
        modules = new LinkedHashMap<>();
        translations = new HashMap<>();
        for (String id : MODULES) {
            modules.put(id, DocumentParser.module(resource("content/" + id + ".json")).document());
            for (String lang : LANGUAGES) {
                TranslationDocument t = DocumentParser.translation(resource("l10n/" + id + "." + lang + ".json"))
                        .document();
                translations.computeIfAbsent(id, k -> new HashMap<>()).put(lang, t);
            }
        }
        snapshot = rebuildEverything();
    }

    private static byte[] resource(String path) {
        try (InputStream in = CatalogBenchmark.class.getClassLoader().getResourceAsStream(path)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Install or update of the largest module: UTF-8, JSON syntax, every validation rule, Gson binding. */
    @Benchmark
    public ModuleDocument parseAndValidateLargestModule() {
        return DocumentParser.module(radiationBytes).document();
    }

    /** Any change: every module in every language localised, completeness and readability computed. */
    @Benchmark
    public Snapshot rebuildEverything() {
        return new Snapshot(1, modules, translations, Map.of(), Set.of(), Set.of(), "en");
    }

    /** One request: resolve an Accept-Language header and look the module up. */
    @Benchmark
    public ModuleView requestLookUp() {
        String locale = snapshot.resolve("es-MX,es;q=0.9,en;q=0.5");
        for (ModuleView v : snapshot.views.get(locale)) {
            if (v.id().equals("mpc-bone-health")) {
                return v;
            }
        }
        throw new IllegalStateException("mpc-bone-health is missing");
    }
}
