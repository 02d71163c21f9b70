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
        List<String> problems = translationProblems(english, t, drugs(), exceptions());
        assertEquals(List.of(), problems, file.getFileName() + ": translation checks");
    }

    /**
     * Every problem of one translation at once, so a translator sees the whole list in one run: stale and
     * missing parts, a wrong translatedFrom, and numbers, medicine names and urgent callouts of current blocks.
     */
    static List<String> translationProblems(ModuleDocument english, TranslationDocument t,
            List<TranslationConsistency.Drug> drugList, List<TranslationConsistency.Exception> exceptionList) {
        ModuleView v = Localizer.view(english, t.locale(), t);
        List<String> problems = new ArrayList<>();
        if (!v.staleIds().isEmpty()) {
            problems.add("translated from older English (stale); update these parts: " + v.staleIds());
        }
        List<String> missing = new ArrayList<>(v.fallbackIds());
        missing.removeAll(v.staleIds());
        if (!missing.isEmpty()) {
            problems.add("parts not translated (or not matching the English shape): " + missing);
        }
        if (compareVersions(t.translatedFrom(), english.version()) > 0) {
            problems.add("translatedFrom " + t.translatedFrom() + " is newer than the English " + english.version());
        } else if (v.fallbackIds().isEmpty() && !t.translatedFrom().equals(english.version())) {
            problems.add("every part is current, so translatedFrom must name the English version " + english.version()
                    + ", not " + t.translatedFrom());
        }
        List<String> leftovers = untranslated(t);
        if (!leftovers.isEmpty()) {
            problems.add("parts still hold the English text marked " + TranslationSkeleton.MARK.trim() + ": " + leftovers);
        }
        List<String> consistency = TranslationConsistency.problems(english, t, drugList, exceptionList);
        problems.addAll(consistency);
        long current = english.parts().stream().flatMap(s -> s.blocks().stream()).filter(b -> t.blocks().get(b.id()) != null
                && TranslationConsistency.fits(b, t.blocks().get(b.id()))
                && t.blocks().get(b.id()).source().equals(SourceHash.of(b))).count();
        System.out.println("L10N " + t.module() + "." + t.locale() + ": " + current + " current blocks checked for numbers "
                + "and medicine names, " + consistency.size() + " problem(s); " + v.staleIds().size() + " stale, "
                + missing.size() + " missing part(s)");
        return problems;
    }

    /** Ids of parts a translator has not translated yet (the skeleton's marker is still in them). */
    static List<String> untranslated(TranslationDocument t) {
        List<String> out = new ArrayList<>();
        if (t.note().contains(TranslationSkeleton.MARK.trim())) {
            out.add("$note");
        }
        if (t.title() != null && t.title().text().contains(TranslationSkeleton.MARK.trim())) {
            out.add("$title");
        }
        if (t.summary() != null && t.summary().text().contains(TranslationSkeleton.MARK.trim())) {
            out.add("$summary");
        }
        t.sections().forEach((id, s) -> {
            if (s.text().contains(TranslationSkeleton.MARK.trim())) {
                out.add(id);
            }
        });
        t.blocks().forEach((id, b) -> {
            String all = String.join("\u0000", java.util.Objects.toString(b.title(), ""), java.util.Objects.toString(b.text(), ""),
                    java.util.Objects.toString(b.term(), ""), java.util.Objects.toString(b.alt(), ""), String.join("\u0000", b.items()));
            if (all.contains(TranslationSkeleton.MARK.trim())) {
                out.add(id);
            }
        });
        java.util.Collections.sort(out);
        return out;
    }

    private static List<TranslationConsistency.Drug> drugs;
    private static List<TranslationConsistency.Exception> exceptions;

    private static synchronized List<TranslationConsistency.Drug> drugs() throws IOException {
        if (drugs == null) {
            String f = System.getProperty("careleaf.l10n.drugs", "");
            drugs = f.isBlank() ? List.of() : TranslationConsistency.readDrugs(Path.of(f));
        }
        return drugs;
    }

    private static synchronized List<TranslationConsistency.Exception> exceptions() throws IOException {
        if (exceptions == null) {
            String f = System.getProperty("careleaf.l10n.exceptions", "");
            exceptions = f.isBlank() ? List.of() : TranslationConsistency.readExceptions(Path.of(f));
        }
        return exceptions;
    }

    /** Compares MAJOR.MINOR.PATCH versions numerically. */
    static int compareVersions(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < 3; i++) {
            int c = Integer.compare(Integer.parseInt(x[i]), Integer.parseInt(y[i]));
            if (c != 0) {
                return c;
            }
        }
        return 0;
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
        Set<String> marked = new TreeSet<>();
        r.document().strings().forEach((k, v) -> {
            if (v.contains(TranslationSkeleton.MARK.trim())) {
                marked.add(k);
            }
        });
        assertEquals(Set.of(), marked, file + ": viewer strings still hold the English text marked "
                + TranslationSkeleton.MARK.trim());
        assertFalse(r.document().note().contains(TranslationSkeleton.MARK.trim()), file + ": the note is not translated");
        for (var e : english.strings().entrySet()) {
            String translated = r.document().strings().get(e.getKey());
            for (String ph : List.of("{0}", "{1}")) {
                assertEquals(e.getValue().contains(ph), translated.contains(ph), file + ": placeholder " + ph + " in "
                        + e.getKey());
            }
        }
    }
}
