package org.careleaf.catalog.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;

import org.careleaf.model.TranslationDocument;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Reading one translation file, as the extender does for fifteen of every sixteen documents at boot: in
 * one pass (what the catalog does with a plainly valid file) against the tree, its checks and the binding
 * (what it does with any other, and did with every file before).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ParseBenchmark {

    private byte[] radiationSpanish;

    @Setup
    public void load() {
        try (InputStream in = ParseBenchmark.class.getClassLoader().getResourceAsStream("l10n/mpc-radiation.es.json")) {
            radiationSpanish = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Benchmark
    public TranslationDocument translationInOnePass() {
        return DocumentParser.translation(radiationSpanish).document();
    }

    @Benchmark
    public TranslationDocument translationByTree() {
        return DocumentParser.translationByTree(radiationSpanish).document();
    }
}
