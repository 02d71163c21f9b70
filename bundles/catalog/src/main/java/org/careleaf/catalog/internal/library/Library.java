package org.careleaf.catalog.internal.library;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.careleaf.model.Code;
import org.careleaf.model.CodeSystems;
import org.careleaf.model.Completeness;
import org.careleaf.model.LanguageSummary;
import org.careleaf.model.ModuleDocument;
import org.careleaf.model.Problem;
import org.careleaf.model.Readiness;
import org.careleaf.model.TranslationDocument;
import org.careleaf.model.TranslationStatus;
import org.careleaf.model.ViewerText;

/**
 * The catalog's state and the only code that changes it: the services on offer, what was chosen among
 * them, and the published {@link Snapshot}. Each change does the work of what changed (one module and
 * its translations, one translation, one language's strings) and publishes a new snapshot that shares
 * everything else with the previous one, so a change costs the same in a library of ten modules or ten
 * thousand. Thread-safe: changes are serialised, reads take the published snapshot without locking.
 */
public final class Library {

    /** A change hosts may want to know about, posted after the snapshot that contains it is published. */
    public record Change(String kind, Map<String, String> properties) {
    }

    private final Registry<ModuleDocument> modules = new Registry<>(ModuleDocument::id);
    private final Registry<TranslationDocument> translations = new Registry<>(t -> t.module() + "|" + t.locale());
    private final Registry<ViewerText> viewerTexts = new Registry<>(ViewerText::locale);
    private final Map<String, Candidate<TranslationDocument>> chosenTranslations = new HashMap<>();
    /** Chosen translations per module id (whether the module is present or not). */
    private final Map<String, Map<String, TranslationDocument>> translationsByModule = new HashMap<>();
    private final Map<String, Integer> translationsPerLocale = new HashMap<>();
    private final Map<String, Integer> modulesPerSourceLocale = new HashMap<>();
    private final Map<String, List<Problem>> clashes = new LinkedHashMap<>();
    private final Map<String, ViewerText> chosenViewerTexts = new HashMap<>();
    /** Per translated language served: parts, translated, stale, missing and modules translated, over enabled modules. */
    private final Map<String, long[]> totals = new HashMap<>();
    /** Under the require policy: the newest version on offer of a module, when no approval covers it. */
    private final Map<String, Candidate<ModuleDocument>> heldOffer = new HashMap<>();
    private ApprovalRules rules = ApprovalRules.OFF;

    private ShardedMap<String, ModuleEntry> entries = ShardedMap.empty();
    private ModuleKey[] ordered = new ModuleKey[0];
    private ShardedMap<String, ModuleKey[]> byCode = ShardedMap.empty();
    private ShardedMap<String, ModuleKey[]> bySubtopic = ShardedMap.empty();
    private Set<String> disabled = Set.of();
    private Set<String> enabledLocales = Set.of();
    private String defaultLocale = "en";
    private List<String> locales = List.of("en");
    private List<Problem> extenderProblems = List.of();
    /** How far start-up has come, as the extender last reported it. */
    private Readiness progress = new Readiness(false, 0, 0, "the catalog is starting");
    /** Whether the administrators' choices (hidden modules, languages) and the approval rules have been applied. */
    private boolean choicesApplied;
    private boolean approvalsApplied;
    /** What readers are told: ready only once start-up content is in and what administrators chose is applied. */
    private Readiness readiness = progress;

    private volatile Snapshot snapshot = Snapshot.empty(readiness);

    public Snapshot snapshot() {
        return snapshot;
    }

    // ---- changes

    public synchronized List<Change> addModule(Candidate<ModuleDocument> c) {
        List<Change> out = new ArrayList<>();
        for (String id : modules.add(c)) {
            chooseModule(id, out);
        }
        return publish(out);
    }

    /** @param restarting the offering bundle stops only to restart (an update or a refresh) */
    public synchronized List<Change> removeModule(long serviceId, boolean restarting, long now) {
        List<Change> out = new ArrayList<>();
        for (String id : modules.remove(serviceId, restarting, now)) {
            chooseModule(id, out);
        }
        return publish(out);
    }

    public synchronized List<Change> addTranslation(Candidate<TranslationDocument> c) {
        List<Change> out = new ArrayList<>();
        for (String key : translations.add(c)) {
            chooseTranslation(key, out);
        }
        return publish(out);
    }

    public synchronized List<Change> removeTranslation(long serviceId, boolean restarting, long now) {
        List<Change> out = new ArrayList<>();
        for (String key : translations.remove(serviceId, restarting, now)) {
            chooseTranslation(key, out);
        }
        return publish(out);
    }

    public synchronized List<Change> addViewerText(Candidate<ViewerText> c) {
        List<Change> out = new ArrayList<>();
        viewerTexts.add(c).forEach(this::chooseViewerText);
        return publish(out);
    }

    public synchronized List<Change> removeViewerText(long serviceId, boolean restarting, long now) {
        List<Change> out = new ArrayList<>();
        viewerTexts.remove(serviceId, restarting, now).forEach(this::chooseViewerText);
        return publish(out);
    }

    /** A restarted bundle has offered all its documents again; what it no longer offers goes now. */
    public synchronized List<Change> settle(long bundleId) {
        List<Change> out = new ArrayList<>();
        modules.settle(bundleId).forEach(id -> chooseModule(id, out));
        translations.settle(bundleId).forEach(key -> chooseTranslation(key, out));
        viewerTexts.settle(bundleId).forEach(this::chooseViewerText);
        return publish(out);
    }

    /** Documents of bundles that stopped to restart at or before {@code departedBefore} and never came back go. */
    public synchronized List<Change> expire(long departedBefore) {
        List<Change> out = new ArrayList<>();
        modules.expire(departedBefore).forEach(id -> chooseModule(id, out));
        translations.expire(departedBefore).forEach(key -> chooseTranslation(key, out));
        viewerTexts.expire(departedBefore).forEach(this::chooseViewerText);
        return publish(out);
    }

    public synchronized boolean hasDeparting() {
        return modules.hasDeparting() || translations.hasDeparting() || viewerTexts.hasDeparting();
    }

    /** What administrators chose: hidden modules, offered languages, the default language. */
    public synchronized List<Change> configure(Set<String> disabledIds, Set<String> offeredLocales, String fallback) {
        String nextDefault = fallback == null || fallback.isBlank() ? "en" : fallback.trim();
        List<Change> out = new ArrayList<>();
        boolean first = !choicesApplied;
        choicesApplied = true;
        if (disabled.equals(disabledIds) && enabledLocales.equals(offeredLocales) && defaultLocale.equals(nextDefault)) {
            // an echo of what is applied already: nothing a reader could see changes, unless it was the first
            return first && updateReadiness(out) ? publish(out) : List.of();
        }
        Set<String> before = disabled;
        disabled = Set.copyOf(disabledIds);
        for (String id : new TreeSet<>(before)) {
            ModuleEntry e = entries.get(id);
            if (!disabled.contains(id) && e != null) {
                enable(e, true);
            }
        }
        for (String id : new TreeSet<>(disabled)) {
            ModuleEntry e = entries.get(id);
            if (!before.contains(id) && e != null) {
                enable(e, false);
            }
        }
        boolean localesChanged = !enabledLocales.equals(offeredLocales) || !Objects.equals(defaultLocale, nextDefault);
        enabledLocales = Set.copyOf(offeredLocales);
        defaultLocale = nextDefault;
        if (localesChanged) {
            updateLocales(true);
        }
        if (!before.equals(disabled) || localesChanged) {
            out.add(new Change("CONFIGURATION_CHANGED", Map.of("disabled", String.join(",", new TreeSet<>(disabled)))));
        }
        updateReadiness(out);
        return publish(out);
    }

    /** What the extender found wrong, and how far start-up has come. */
    public synchronized List<Change> report(List<Problem> problems, Readiness startup) {
        List<Change> out = new ArrayList<>();
        extenderProblems = List.copyOf(problems);
        progress = startup;
        updateReadiness(out);
        return publish(out);
    }

    /**
     * Readers are told ready only once start-up content is in and what administrators chose is applied:
     * after a restart the components holding their choices start in any order, and a module they hid, or
     * one not approved, must never be served in between. Returns whether readiness changed.
     */
    private boolean updateReadiness(List<Change> out) {
        Readiness next = progress;
        if (progress.ready() && !(choicesApplied && approvalsApplied)) {
            next = new Readiness(false, progress.loaded(), progress.expected(),
                    "applying what administrators chose (hidden modules, languages, approvals)");
        }
        if (next.equals(readiness)) {
            return false;
        }
        if (next.ready() && !readiness.ready()) {
            out.add(new Change("READY", Map.of("modules", String.valueOf(ordered.length))));
        }
        readiness = next;
        return true;
    }

    // ---- choosing

    private void chooseModule(String id, List<Change> out) {
        List<Candidate<ModuleDocument>> offered = modules.candidates(id);
        Selection.Choice<ModuleDocument> newest = Selection.module(offered);
        ModuleEntry old = entries.get(id);
        List<Problem> lost = new ArrayList<>();
        if (newest != null) {
            for (Candidate<ModuleDocument> loser : newest.losers()) {
                lost.add(new Problem(loser.bundle(), null, "$.id", Selection.clashMessage(loser, newest.winner()), id,
                        Instant.now().toString()));
            }
        }
        setClashes("module|" + id, lost);
        Selection.Choice<ModuleDocument> choice = newest;
        Candidate<ModuleDocument> held = null;
        if (rules.requires()) {
            // only what the site's clinicians approved is served: an offered version, or a kept approved copy
            List<Candidate<ModuleDocument>> approved = new ArrayList<>();
            for (Candidate<ModuleDocument> c : offered) {
                if (rules.covers(id, c.document().locale(), hash(c))) {
                    approved.add(c);
                }
            }
            approved.addAll(rules.copiesOf(id));
            choice = Selection.module(approved);
            if (newest != null && (choice == null || !hash(newest.winner()).equals(hash(choice.winner())))) {
                held = newest.winner();
            }
        }
        boolean heldBefore = heldOffer.containsKey(id);
        if (held == null) {
            heldOffer.remove(id);
        } else {
            heldOffer.put(id, held);
        }
        if (held != null && (!heldBefore || heldOffer.get(id) != held)) {
            out.add(new Change("MODULE_HELD", Map.of("module", id, "version", held.document().version())));
        }
        if (choice == null) {
            if (old != null) {
                replace(old, null);
                out.add(new Change("MODULE_REMOVED", Map.of("module", id)));
            }
            return;
        }
        if (old != null && old.chosen == choice.winner()) {
            if (old.heldBack != held) {
                replace(old, old.withHeldBack(held));
            }
            return;
        }
        ModuleEntry next = ModuleEntry.of(choice.winner(), hash(choice.winner()), held,
                translationsByModule.getOrDefault(id, Map.of()));
        replace(old, next);
        if (old == null) {
            out.add(new Change("MODULE_ADDED", Map.of("module", id, "version", next.doc.version())));
        } else if (!old.doc.equals(next.doc) || !old.chosen.figures().equals(next.chosen.figures())) {
            out.add(new Change("MODULE_CHANGED", Map.of("module", id, "version", next.doc.version(), "previous",
                    old.doc.version())));
        }
    }

    /** A candidate's content hash, computed once per candidate. */
    private String hash(Candidate<ModuleDocument> c) {
        return c.contentHash(x -> org.careleaf.catalog.internal.ContentHash.of(x.document(), x.figures()));
    }

    /**
     * The site's approvals changed: the policy, or what is approved for the given modules (null: for every
     * module, as after a policy change). Those modules are chosen again; every other entry is untouched.
     */
    public synchronized List<Change> approvals(ApprovalRules next, Set<String> changedModules) {
        List<Change> out = new ArrayList<>();
        ApprovalRules before = rules;
        rules = next;
        approvalsApplied = true;
        Set<String> ids = new TreeSet<>();
        if (changedModules == null || before.policy() != next.policy()) {
            ids.addAll(modules.keys());
            ids.addAll(next.copies().keySet());
            entries.forEach((id, e) -> ids.add(id));
        } else {
            ids.addAll(changedModules);
        }
        for (String id : ids) {
            chooseModule(id, out);
        }
        for (String id : ids) {
            if (entries.containsKey(id) && !out.stream().anyMatch(c -> id.equals(c.properties().get("module")))) {
                // the served version is the same, but what readers are told about its approval changed
                out.add(new Change("MODULE_CHANGED", Map.of("module", id, "version", entries.get(id).doc.version())));
            }
        }
        updateReadiness(out);
        return publish(out);
    }

    /** The newest version on offer of a module (whatever its approval), or null. */
    public synchronized Candidate<ModuleDocument> offeredModule(String id) {
        Selection.Choice<ModuleDocument> c = Selection.module(modules.candidates(id));
        return c == null ? null : c.winner();
    }

    /** The chosen translation of a module into a language, or null. */
    public synchronized Candidate<TranslationDocument> offeredTranslation(String id, String locale) {
        return chosenTranslations.get(id + "|" + locale);
    }

    /** Every module id on offer, and every translation on offer as {@code id|locale}. */
    public synchronized List<String> offeredKeys() {
        List<String> out = new ArrayList<>(new TreeSet<>(modules.keys()));
        out.addAll(new TreeSet<>(chosenTranslations.keySet()));
        return out;
    }

    /** The content hash of a candidate module version. */
    public String contentHash(Candidate<ModuleDocument> c) {
        return hash(c);
    }

    private void chooseTranslation(String key, List<Change> out) {
        Selection.Choice<TranslationDocument> choice = Selection.translation(translations.candidates(key));
        List<Problem> lost = new ArrayList<>();
        if (choice != null) {
            for (Candidate<TranslationDocument> loser : choice.losers()) {
                lost.add(new Problem(loser.bundle(), null, "$.module", Selection.translationClashMessage(loser,
                        choice.winner()), loser.document().module(), Instant.now().toString()));
            }
        }
        setClashes("translation|" + key, lost);
        Candidate<TranslationDocument> previous = chosenTranslations.get(key);
        Candidate<TranslationDocument> next = choice == null ? null : choice.winner();
        if (previous == next) {
            return;
        }
        int bar = key.indexOf('|');
        String moduleId = key.substring(0, bar);
        String locale = key.substring(bar + 1);
        Map<String, TranslationDocument> byLocale = translationsByModule.computeIfAbsent(moduleId, k -> new HashMap<>());
        if (next == null) {
            chosenTranslations.remove(key);
            byLocale.remove(locale);
            if (byLocale.isEmpty()) {
                translationsByModule.remove(moduleId);
            }
        } else {
            chosenTranslations.put(key, next);
            byLocale.put(locale, next.document());
        }
        boolean localesMayChange = previous == null || next == null;
        if (localesMayChange) {
            translationsPerLocale.merge(locale, next == null ? -1 : 1, Integer::sum);
            translationsPerLocale.remove(locale, 0);
        }
        ModuleEntry e = entries.get(moduleId);
        if (e != null) {
            replace(e, e.withTranslation(locale, next == null ? null : next.document()));
            if (previous == null || next == null || !previous.document().equals(next.document())) {
                out.add(new Change("MODULE_CHANGED", Map.of("module", moduleId, "version", e.doc.version(), "locale",
                        locale)));
            }
        }
        if (localesMayChange) {
            updateLocales();
        }
    }

    private void chooseViewerText(String locale) {
        Selection.Choice<ViewerText> choice = viewerTexts.candidates(locale).isEmpty() ? null
                : new Selection.Choice<>(viewerTexts.candidates(locale).stream()
                        .min(java.util.Comparator.comparingLong(Candidate::serviceId)).orElseThrow(), List.of());
        if (choice == null) {
            chosenViewerTexts.remove(locale);
        } else {
            chosenViewerTexts.put(locale, choice.winner().document());
        }
    }

    private void setClashes(String key, List<Problem> problems) {
        if (problems.isEmpty()) {
            clashes.remove(key);
        } else {
            clashes.put(key, List.copyOf(problems));
        }
    }

    // ---- the indexes of enabled modules

    /** Swaps one entry for another (either may be null), keeping every index and count in step. */
    private void replace(ModuleEntry old, ModuleEntry next) {
        boolean sameShape = old != null && next != null && old.key.equals(next.key)
                && old.doc.codes().equals(next.doc.codes()) && old.doc.subtopics().equals(next.doc.subtopics());
        if (old != null) {
            modulesPerSourceLocale.merge(old.doc.locale(), -1, Integer::sum);
            modulesPerSourceLocale.remove(old.doc.locale(), 0);
            if (old.enabledIn(disabled)) {
                if (!sameShape) {
                    index(old, false);
                }
                count(old, -1);
            }
        }
        if (next != null) {
            entries = entries.with(next.id(), next);
            modulesPerSourceLocale.merge(next.doc.locale(), 1, Integer::sum);
            if (next.enabledIn(disabled)) {
                if (!sameShape) {
                    index(next, true);
                }
                count(next, 1);
            }
        } else if (old != null) {
            entries = entries.without(old.id());
        }
        boolean sourcesChanged = old == null || next == null || !old.doc.locale().equals(next.doc.locale());
        if (sourcesChanged) {
            updateLocales();
        }
    }

    /** Adds an enabled module to (or removes it from) the order, the code indexes and the language totals. */
    private void enable(ModuleEntry e, boolean add) {
        index(e, add);
        count(e, add ? 1 : -1);
    }

    /** Adds a module to (or removes it from) the order and the code and subtopic indexes. */
    private void index(ModuleEntry e, boolean add) {
        ordered = add ? insert(ordered, e.key) : remove(ordered, e.key);
        for (Code c : e.doc.codes()) {
            byCode = indexed(byCode, View.codeKey(c.system(), c.code()), e.key, add);
        }
        for (Code c : e.doc.subtopics()) {
            bySubtopic = indexed(bySubtopic, View.codeKey(c.system(), c.code()), e.key, add);
            bySubtopic = indexed(bySubtopic, "*|" + c.code().trim().toUpperCase(java.util.Locale.ROOT), e.key, add);
        }
    }

    /** Adds a module's parts to (or takes them from) every offered language's totals. */
    private void count(ModuleEntry e, int sign) {
        for (Map.Entry<String, long[]> t : totals.entrySet()) {
            count(t.getValue(), e, t.getKey(), sign);
        }
    }

    private static ShardedMap<String, ModuleKey[]> indexed(ShardedMap<String, ModuleKey[]> index, String key,
            ModuleKey k, boolean add) {
        ModuleKey[] keys = index.get(key);
        ModuleKey[] next = add ? insert(keys == null ? new ModuleKey[0] : keys, k) : keys == null ? null : remove(keys, k);
        return next == null || next.length == 0 ? index.without(key) : index.with(key, next);
    }

    private static ModuleKey[] insert(ModuleKey[] sorted, ModuleKey k) {
        int i = Arrays.binarySearch(sorted, k);
        if (i >= 0) {
            return sorted;
        }
        int at = -i - 1;
        ModuleKey[] out = new ModuleKey[sorted.length + 1];
        System.arraycopy(sorted, 0, out, 0, at);
        out[at] = k;
        System.arraycopy(sorted, at, out, at + 1, sorted.length - at);
        return out;
    }

    private static ModuleKey[] remove(ModuleKey[] sorted, ModuleKey k) {
        int i = Arrays.binarySearch(sorted, k);
        if (i < 0) {
            return sorted;
        }
        ModuleKey[] out = new ModuleKey[sorted.length - 1];
        System.arraycopy(sorted, 0, out, 0, i);
        System.arraycopy(sorted, i + 1, out, i, sorted.length - i - 1);
        return out;
    }

    private static void count(long[] t, ModuleEntry e, String locale, int sign) {
        Completeness c = e.completenessFor(locale);
        t[0] += sign * c.total();
        t[1] += sign * c.translated();
        t[2] += sign * c.stale();
        t[3] += sign * c.missing();
        t[4] += sign * (c.status() == TranslationStatus.MISSING ? 0 : 1);
    }

    /** The source languages, then every translated language on offer, sorted; totals for new ones. */
    private void updateLocales() {
        updateLocales(false);
    }

    private void updateLocales(boolean force) {
        Set<String> sources = new TreeSet<>(modulesPerSourceLocale.keySet());
        Set<String> translated = new TreeSet<>(translationsPerLocale.keySet());
        translated.removeAll(sources);
        if (!enabledLocales.isEmpty()) {
            translated.retainAll(enabledLocales);
        }
        List<String> all = new ArrayList<>(sources.isEmpty() ? Set.of("en") : sources);
        all.addAll(translated);
        if (all.equals(locales) && !force) {
            return;
        }
        locales = List.copyOf(all);
        totals.keySet().retainAll(translated);
        for (String l : translated) {
            if (!totals.containsKey(l)) {
                long[] t = new long[5];
                for (ModuleKey k : ordered) {
                    count(t, entries.get(k.id()), l, 1);
                }
                totals.put(l, t);
            }
        }
    }

    // ---- publishing

    private List<Change> publish(List<Change> changes) {
        Snapshot previous = snapshot;
        Map<String, LanguageSummary> languages = new HashMap<>();
        totals.forEach((l, t) -> languages.put(l, new LanguageSummary(l, false, (int) t[4], (int) t[0], (int) t[1],
                (int) t[2], (int) t[3])));
        List<Problem> problems = new ArrayList<>(extenderProblems);
        clashes.values().forEach(problems::addAll);
        Set<String> sources = Set.copyOf(modulesPerSourceLocale.keySet());
        String fallback = locales.contains(defaultLocale) ? defaultLocale : locales.get(0);
        snapshot = new Snapshot(previous.revision + 1, readiness, entries, ordered, byCode, bySubtopic, disabled, locales,
                sources, fallback, Map.copyOf(chosenViewerTexts), Map.copyOf(languages), List.copyOf(problems), rules);
        List<Change> out = new ArrayList<>(changes.size());
        for (Change c : changes) {
            Map<String, String> props = new HashMap<>(c.properties());
            props.put("revision", String.valueOf(snapshot.revision));
            out.add(new Change(c.kind(), Map.copyOf(props)));
        }
        return out;
    }

    /**
     * Every module for administration, in order: each one served (enabled or not), with the newer version
     * it holds back for review, and each one on offer that is not served because no version is approved.
     */
    public synchronized List<ModuleEntryInfo> entries() {
        List<ModuleEntryInfo> out = new ArrayList<>();
        Snapshot s = snapshot;
        for (ModuleEntry e : s.allEntries()) {
            out.add(new ModuleEntryInfo(e.doc, e.chosen.bundle(), e.chosen.lastGood() && e.chosen.bundleId() != -2,
                    !s.disabled.contains(e.id()), e.sourceReadability().score(), e.completeness,
                    e.heldBack == null ? null : e.heldBack.document().version(), true));
        }
        heldOffer.forEach((id, c) -> {
            if (!s.entries.containsKey(id)) {
                out.add(new ModuleEntryInfo(c.document(), c.bundle(), false, !s.disabled.contains(id), null, Map.of(),
                        c.document().version(), false));
            }
        });
        return out;
    }

    /**
     * What administration shows of one module.
     *
     * @param heldVersion a newer version waiting for the site's approval, or null
     * @param served false when no version of it is approved, so none is served
     */
    public record ModuleEntryInfo(ModuleDocument document, String bundle, boolean lastGood, boolean enabled,
            Double readability, Map<String, Completeness> completeness, String heldVersion, boolean served) {
    }

    /** Modules whose newest version waits for approval, with that version (for health). */
    public synchronized Map<String, String> heldForReview() {
        Map<String, String> out = new java.util.TreeMap<>();
        heldOffer.forEach((id, c) -> out.put(id, c.document().version()));
        return out;
    }

    static String oid(String system) {
        return CodeSystems.oid(system).orElse(system);
    }
}
