package org.careleaf.fhir.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.careleaf.catalog.internal.DocumentParser;
import org.careleaf.catalog.internal.library.TestCatalog;
import org.careleaf.model.ModuleDocument;
import org.careleaf.model.TranslationDocument;

/** The real catalog library holding the modules and translations Careleaf ships, as a hospital installs them. */
final class ShippedLibrary {

    private ShippedLibrary() {
    }

    static TestCatalog catalog() {
        TestCatalog c = new TestCatalog();
        modules().forEach(c::module);
        translations().forEach(c::translation);
        return c;
    }

    static List<ModuleDocument> modules() {
        return files("content").stream().map(f -> DocumentParser.module(read(f)).document()).toList();
    }

    static List<TranslationDocument> translations() {
        return files("l10n").stream().filter(f -> !f.getFileName().toString().startsWith("ui."))
                .map(f -> DocumentParser.translation(read(f)).document()).toList();
    }

    private static List<Path> files(String kind) {
        try {
            Path root = Path.of(ShippedLibrary.class.getResource("/shipped").toURI());
            try (Stream<Path> s = Files.walk(root)) {
                return s.filter(p -> p.getParent().getFileName().toString().equals(kind) && p.toString().endsWith(".json"))
                        .sorted().toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] read(Path p) {
        try (InputStream in = Files.newInputStream(p)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
