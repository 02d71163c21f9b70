package org.careleaf.catalog.internal.library;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.careleaf.catalog.internal.ReadabilityMeter;
import org.careleaf.model.Completeness;
import org.careleaf.model.ModuleDocument;
import org.careleaf.model.ModuleView;
import org.careleaf.model.Readability;
import org.careleaf.model.TranslationDocument;
import org.careleaf.model.TranslationStatus;

/**
 * One module as served: the chosen version, its chosen translations, and what is computed once per
 * change of either (source hashes, completeness per language; readability on first use). Immutable; a
 * change to the module or to one translation makes a new entry and costs that module's work only.
 */
final class ModuleEntry {

    final Candidate<ModuleDocument> chosen;
    final ModuleDocument doc;
    /** The hash an approval of the version served must name. */
    final String contentHash;
    /** A newer version on offer that the site's clinicians have not approved yet (require policy); else null. */
    final Candidate<ModuleDocument> heldBack;
    final ModuleKey key;
    final PartHashes hashes;
    /** Chosen translation per language. */
    final Map<String, TranslationDocument> translations;
    /** Completeness per language that has a translation. */
    final Map<String, Completeness> completeness;
    /** Readability of the text served per language (the source's under its own), measured on first use: at most one per language. */
    private final ConcurrentHashMap<String, Readability> readability;
    /** Content hash per translation, computed on first use. */
    private final ConcurrentHashMap<String, String> translationHashes;

    private ModuleEntry(Candidate<ModuleDocument> chosen, String contentHash, Candidate<ModuleDocument> heldBack,
            PartHashes hashes, Map<String, TranslationDocument> translations, Map<String, Completeness> completeness,
            ConcurrentHashMap<String, Readability> readability, ConcurrentHashMap<String, String> translationHashes) {
        this.chosen = chosen;
        this.doc = chosen.document();
        this.contentHash = contentHash;
        this.heldBack = heldBack;
        this.key = new ModuleKey(doc.order(), doc.id());
        this.hashes = hashes;
        this.translations = translations;
        this.completeness = completeness;
        this.readability = readability;
        this.translationHashes = translationHashes;
    }

    static ModuleEntry of(Candidate<ModuleDocument> chosen, String contentHash, Candidate<ModuleDocument> heldBack,
            Map<String, TranslationDocument> translations) {
        ModuleDocument m = chosen.document();
        PartHashes hashes = PartHashes.of(m);
        Map<String, Completeness> completeness = new HashMap<>();
        translations.forEach((locale, t) -> completeness.put(locale, Localizer.completeness(m, hashes, locale, t)));
        return new ModuleEntry(chosen, contentHash, heldBack, hashes, Map.copyOf(translations), Map.copyOf(completeness), new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
    }

    /** The same module version with another held-back candidate (or none); what was measured is kept. */
    ModuleEntry withHeldBack(Candidate<ModuleDocument> held) {
        return new ModuleEntry(chosen, contentHash, held, hashes, translations, completeness,
                readability, translationHashes);
    }

    String translationHash(String locale) {
        TranslationDocument t = translations.get(locale);
        return t == null ? null : translationHashes.computeIfAbsent(locale,
                l -> org.careleaf.catalog.internal.ContentHash.of(t));
    }

    /** This entry with the translation into {@code locale} replaced (or removed, when null). */
    ModuleEntry withTranslation(String locale, TranslationDocument t) {
        Map<String, TranslationDocument> ts = new HashMap<>(translations);
        Map<String, Completeness> cs = new HashMap<>(completeness);
        if (t == null) {
            ts.remove(locale);
            cs.remove(locale);
        } else {
            ts.put(locale, t);
            cs.put(locale, Localizer.completeness(doc, hashes, locale, t));
        }
        // what was measured of the other languages still holds: only this language's text changed
        return new ModuleEntry(chosen, contentHash, heldBack, hashes, Map.copyOf(ts), Map.copyOf(cs),
                without(readability, locale), without(translationHashes, locale));
    }

    private static <V> ConcurrentHashMap<String, V> without(ConcurrentHashMap<String, V> measured, String locale) {
        ConcurrentHashMap<String, V> copy = measured.isEmpty() ? new ConcurrentHashMap<>(4) : new ConcurrentHashMap<>(measured);
        copy.remove(locale);
        return copy;
    }

    /** Readability of the source text: measured when first asked for, not at load (a tenth of a module's load). */
    Readability sourceReadability() {
        return readability.computeIfAbsent(doc.locale(), l -> ReadabilityMeter.measure(doc, l));
    }

    /** Completeness in a translated language, counting every part missing when there is no translation. */
    Completeness completenessFor(String locale) {
        Completeness c = completeness.get(locale);
        return c != null ? c : new Completeness(doc.id(), locale, TranslationStatus.MISSING, hashes.total(), 0, 0,
                hashes.total());
    }

    ModuleView view(String locale) {
        return view(locale, ApprovalRules.OFF);
    }

    /**
     * The module for a reader of {@code locale}, with what the site's approvals say about it. Under the
     * require policy a translation no approval covers is not served: the approved source text is, marked
     * as awaiting approval.
     */
    ModuleView view(String locale, ApprovalRules rules) {
        org.careleaf.model.ApprovalState approval = rules.state(doc.id(), doc.locale(), contentHash);
        if (locale.equals(doc.locale())) {
            return Localizer.source(doc, sourceReadability(), approval);
        }
        TranslationDocument t = translations.get(locale);
        org.careleaf.model.ApprovalState translationApproval = t == null ? null
                : rules.state(doc.id(), locale, translationHash(locale));
        TranslationStatus missing = TranslationStatus.MISSING;
        if (t != null && rules.requires() && !translationApproval.approved()) {
            t = null;
            missing = TranslationStatus.AWAITING_APPROVAL;
        }
        return Localizer.view(doc, hashes, locale, t, missing, sourceReadability(), approval, translationApproval,
                translated -> readability.computeIfAbsent(locale,
                        l -> ReadabilityMeter.measure(translated, translated.locale())));
    }

    String id() {
        return doc.id();
    }

    boolean enabledIn(java.util.Set<String> disabled) {
        return !disabled.contains(doc.id());
    }
}
