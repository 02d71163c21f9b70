package org.careleaf.catalog.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.careleaf.model.ModuleDocument;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The plain-language (PEMAT) checks every content bundle's build runs on its English modules (see
 * {@link PlainLanguage} for what is measured and bundles/content/pom.xml for the thresholds). It prints
 * one line of figures per module, then fails a module that is over a threshold. Run from the catalog's
 * own build, it has no content folder and skips.
 */
public class PlainLanguageCheck {

    @TestFactory
    List<DynamicTest> everyEnglishModuleInThisBundle() throws IOException {
        String dir = System.getProperty("careleaf.content.dir");
        assumeTrue(dir != null, "careleaf.content.dir is set by content bundle builds only");
        PlainLanguage.Thresholds thresholds = PlainLanguage.Thresholds.fromSystemProperties();
        String termsFile = System.getProperty("careleaf.pemat.terms", "");
        Set<String> terms = termsFile.isBlank() ? Set.of() : PlainLanguage.readTerms(Path.of(termsFile));
        if (termsFile.isBlank()) {
            System.out.println("PEMAT: careleaf.pemat.terms is not set, so medical terms are not checked");
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of(dir))) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertFalse(files.isEmpty(), "no .json module in " + dir);
        List<DynamicTest> tests = new ArrayList<>();
        for (Path f : files) {
            tests.add(DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
                DocumentParser.Result<ModuleDocument> r = DocumentParser.module(Files.readAllBytes(f));
                assertTrue(r.ok(), () -> f + " is refused: " + r.findings());
                ModuleDocument m = r.document();
                if (!"en".equals(m.locale()) && !m.locale().startsWith("en-")) {
                    System.out.println("PEMAT: " + m.id() + " is not English; the plain-language checks are for English");
                    return;
                }
                PlainLanguage.Figures fig = PlainLanguage.measure(m, terms);
                System.out.println("PEMAT " + PlainLanguage.header());
                System.out.println("PEMAT " + PlainLanguage.row(fig));
                assertEquals(List.of(), PlainLanguage.problems(fig, thresholds), m.id() + ": plain-language checks");
            }));
        }
        return tests;
    }
}
