package org.careleaf.catalog.internal.library;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.careleaf.model.ModuleDocument;
import org.careleaf.model.TranslationDocument;
import org.careleaf.model.TranslationStatus;
import org.osgi.framework.Version;

/**
 * Which of several documents with the same id is served: pure functions, so the rule can be read and
 * tested on its own.
 *
 * <p>Modules: the highest content version wins; on equal versions a fresh copy beats a kept last good
 * one, then the lowest service id (the first registered) wins. Translations of one module into one
 * language: a reviewed one beats a machine-assisted one, then the one made from the newest source
 * version, then a fresh copy beats a kept last good one, then the first registered.
 */
public final class Selection {

    /** The winner and, in order, the candidates that lost to it. */
    public record Choice<D>(Candidate<D> winner, List<Candidate<D>> losers) {
    }

    static final Comparator<Candidate<ModuleDocument>> MODULE_RULE = Comparator
            .comparing((Candidate<ModuleDocument> c) -> version(c.document().version())).reversed()
            .thenComparing(Candidate::lastGood)
            .thenComparingLong(Candidate::serviceId);

    static final Comparator<Candidate<TranslationDocument>> TRANSLATION_RULE = Comparator
            .comparing((Candidate<TranslationDocument> c) -> c.document().status() != TranslationStatus.REVIEWED)
            .thenComparing(c -> version(c.document().translatedFrom()), Comparator.reverseOrder())
            .thenComparing(Candidate::lastGood)
            .thenComparingLong(Candidate::serviceId);

    private Selection() {
    }

    /** The module to serve among candidates with the same id; null when there are none. */
    public static Choice<ModuleDocument> module(List<Candidate<ModuleDocument>> candidates) {
        return choose(candidates, MODULE_RULE);
    }

    /** The translation to serve among candidates for the same module and language; null when there are none. */
    public static Choice<TranslationDocument> translation(List<Candidate<TranslationDocument>> candidates) {
        return choose(candidates, TRANSLATION_RULE);
    }

    /** Why a module candidate is not served, for the problem list. */
    public static String clashMessage(Candidate<ModuleDocument> loser, Candidate<ModuleDocument> winner) {
        ModuleDocument d = loser.document();
        return "module id clash: '" + d.id() + "' version " + d.version() + " is not served because " + winner.bundle()
                + " provides version " + winner.document().version() + " (the highest version wins; on equal versions "
                + "a fresh copy beats a kept last good one, then the first registered)";
    }

    /** Why a translation candidate is not served. */
    public static String translationClashMessage(Candidate<TranslationDocument> loser,
            Candidate<TranslationDocument> winner) {
        TranslationDocument t = loser.document();
        return "translation clash: the " + t.locale() + " translation of '" + t.module() + "' is not served because "
                + winner.bundle() + " provides a preferred one (reviewed first, then made from the newest version)";
    }

    private static <D> Choice<D> choose(List<Candidate<D>> candidates, Comparator<Candidate<D>> rule) {
        if (candidates.isEmpty()) {
            return null;
        }
        List<Candidate<D>> sorted = new ArrayList<>(candidates);
        sorted.sort(rule);
        return new Choice<>(sorted.get(0), List.copyOf(sorted.subList(1, sorted.size())));
    }

    /** A content version; one the validator would refuse sorts lowest rather than failing the choice. */
    static Version version(String v) {
        try {
            return Version.parseVersion(v);
        } catch (IllegalArgumentException e) {
            return Version.emptyVersion;
        }
    }
}
