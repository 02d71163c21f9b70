package org.careleaf.catalog.internal.library;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.careleaf.model.LanguageSummary;
import org.careleaf.model.Problem;
import org.careleaf.model.Readiness;
import org.careleaf.model.ViewerText;

/**
 * Everything the catalog answers, at one revision: the single place state lives. Immutable; the
 * {@link Library} makes a new one per change, sharing what did not change with the one before.
 */
public final class Snapshot {

    final long revision;
    final Readiness readiness;
    /** Every chosen module by id, enabled or not. */
    final ShardedMap<String, ModuleEntry> entries;
    /** The enabled modules, in order. */
    final ModuleKey[] ordered;
    /** Enabled modules by code ({@code OID|CODE}) and by subtopic ({@code OID|CODE} and {@code *|CODE}), in order. */
    final ShardedMap<String, ModuleKey[]> byCode;
    final ShardedMap<String, ModuleKey[]> bySubtopic;
    final Set<String> disabled;
    final List<String> locales;
    final Set<String> sourceLocales;
    final String defaultLocale;
    final Map<String, ViewerText> viewerTexts;
    /** Per translated language served: translation counts over the enabled modules. */
    final Map<String, LanguageSummary> languages;
    final List<Problem> problems;
    final ApprovalRules rules;
    /**
     * Language preferences already resolved against {@link #locales}. Readers send few distinct ones, and
     * parsing a preference cost more than the rest of answering from the render cache. Bounded, because
     * the values come from clients; a new snapshot starts afresh, so an answer never outlives its locales.
     */
    private final Map<String, String> resolved = new ConcurrentHashMap<>();
    static final int MAX_RESOLVED = 1024;

    Snapshot(long revision, Readiness readiness, ShardedMap<String, ModuleEntry> entries, ModuleKey[] ordered,
            ShardedMap<String, ModuleKey[]> byCode, ShardedMap<String, ModuleKey[]> bySubtopic, Set<String> disabled,
            List<String> locales, Set<String> sourceLocales, String defaultLocale, Map<String, ViewerText> viewerTexts,
            Map<String, LanguageSummary> languages, List<Problem> problems, ApprovalRules rules) {
        this.revision = revision;
        this.readiness = readiness;
        this.entries = entries;
        this.ordered = ordered;
        this.byCode = byCode;
        this.bySubtopic = bySubtopic;
        this.disabled = disabled;
        this.locales = locales;
        this.sourceLocales = sourceLocales;
        this.defaultLocale = defaultLocale;
        this.viewerTexts = viewerTexts;
        this.languages = languages;
        this.problems = problems;
        this.rules = rules;
    }

    static Snapshot empty(Readiness readiness) {
        return new Snapshot(0, readiness, ShardedMap.empty(), new ModuleKey[0], ShardedMap.empty(), ShardedMap.empty(),
                Set.of(), List.of("en"), Set.of(), "en", Map.of(), Map.of(), List.of(), ApprovalRules.OFF);
    }

    public long revision() {
        return revision;
    }

    public Readiness readiness() {
        return readiness;
    }

    /** The view for a reader with this language preference. */
    public View view(String languages) {
        String preference = languages == null ? "" : languages;
        String locale = resolved.get(preference);
        if (locale == null) {
            locale = LocaleResolver.resolve(preference, locales, defaultLocale);
            if (preference.length() <= LocaleResolver.MAX_LENGTH && resolved.size() < MAX_RESOLVED) {
                resolved.putIfAbsent(preference, locale);
            }
        }
        return new View(this, locale);
    }

    /** How many preferences are remembered, for tests. */
    int resolvedCount() {
        return resolved.size();
    }

    /** Every chosen module's entry, enabled or not, in order (for administration). */
    List<ModuleEntry> allEntries() {
        List<ModuleEntry> all = new java.util.ArrayList<>(entries.values());
        all.sort((a, b) -> a.key.compareTo(b.key));
        return all;
    }

    ModuleEntry enabledEntry(String id) {
        ModuleEntry e = id == null ? null : entries.get(id);
        return e == null || disabled.contains(id) ? null : e;
    }

    /** Index of the first enabled module after the key (binary search in the order). */
    int after(ModuleKey key) {
        int i = Arrays.binarySearch(ordered, key);
        return i >= 0 ? i + 1 : -i - 1;
    }
}
