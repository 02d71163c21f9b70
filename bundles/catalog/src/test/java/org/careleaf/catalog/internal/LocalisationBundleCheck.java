package org.careleaf.catalog.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.careleaf.catalog.internal.library.Localizer;
import org.careleaf.model.ModuleDocument;
import org.careleaf.model.ModuleView;
import org.careleaf.model.TranslationDocument;
import org.careleaf.model.ViewerText;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The checks every localisation bundle's build runs (see bundles/l10n/pom.xml): each translation is
 * valid, translates a module that ships, and is complete and current against that module's English; the
 * viewer strings cover every English key. A bundle that fails here cannot ship. Run from the catalog's
 * own build, it has no folder and skips.
 */
public class LocalisationBundleCheck {

    @TestFactory
    List<DynamicTest> everyDocumentInThisBundle() throws IOException {
        String dir = System.getProperty("careleaf.l10n.dir");
        assumeTrue(dir != null, "careleaf.l10n.dir is set by localisation bundle builds only");
        String lang = System.getProperty("careleaf.l10n.lang");
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of(dir))) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        List<DynamicTest> tests = new ArrayList<>();
        Set<String> translated = new TreeSet<>();
        for (Path f : files) {
            String name = f.getFileName().toString();
            if (name.startsWith("ui.")) {
                tests.add(DynamicTest.dynamicTest(name, () -> checkViewerText(f, lang)));
            } else {
                translated.add(name.substring(0, name.indexOf('.')));
                tests.add(DynamicTest.dynamicTest(name, () -> checkTranslation(f, lang)));
            }
        }
        tests.add(DynamicTest.dynamicTest("every shipped module is translated", () -> {
            Set<String> english = englishModuleIds();
            assertFalse(english.isEmpty(), "no English module on the test class path");
            assertEquals(english, translated, "modules with and without a " + lang + " translation");
        }));
        return tests;
    }

    /** The ids of the content bundles on the test class path (the bundles this language must cover). */
    private static Set<String> englishModuleIds() throws IOException {
        Set<String> ids = new TreeSet<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            if (!entry.endsWith(".jar")) {
                continue;
            }
            try (JarFile jar = new JarFile(entry)) {
                jar.stream().map(JarEntry::getName)
                        .filter(n -> n.startsWith("content/") && n.endsWith(".json") && n.indexOf('/', 8) < 0)
                        .forEach(n -> ids.add(n.substring(8, n.length() - 5)));
            }
        }
        return ids;
    }

    private void checkTranslation(Path file, String lang) throws IOException {
        DocumentParser.Result<TranslationDocument> r = DocumentParser.translation(Files.readAllBytes(file));
        assertTrue(r.ok(), () -> file + " is refused:\n  " + String.join("\n  ",
                r.findings().stream().map(Finding::toString).toList()));
        TranslationDocument t = r.document();
        assertEquals(lang, t.locale(), file + ": locale");
        assertEquals(t.module() + "." + t.locale() + ".json", file.getFileName().toString(), "file name");
        ModuleDocument english;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("content/" + t.module() + ".json")) {
            assertNotNull(in, t.module() + " is not a module that ships");
            english = DocumentParser.module(in.readAllBytes()).document();
        }
        ModuleView v = Localizer.view(english, lang, t);
        assertEquals(List.of(), v.staleIds(), file + ": translated from older English; update these parts");
        assertEquals(List.of(), v.fallbackIds(), file + ": parts not translated (or not matching the English shape)");
    }

    private void checkViewerText(Path file, String lang) throws IOException {
        DocumentParser.Result<ViewerText> r = DocumentParser.viewerText(Files.readAllBytes(file));
        assertTrue(r.ok(), () -> file + " is refused: " + r.findings());
        assertEquals(lang, r.document().locale());
        ViewerText english;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("ui/ui.en.json")) {
            assertNotNull(in, "the English viewer strings (careleaf-web) are on the test class path");
            english = DocumentParser.viewerText(in.readAllBytes()).document();
        }
        Set<String> missing = new TreeSet<>(english.strings().keySet());
        missing.removeAll(r.document().strings().keySet());
        assertEquals(Set.of(), missing, file + ": viewer strings not translated");
        for (var e : english.strings().entrySet()) {
            String translated = r.document().strings().get(e.getKey());
            for (String ph : List.of("{0}", "{1}")) {
                assertEquals(e.getValue().contains(ph), translated.contains(ph), file + ": placeholder " + ph + " in "
                        + e.getKey());
            }
        }
    }
}
