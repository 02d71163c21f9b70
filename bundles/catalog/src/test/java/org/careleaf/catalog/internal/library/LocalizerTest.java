package org.careleaf.catalog.internal.library;

import org.careleaf.catalog.internal.DocumentParser;
import org.careleaf.catalog.internal.Fixtures;
import org.careleaf.catalog.internal.SourceHash;
import org.careleaf.model.TranslationStatus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.careleaf.model.Block;
import org.careleaf.model.Completeness;
import org.careleaf.model.ModuleDocument;
import org.careleaf.model.ModuleView;
import org.careleaf.model.Section;
import org.careleaf.model.TranslatedBlock;
import org.careleaf.model.TranslatedText;
import org.careleaf.model.TranslationDocument;
import org.junit.jupiter.api.Test;

class LocalizerTest {

    private final ModuleDocument module = DocumentParser.module(Fixtures.bytes("valid-module.json")).document();

    /** A complete, current Spanish translation of the fixture. */
    private TranslationDocument spanish(ModuleDocument m) {
        Map<String, TranslatedText> sections = new HashMap<>();
        Map<String, TranslatedBlock> blocks = new HashMap<>();
        for (Section s : m.parts()) {
            sections.put(s.id(), new TranslatedText(SourceHash.of(s.title()), "ES " + s.title()));
            for (Block b : s.blocks()) {
                blocks.put(b.id(), new TranslatedBlock(SourceHash.of(b), b.title() == null ? null : "ES " + b.title(),
                        b.text() == null ? null : "ES " + b.text(), b.term() == null ? null : "ES " + b.term(),
                        b.items().stream().map(i -> "ES " + i).toList(), b.alt() == null ? null : "ES " + b.alt()));
            }
        }
        return new TranslationDocument(1, m.id(), "es", m.version(), TranslationStatus.MACHINE_ASSISTED, "nota",
                new TranslatedText(SourceHash.of(m.title()), "ES title"),
                new TranslatedText(SourceHash.of(m.summary()), "ES summary"), sections, blocks);
    }

    @Test
    void currentTranslationReplacesEveryPart() {
        ModuleView v = Localizer.view(module, "es", spanish(module));
        assertEquals("es", v.locale());
        assertEquals(TranslationStatus.MACHINE_ASSISTED, v.translationStatus());
        assertEquals(List.of(), v.fallbackIds());
        assertEquals("ES title", v.content().title());
        assertEquals("ES " + module.sections().get(0).blocks().get(0).text(),
                v.content().sections().get(0).blocks().get(0).text());
        assertEquals("fernandez-huerta", v.readability().formula());
    }

    @Test
    void exactlyTheChangedBlockGoesStaleAndFallsBackToEnglish() {
        TranslationDocument es = spanish(module);
        Section s = module.sections().get(0);
        Block changed = new Block("first-q1", s.blocks().get(3).type(), null, null, "What should I ask first?", null,
                List.of(), null, null);
        List<Block> blocks = new java.util.ArrayList<>(s.blocks());
        blocks.set(3, changed);
        ModuleDocument updated = new ModuleDocument(1, module.id(), "1.1.0", "en", module.pack(), module.title(),
                module.summary(), module.category(), module.order(), module.audience(), module.codes(), module.subtopics(),
                module.keyPoints(), module.review(),
                module.sources(), List.of(new Section(s.id(), s.title(), blocks)));
        ModuleView v = Localizer.view(updated, "es", es);
        assertEquals(List.of("first-q1"), v.staleIds());
        assertEquals(List.of("first-q1"), v.fallbackIds());
        assertEquals("What should I ask first?", v.content().sections().get(0).blocks().get(3).text());
        assertTrue(v.content().sections().get(0).blocks().get(0).text().startsWith("ES "));
        Completeness c = Localizer.completeness(updated, "es", es);
        assertEquals(new Completeness(module.id(), "es", TranslationStatus.MACHINE_ASSISTED, 8, 7, 1, 0), c);
    }

    @Test
    void missingPartsFallBackAndAreCounted() {
        TranslationDocument es = spanish(module);
        Map<String, TranslatedBlock> fewer = new HashMap<>(es.blocks());
        fewer.remove("first-g1");
        TranslationDocument partial = new TranslationDocument(1, es.module(), "es", es.translatedFrom(), es.status(),
                es.note(), es.title(), es.summary(), es.sections(), fewer);
        ModuleView v = Localizer.view(module, "es", partial);
        assertEquals(List.of("first-g1"), v.fallbackIds());
        assertEquals(List.of(), v.staleIds());
        assertEquals(new Completeness(module.id(), "es", TranslationStatus.MACHINE_ASSISTED, 8, 7, 0, 1),
                Localizer.completeness(module, "es", partial));
    }

    @Test
    void noTranslationServesTheSourceMarkedMissing() {
        ModuleView v = Localizer.view(module, "de", null);
        assertEquals("en", v.locale());
        assertEquals("de", v.requested());
        assertEquals(TranslationStatus.MISSING, v.translationStatus());
        assertEquals(8, v.fallbackIds().size());
    }

    @Test
    void itemCountMismatchIsNotServed() {
        TranslationDocument es = spanish(module);
        Map<String, TranslatedBlock> blocks = new HashMap<>(es.blocks());
        TranslatedBlock list = blocks.get("first-l1");
        blocks.put("first-l1", new TranslatedBlock(list.source(), null, list.text(), null, List.of("solo uno"), null));
        ModuleView v = Localizer.view(module, "es", new TranslationDocument(1, es.module(), "es", es.translatedFrom(),
                es.status(), es.note(), es.title(), es.summary(), es.sections(), blocks));
        assertEquals(List.of("first-l1"), v.fallbackIds());
    }
}
