package org.careleaf.search.internal;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.careleaf.catalog.internal.DocumentParser;
import org.careleaf.catalog.internal.library.TestCatalog;
import org.careleaf.model.ModuleDocument;
import org.careleaf.model.TranslationDocument;

/**
 * The library as it ships, read with the catalog's own parser and served by the catalog's own library:
 * the content jars on the test class path, the translations from the localisation bundles' folders
 * beside this one, and the synonym files of the synonyms bundle.
 */
final class ShippedLibrary {

    static final String UNFINISHED = "TODO-TRANSLATE";

    private ShippedLibrary() {
    }

    /** Every module document in the content jars on the class path. */
    static List<ModuleDocument> modules() {
        List<ModuleDocument> out = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.endsWith(".jar")) {
                continue;
            }
            try (JarFile jar = new JarFile(entry)) {
                for (JarEntry e : jar.stream().toList()) {
                    String n = e.getName();
                    if (n.startsWith("content/") && n.endsWith(".json") && n.indexOf('/', 8) < 0) {
                        try (InputStream in = jar.getInputStream(e)) {
                            DocumentParser.Result<ModuleDocument> r = DocumentParser.module(in.readAllBytes());
                            if (!r.ok()) {
                                throw new IllegalStateException(entry + "!" + n + " is refused: " + r.findings());
                            }
                            out.add(r.document());
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    static Path l10nRoot() {
        return Path.of(System.getProperty("careleaf.l10n.root", "../l10n"));
    }

    /** Whether a language's localisation folder exists and has no part left to translate. */
    static boolean finished(String lang) {
        Path dir = l10nRoot().resolve(lang);
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".json")).noneMatch(p -> {
                try {
                    return Files.readString(p, StandardCharsets.UTF_8).contains(UNFINISHED);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The module translations of one language's localisation bundle folder. */
    static List<TranslationDocument> translations(String lang) {
        Path dir = l10nRoot().resolve(lang).resolve("src/main/resources/l10n");
        List<TranslationDocument> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.sorted().toList()) {
                String name = p.getFileName().toString();
                if (!name.endsWith(".json") || name.startsWith("ui.")) {
                    continue;
                }
                DocumentParser.Result<TranslationDocument> r = DocumentParser.translation(Files.readAllBytes(p));
                if (!r.ok()) {
                    throw new IllegalStateException(p + " is refused: " + r.findings());
                }
                out.add(r.document());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The real catalog library with every shipped module and the translations of these languages. */
    static TestCatalog catalog(List<String> languages) {
        TestCatalog c = new TestCatalog();
        modules().forEach(c::module);
        for (String lang : languages) {
            translations(lang).forEach(c::translation);
        }
        return c;
    }

    /** The synonyms bundle's files, as the search bundle reads them from the bundle. */
    static Map<String, Synonyms.File> synonymFiles() {
        Path dir = Path.of(System.getProperty("careleaf.synonyms.dir", "../synonyms/src/main/resources/synonyms"));
        Map<String, Synonyms.File> out = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.sorted().toList()) {
                String name = p.getFileName().toString();
                if (name.endsWith(".txt")) {
                    out.put(name.substring(0, name.length() - 4),
                            new Synonyms.File("synonyms/" + name, Files.readString(p, StandardCharsets.UTF_8)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Synonyms as shipped; fails on a file that does not parse. */
    static Synonyms synonyms() {
        Synonyms s = new Synonyms();
        List<String> problems = s.put("org.careleaf.synonyms", synonymFiles());
        if (!problems.isEmpty()) {
            throw new IllegalStateException("shipped synonyms refused: " + problems);
        }
        return s;
    }
}
