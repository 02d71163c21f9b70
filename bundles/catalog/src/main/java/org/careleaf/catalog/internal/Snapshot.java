package org.careleaf.catalog.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.careleaf.model.Completeness;
import org.careleaf.model.ModuleDocument;
import org.careleaf.model.ModuleView;
import org.careleaf.model.TranslationDocument;
import org.careleaf.model.ViewerText;

/**
 * Everything the catalog answers, computed once per change: every enabled module in every offered
 * language, in order. Requests only look things up.
 */
final class Snapshot {

    final long revision;
    /** All chosen modules by id, enabled or not, in display order. */
    final Map<String, ModuleDocument> modules;
    final Set<String> disabled;
    final List<String> locales;
    final String defaultLocale;
    /** locale → enabled module views in order. */
    final Map<String, List<ModuleView>> views = new LinkedHashMap<>();
    final List<Completeness> completeness = new ArrayList<>();

    final Map<String, ViewerText> viewerText;

    Snapshot(long revision, Map<String, ModuleDocument> modules, Map<String, Map<String, TranslationDocument>> translations,
            Map<String, ViewerText> viewerText, Set<String> disabled, Set<String> enabledLocales, String defaultLocale) {
        this.revision = revision;
        this.disabled = Set.copyOf(disabled);
        this.viewerText = Map.copyOf(viewerText);
        List<ModuleDocument> ordered = new ArrayList<>(modules.values());
        ordered.sort(Comparator.comparingInt(ModuleDocument::order).thenComparing(ModuleDocument::id));
        this.modules = new LinkedHashMap<>();
        ordered.forEach(m -> this.modules.put(m.id(), m));

        Set<String> sourceLocales = new TreeSet<>();
        ordered.forEach(m -> sourceLocales.add(m.locale()));
        Set<String> translated = new TreeSet<>();
        translations.values().forEach(byLocale -> translated.addAll(byLocale.keySet()));
        translated.removeAll(sourceLocales);
        if (!enabledLocales.isEmpty()) {
            translated.retainAll(enabledLocales);
        }
        List<String> all = new ArrayList<>(sourceLocales.isEmpty() ? Set.of("en") : sourceLocales);
        all.addAll(translated);
        this.locales = List.copyOf(all);
        this.defaultLocale = locales.contains(defaultLocale) ? defaultLocale : locales.get(0);

        for (String locale : locales) {
            List<ModuleView> list = new ArrayList<>();
            for (ModuleDocument m : ordered) {
                if (disabled.contains(m.id())) {
                    continue;
                }
                TranslationDocument t = translations.getOrDefault(m.id(), Map.of()).get(locale);
                ModuleView v = Localizer.view(m, locale, t);
                list.add(v);
                if (translated.contains(locale)) {
                    completeness.add(Localizer.completeness(m, v));
                }
            }
            views.put(locale, List.copyOf(list));
        }
    }

    String resolve(String languages) {
        return LocaleResolver.resolve(languages, locales, defaultLocale);
    }
}
