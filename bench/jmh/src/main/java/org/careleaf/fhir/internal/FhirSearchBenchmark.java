package org.careleaf.fhir.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.careleaf.catalog.internal.DocumentParser;
import org.careleaf.catalog.internal.library.Candidate;
import org.careleaf.catalog.internal.library.Library;
import org.careleaf.model.EducationCatalog;
import org.careleaf.model.ModuleDocument;
import org.careleaf.model.Readiness;
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
 * What a FHIR search answer costs the server, from the request's parameters to the JSON bytes of a
 * searchset Bundle of 50 DocumentReferences (what the servlet does, without the HTTP container), at 10
 * and 10,000 modules. The library is built from copies of the shipped modules and their four shipped
 * translations under new ids, so every text is realistic and every resource is served in five languages.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class FhirSearchBenchmark {

    private static final List<String> SHIPPED = List.of("mpc-overview", "mpc-outlook", "mpc-hormone-therapy",
            "mpc-chemotherapy", "mpc-radiation", "mpc-bone-health", "mpc-targeted-immunotherapy", "mpc-living-well",
            "mpc-clinical-trials");
    private static final List<String> TRANSLATIONS = List.of("es", "de", "fr", "ar");
    private static final Links LINKS = new Links("http://localhost:8181", "/careleaf", "http://localhost:8181/careleaf/fhir");

    @Param({"10", "10000"})
    public int modules;

    private EducationCatalog catalog;
    private String middleId;

    @Setup(Level.Trial)
    public void load() {
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
            String id = String.format("gen-%05d", i);
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
        catalog = languages -> library.snapshot().view(languages);
        middleId = String.format("gen-%05d", modules / 2);
    }

    private static byte[] resource(String path) {
        try (InputStream in = FhirSearchBenchmark.class.getClassLoader().getResourceAsStream(path)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] search(Map<String, String[]> params) {
        return FhirJson.encode(new Search(new Views(catalog), SearchParams.parse(params, false), LINKS).run(), false);
    }

    /** {@code GET /fhir/DocumentReference?_count=50}: every module in every language, first page. */
    @Benchmark
    public byte[] searchFirstPageOf50() {
        return search(Map.of("_count", new String[] {"50"}));
    }

    /** {@code GET /fhir/DocumentReference?language=es&_count=50}. */
    @Benchmark
    public byte[] searchSpanishPageOf50() {
        return search(Map.of("language", new String[] {"es"}, "_count", new String[] {"50"}));
    }

    /** {@code GET /fhir/DocumentReference?code=http://hl7.org/fhir/sid/icd-10-cm|C61&language=es&_count=50}: every module carries C61. */
    @Benchmark
    public byte[] searchByCodePageOf50() {
        return search(Map.of("code", new String[] {"http://hl7.org/fhir/sid/icd-10-cm|C61"}, "language", new String[] {"es"},
                "_count", new String[] {"50"}));
    }

    /** {@code GET /fhir/DocumentReference?_lastUpdated=ge2026-01-01&language=es&_count=50}: built in memory, scans the library. */
    @Benchmark
    public byte[] searchByLastUpdatedPageOf50() {
        return search(Map.of("_lastUpdated", new String[] {"ge2026-01-01"}, "language", new String[] {"es"},
                "_count", new String[] {"50"}));
    }

    /** {@code GET /fhir/DocumentReference/{id}-es}. */
    @Benchmark
    public byte[] readOne() {
        Views views = new Views(catalog);
        return FhirJson.encode(DocumentReferences.of(views.in("es").module(middleId).orElseThrow(), "es", LINKS), false);
    }
}
