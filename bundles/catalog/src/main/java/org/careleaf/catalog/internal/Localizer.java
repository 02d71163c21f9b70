package org.careleaf.catalog.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.careleaf.model.Block;
import org.careleaf.model.Completeness;
import org.careleaf.model.ModuleDocument;
import org.careleaf.model.ModuleView;
import org.careleaf.model.Section;
import org.careleaf.model.TranslatedBlock;
import org.careleaf.model.TranslatedText;
import org.careleaf.model.TranslationDocument;

/**
 * Applies a translation to a module. A part is used only when its recorded source hash matches the
 * module's current text and it has every field the source has; otherwise the source text is served and
 * the part is listed as a fallback (and as stale when a translation exists but is out of date).
 */
final class Localizer {

    private Localizer() {
    }

    /** The module in the source language, as asked for. */
    static ModuleView source(ModuleDocument m) {
        return new ModuleView(m, m.locale(), m.locale(), m.locale(), ModuleView.SOURCE, List.of(), List.of(),
                ReadabilityMeter.measure(m, m.locale()));
    }

    /** The module for a reader who asked for {@code locale}, with or without a translation. */
    static ModuleView view(ModuleDocument m, String locale, TranslationDocument t) {
        if (locale.equals(m.locale())) {
            return source(m);
        }
        if (t == null) {
            List<String> all = new ArrayList<>();
            all.add(ModuleView.TITLE_ID);
            all.add(ModuleView.SUMMARY_ID);
            for (Section s : m.sections()) {
                all.add(s.id());
                s.blocks().forEach(b -> all.add(b.id()));
            }
            return new ModuleView(m, locale, m.locale(), m.locale(), ModuleView.MISSING, all, List.of(),
                    ReadabilityMeter.measure(m, m.locale()));
        }
        Parts parts = new Parts();
        String title = parts.text(ModuleView.TITLE_ID, m.title(), t.title());
        String summary = parts.text(ModuleView.SUMMARY_ID, m.summary(), t.summary());
        List<Section> sections = new ArrayList<>();
        for (Section s : m.sections()) {
            String st = parts.text(s.id(), s.title(), t.sections().get(s.id()));
            List<Block> blocks = new ArrayList<>();
            for (Block b : s.blocks()) {
                blocks.add(parts.block(b, t.blocks().get(b.id())));
            }
            sections.add(new Section(s.id(), st, blocks));
        }
        ModuleDocument translated = new ModuleDocument(m.schemaVersion(), m.id(), m.version(), t.locale(), m.pack(), title,
                summary, m.category(), m.order(), m.audience(), m.codes(), m.subtopics(), m.review(), m.sources(), sections);
        return new ModuleView(translated, locale, t.locale(), m.locale(), t.status(), parts.fallback, parts.stale,
                ReadabilityMeter.measure(translated, t.locale()));
    }

    /** Counts of one translation against the module's current text. */
    static Completeness completeness(ModuleDocument m, String locale, TranslationDocument t) {
        return completeness(m, view(m, locale, t));
    }

    /** Counts of an already localised view of the module. */
    static Completeness completeness(ModuleDocument m, ModuleView v) {
        int total = 2;
        for (Section s : m.sections()) {
            total += 1 + s.blocks().size();
        }
        int fallback = v.fallbackIds().size();
        int stale = v.staleIds().size();
        return new Completeness(m.id(), v.requested(), v.translationStatus(), total, total - fallback, stale,
                fallback - stale);
    }

    /** Collects which parts fall back to the source, and why. */
    private static final class Parts {
        final List<String> fallback = new ArrayList<>();
        final List<String> stale = new ArrayList<>();

        String text(String id, String source, TranslatedText tr) {
            if (tr == null) {
                fallback.add(id);
                return source;
            }
            if (!tr.source().equals(SourceHash.of(source))) {
                fallback.add(id);
                stale.add(id);
                return source;
            }
            return tr.text();
        }

        Block block(Block b, TranslatedBlock tr) {
            if (tr == null || !fits(b, tr)) {
                fallback.add(b.id());
                return b;
            }
            if (!tr.source().equals(SourceHash.of(b))) {
                fallback.add(b.id());
                stale.add(b.id());
                return b;
            }
            return new Block(b.id(), b.type(), b.level(), tr.title(), tr.text(), tr.term(), tr.items());
        }

        /** A translation has exactly the fields its source block has, and as many items. */
        private static boolean fits(Block b, TranslatedBlock tr) {
            return (b.title() == null) == (tr.title() == null)
                    && (b.text() == null) == (tr.text() == null)
                    && (b.term() == null) == (tr.term() == null)
                    && b.items().size() == tr.items().size()
                    && Objects.nonNull(tr.source());
        }
    }
}
