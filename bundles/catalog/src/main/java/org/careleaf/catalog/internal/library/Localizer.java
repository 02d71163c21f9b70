package org.careleaf.catalog.internal.library;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.careleaf.catalog.internal.ReadabilityMeter;
import org.careleaf.model.ApprovalState;
import org.careleaf.model.Block;
import org.careleaf.model.Completeness;
import org.careleaf.model.ModuleDocument;
import org.careleaf.model.ModuleView;
import org.careleaf.model.Readability;
import org.careleaf.model.Section;
import org.careleaf.model.TranslatedBlock;
import org.careleaf.model.TranslatedText;
import org.careleaf.model.TranslationDocument;
import org.careleaf.model.TranslationStatus;

/**
 * Applies a translation to a module. A part is used only when its recorded source hash matches the
 * module's current text and it has every field the source has; otherwise the source text is served and
 * the part is listed as a fallback (and as stale when a translation exists but is out of date).
 */
public final class Localizer {

    private Localizer() {
    }

    /** The module in its source language. */
    public static ModuleView source(ModuleDocument m, Readability readability, ApprovalState approval) {
        return new ModuleView(m, m.locale(), m.locale(), m.locale(), TranslationStatus.SOURCE, List.of(), List.of(),
                readability, approval, null);
    }

    /**
     * The module for a reader who asked for {@code locale}: translated where {@code t} is current, in the
     * source language where it is not or where {@code t} is null ({@code missing} says why: no translation,
     * or one that waits for approval).
     */
    public static ModuleView view(ModuleDocument m, PartHashesView hashes, String locale, TranslationDocument t,
            TranslationStatus missing, Readability sourceReadability, ApprovalState approval,
            ApprovalState translationApproval) {
        return view(m, hashes, locale, t, missing, sourceReadability, approval, translationApproval,
                translated -> ReadabilityMeter.measure(translated, translated.locale()));
    }

    /** As above, with the readability of the translated text found by {@code measure} (which may remember it). */
    public static ModuleView view(ModuleDocument m, PartHashesView hashes, String locale, TranslationDocument t,
            TranslationStatus missing, Readability sourceReadability, ApprovalState approval,
            ApprovalState translationApproval, java.util.function.Function<ModuleDocument, Readability> measure) {
        if (locale.equals(m.locale())) {
            return source(m, sourceReadability, approval);
        }
        if (t == null) {
            return new ModuleView(m, locale, m.locale(), m.locale(), missing, allParts(m), List.of(),
                    sourceReadability, approval, translationApproval);
        }
        Parts parts = new Parts(hashes);
        String title = parts.text(ModuleView.TITLE_ID, m.title(), t.title());
        String summary = parts.text(ModuleView.SUMMARY_ID, m.summary(), t.summary());
        Section keyPoints = m.keyPoints() == null ? null : parts.section(m.keyPoints(), t);
        List<Section> sections = new ArrayList<>(m.sections().size());
        for (Section s : m.sections()) {
            sections.add(parts.section(s, t));
        }
        ModuleDocument translated = new ModuleDocument(m.schemaVersion(), m.id(), m.version(), t.locale(), m.pack(), title,
                summary, m.category(), m.order(), m.audience(), m.codes(), m.subtopics(), keyPoints, m.review(),
                m.sources(), sections);
        return new ModuleView(translated, locale, t.locale(), m.locale(), t.status(), parts.fallback, parts.stale,
                measure.apply(translated), approval, translationApproval);
    }

    /** The module for a reader of {@code locale}, with {@code t} applied (or none): for checks and tests. */
    public static ModuleView view(ModuleDocument m, String locale, TranslationDocument t) {
        return view(m, PartHashes.of(m), locale, t, TranslationStatus.MISSING, ReadabilityMeter.measure(m, m.locale()),
                null, null);
    }

    /** Counts of one translation (or of none) against the module's current text: for checks and tests. */
    public static Completeness completeness(ModuleDocument m, String locale, TranslationDocument t) {
        return completeness(m, PartHashes.of(m), locale, t);
    }

    /** Counts of one translation (or of none) against the module's current text, without building the view. */
    public static Completeness completeness(ModuleDocument m, PartHashesView hashes, String locale, TranslationDocument t) {
        int total = hashes.total();
        if (t == null) {
            return new Completeness(m.id(), locale, TranslationStatus.MISSING, total, 0, 0, total);
        }
        int translated = 0;
        int stale = 0;
        translated += count(hashes.of(ModuleView.TITLE_ID), t.title());
        stale += staleCount(hashes.of(ModuleView.TITLE_ID), t.title());
        translated += count(hashes.of(ModuleView.SUMMARY_ID), t.summary());
        stale += staleCount(hashes.of(ModuleView.SUMMARY_ID), t.summary());
        for (Section s : m.parts()) {
            TranslatedText st = t.sections().get(s.id());
            translated += count(hashes.of(s.id()), st);
            stale += staleCount(hashes.of(s.id()), st);
            for (Block b : s.blocks()) {
                TranslatedBlock tb = t.blocks().get(b.id());
                if (tb != null && fits(b, tb)) {
                    if (tb.source().equals(hashes.of(b.id()))) {
                        translated++;
                    } else {
                        stale++;
                    }
                }
            }
        }
        return new Completeness(m.id(), locale, t.status(), total, translated, stale, total - translated - stale);
    }

    private static int count(String hash, TranslatedText t) {
        return t != null && t.source().equals(hash) ? 1 : 0;
    }

    private static int staleCount(String hash, TranslatedText t) {
        return t != null && !t.source().equals(hash) ? 1 : 0;
    }

    private static List<String> allParts(ModuleDocument m) {
        List<String> all = new ArrayList<>();
        all.add(ModuleView.TITLE_ID);
        all.add(ModuleView.SUMMARY_ID);
        for (Section s : m.parts()) {
            all.add(s.id());
            s.blocks().forEach(b -> all.add(b.id()));
        }
        return all;
    }

    /** A translation has exactly the fields its source block has, and as many items. */
    public static boolean fits(Block b, TranslatedBlock tr) {
        return (b.title() == null) == (tr.title() == null)
                && (b.text() == null) == (tr.text() == null)
                && (b.term() == null) == (tr.term() == null)
                && (b.alt() == null) == (tr.alt() == null)
                && b.items().size() == tr.items().size()
                && Objects.nonNull(tr.source());
    }

    /** The source hashes a translation is checked against. */
    public interface PartHashesView {
        String of(String id);

        int total();
    }

    /** Collects which parts fall back to the source, and why. */
    private static final class Parts {
        final PartHashesView hashes;
        final List<String> fallback = new ArrayList<>();
        final List<String> stale = new ArrayList<>();

        Parts(PartHashesView hashes) {
            this.hashes = hashes;
        }

        Section section(Section s, TranslationDocument t) {
            String title = text(s.id(), s.title(), t.sections().get(s.id()));
            List<Block> blocks = new ArrayList<>(s.blocks().size());
            for (Block b : s.blocks()) {
                blocks.add(block(b, t.blocks().get(b.id())));
            }
            return new Section(s.id(), title, blocks);
        }

        String text(String id, String source, TranslatedText tr) {
            if (tr == null) {
                fallback.add(id);
                return source;
            }
            if (!tr.source().equals(hashes.of(id))) {
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
            if (!tr.source().equals(hashes.of(b.id()))) {
                fallback.add(b.id());
                stale.add(b.id());
                return b;
            }
            return new Block(b.id(), b.type(), b.level(), tr.title(), tr.text(), tr.term(), tr.items(), b.src(), tr.alt());
        }
    }
}
