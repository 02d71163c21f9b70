package org.careleaf.catalog.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.careleaf.model.Block;
import org.careleaf.model.BlockType;
import org.careleaf.model.CalloutLevel;
import org.careleaf.model.ModuleDocument;
import org.careleaf.model.Readability;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The checks every content bundle's build runs on its own JSON (see bundles/content/pom.xml): the
 * catalog's validation, the parts a patient module must have, and the readability threshold. A bundle
 * that fails here cannot ship. Run from the catalog's own build, it has no content folder and skips.
 */
public class ContentBundleCheck {

    @TestFactory
    List<DynamicTest> everyModuleInThisBundle() throws IOException {
        String dir = System.getProperty("careleaf.content.dir");
        assumeTrue(dir != null, "careleaf.content.dir is set by content bundle builds only");
        double maxGrade = Double.parseDouble(System.getProperty("careleaf.readability.max-grade", "8.0"));
        boolean expectUrgent = Boolean.parseBoolean(System.getProperty("careleaf.expect.urgent", "false"));
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of(dir))) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertFalse(files.isEmpty(), "no .json module in " + dir);
        List<DynamicTest> tests = new ArrayList<>();
        for (Path f : files) {
            tests.add(DynamicTest.dynamicTest(f.getFileName().toString(), () -> check(f, maxGrade, expectUrgent)));
        }
        return tests;
    }

    private static void check(Path file, double maxGrade, boolean expectUrgent) throws IOException {
        Path folder = file.getParent();
        DocumentParser.Result<DocumentParser.ModuleFile> r = DocumentParser.moduleWithFigures(
                file.getFileName().toString(), Files.readAllBytes(file), src -> {
                    Path p = folder.resolve(src).normalize();
                    return p.startsWith(folder) && Files.isRegularFile(p) ? Files.readAllBytes(p) : null;
                });
        assertTrue(r.ok(), () -> file + " is refused:\n  " + String.join("\n  ", r.findings().stream()
                .map(Finding::toString).toList()));
        ModuleDocument m = r.document().document();
        assertEquals(m.id() + ".json", file.getFileName().toString(), "file name must be the module id");
        assertTrue(m.sources().size() >= 3, m.id() + ": cite at least three sources");
        assertNotNull(m.review().nextReviewDue(), m.id() + ": next review date");
        if (!m.review().clinicallyReviewed()) {
            assertNull(m.review().reviewer(), m.id() + ": unreviewed content names no reviewer");
        }
        String expectCode = System.getProperty("careleaf.expect.code", "");
        assertFalse(m.codes().isEmpty(), m.id() + ": carries codes so hosts can find it");
        if (!expectCode.isBlank()) {
            String[] systemAndCode = expectCode.split("\\|");
            assertTrue(m.codes().stream().anyMatch(c -> c.matches(systemAndCode[0], systemAndCode[1])),
                    m.id() + ": carries " + expectCode + ", the code every module of this pack answers to");
        }
        List<Block> blocks = m.sections().stream().flatMap(s -> s.blocks().stream()).toList();
        assertTrue(blocks.stream().filter(b -> b.type() == BlockType.QUESTION).count() >= 3,
                m.id() + ": at least three questions to ask the care team");
        assertTrue(blocks.stream().filter(b -> b.type() == BlockType.GLOSSARY).count() >= 3,
                m.id() + ": a glossary of at least three terms");
        if (expectUrgent) {
            assertTrue(blocks.stream().anyMatch(b -> b.type() == BlockType.CALLOUT && b.level() == CalloutLevel.URGENT),
                    m.id() + ": an urgent 'call your care team now' callout is required for this subject");
        }
        if ("en".equals(m.locale())) {
            Readability rd = ReadabilityMeter.measure(m, m.locale());
            assertTrue(rd.score() <= maxGrade, m.id() + ": Flesch–Kincaid grade " + rd.score() + " is above "
                    + maxGrade + "; sections: " + rd.sections());
            if (m.keyPoints() != null) {
                double kpMax = Double.parseDouble(System.getProperty("careleaf.readability.key-points-max-grade", "5.0"));
                Double kp = keyPointsGrade(m);
                System.out.println("READABILITY " + m.id() + ": module " + rd.score() + ", key points " + kp
                        + ", sections " + rd.sections());
                assertTrue(kp != null && kp <= kpMax, m.id() + ": the key points read at Flesch–Kincaid grade " + kp
                        + ", above " + kpMax + "; use shorter sentences and shorter words");
            }
        }
        if (m.schemaVersion() >= 2) {
            assertTrue(m.keyPoints() != null, m.id() + ": a key points tier");
            // every dated claim cites a source: a module that names a year needs a source that gives its own date
            java.util.regex.Matcher years = YEAR.matcher(String.join(" ", allTexts(m)));
            java.util.Set<String> named = new java.util.TreeSet<>();
            while (years.find()) {
                named.add(years.group());
            }
            long dated = m.sources().stream().filter(s -> s.published() != null).count();
            System.out.println("SOURCES " + m.id() + ": " + m.sources().size() + " sources, " + dated
                    + " with a publisher's date; years named in the text: " + named);
            assertTrue(named.isEmpty() || dated > 0, m.id() + ": the text names " + named
                    + " but no source gives a published or updated date; cite the dated source in this module");
        }
    }

    private static final java.util.regex.Pattern YEAR = java.util.regex.Pattern.compile("\\b(19[5-9]\\d|20\\d\\d)\\b");

    /** The key points' own Flesch–Kincaid grade (the key points are scored like a section). */
    static Double keyPointsGrade(ModuleDocument m) {
        Double kp = ReadabilityMeter.measure(m, "en").sections().get(m.keyPoints().id());
        if (kp == null) {
            // the meter scores sections only; score the key points as a module of their own
            ModuleDocument only = new ModuleDocument(m.schemaVersion(), m.id(), m.version(), m.locale(), m.pack(),
                    m.title(), m.summary(), m.category(), m.order(), m.audience(), m.codes(), m.subtopics(), null,
                    m.review(), m.sources(), List.of(m.keyPoints()));
            kp = ReadabilityMeter.measure(only, "en").score();
        }
        return kp;
    }

    private static List<String> allTexts(ModuleDocument m) {
        List<String> out = new ArrayList<>();
        m.parts().forEach(s -> out.addAll(ReadabilityMeter.texts(s)));
        return out;
    }
}
