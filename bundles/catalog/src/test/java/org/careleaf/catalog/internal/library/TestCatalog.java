package org.careleaf.catalog.internal.library;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.careleaf.catalog.internal.SourceHash;
import org.careleaf.model.Block;
import org.careleaf.model.CatalogView;
import org.careleaf.model.EducationCatalog;
import org.careleaf.model.ModuleDocument;
import org.careleaf.model.Readiness;
import org.careleaf.model.Section;
import org.careleaf.model.TranslatedBlock;
import org.careleaf.model.TranslatedText;
import org.careleaf.model.TranslationDocument;
import org.careleaf.model.TranslationStatus;
import org.careleaf.model.ViewerText;

/**
 * The real catalog library behind an {@link EducationCatalog}, fed with documents directly instead of
 * through OSGi services: for the tests of every surface, so they see exactly what the catalog serves.
 */
public final class TestCatalog implements EducationCatalog {

    private final Library library = new Library();
    private long serviceIds = 1;

    public TestCatalog() {
        ready();
    }

    @Override
    public CatalogView view(String languages) {
        return library.snapshot().view(languages);
    }

    public Library library() {
        return library;
    }

    public TestCatalog module(ModuleDocument d) {
        return module(d, Map.of());
    }

    public TestCatalog module(ModuleDocument d, Map<String, String> figures) {
        library.addModule(new Candidate<>(serviceIds++, 1, "test.content/1.0.0", d, false, figures));
        return this;
    }

    public TestCatalog translation(TranslationDocument t) {
        library.addTranslation(new Candidate<>(serviceIds++, 2, "test.l10n/1.0.0", t, false, null));
        return this;
    }

    public TestCatalog viewerText(String locale, Map<String, String> strings) {
        library.addViewerText(new Candidate<>(serviceIds++, 3, "test.l10n/1.0.0",
                new ViewerText(1, locale, TranslationStatus.MACHINE_ASSISTED, "test", strings), false, null));
        return this;
    }

    public TestCatalog disable(String... ids) {
        library.configure(Set.of(ids), Set.of(), "en");
        return this;
    }

    public TestCatalog starting(int loaded, int expected) {
        library.report(List.of(), new Readiness(false, loaded, expected, loaded + " of " + expected + " loaded"));
        return this;
    }

    /** Start-up content is in, and the administrators' choices and approval rules (none) are applied. */
    public TestCatalog ready() {
        library.configure(Set.of(), Set.of(), "en");
        library.approvals(ApprovalRules.OFF, Set.of());
        library.report(List.of(), new Readiness(true, 0, 0, null));
        return this;
    }

    /**
     * A machine-assisted translation of every part of {@code m} through {@code translate}, made from the
     * current text (so it is current), except the parts in {@code leaveOut}, which it lacks, and the parts
     * in {@code stale}, which it translates from older text.
     */
    public static TranslationDocument translate(ModuleDocument m, String locale, UnaryOperator<String> translate,
            Set<String> leaveOut, Set<String> stale) {
        Map<String, TranslatedText> sections = new HashMap<>();
        Map<String, TranslatedBlock> blocks = new HashMap<>();
        for (Section s : m.parts()) {
            if (!leaveOut.contains(s.id())) {
                sections.put(s.id(), new TranslatedText(hash(s.title(), s.id(), stale), translate.apply(s.title())));
            }
            for (Block b : s.blocks()) {
                if (leaveOut.contains(b.id())) {
                    continue;
                }
                String h = stale.contains(b.id()) ? SourceHash.of("older " + b.id()) : SourceHash.of(b);
                blocks.put(b.id(), new TranslatedBlock(h, map(b.title(), translate), map(b.text(), translate),
                        map(b.term(), translate), b.items().stream().map(translate).toList(), map(b.alt(), translate)));
            }
        }
        TranslatedText title = leaveOut.contains("$title") ? null
                : new TranslatedText(hash(m.title(), "$title", stale), translate.apply(m.title()));
        TranslatedText summary = leaveOut.contains("$summary") ? null
                : new TranslatedText(hash(m.summary(), "$summary", stale), translate.apply(m.summary()));
        return new TranslationDocument(1, m.id(), locale, m.version(), TranslationStatus.MACHINE_ASSISTED,
                "machine-assisted test translation", title, summary, sections, blocks);
    }

    private static String hash(String text, String id, Set<String> stale) {
        return stale.contains(id) ? SourceHash.of("older " + id) : SourceHash.of(text);
    }

    private static String map(String s, UnaryOperator<String> f) {
        return s == null ? null : f.apply(s);
    }
}
