package org.careleaf.model;

import java.util.List;

/**
 * A module as served to a reader who asked for one language: the content with every part that has
 * a current translation replaced, and an honest account of the rest.
 *
 * @param content the module; its {@code locale} is the language most of it is served in
 * @param requested the language the reader's preference resolved to
 * @param locale the language served: {@code requested} when a translation exists, else the source's
 * @param sourceLocale the language the module was written in
 * @param translationStatus {@code source} when the source language was asked for, {@code missing}
 *        when there is no translation into {@code requested}, else the translation's own status
 *        ({@code machine-assisted} or {@code reviewed})
 * @param fallbackIds ids of the parts served in the source language because their translation is
 *        missing or stale ({@code $title}, {@code $summary}, section and block ids)
 * @param staleIds ids of the parts whose translation was made from older source text
 * @param readability readability of the text served
 */
public record ModuleView(
        ModuleDocument content,
        String requested,
        String locale,
        String sourceLocale,
        String translationStatus,
        List<String> fallbackIds,
        List<String> staleIds,
        Readability readability) {

    public static final String SOURCE = "source";
    public static final String MISSING = "missing";
    public static final String TITLE_ID = "$title";
    public static final String SUMMARY_ID = "$summary";

    public ModuleView {
        fallbackIds = List.copyOf(fallbackIds);
        staleIds = List.copyOf(staleIds);
    }

    public String id() {
        return content.id();
    }
}
