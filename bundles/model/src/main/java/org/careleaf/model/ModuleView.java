package org.careleaf.model;

import java.util.List;

/**
 * A module as served to a reader who asked for one language: the content with every part that has
 * a current translation replaced, and an honest account of the rest.
 *
 * @param content the module; its {@code locale} is the language most of it is served in
 * @param requested the language the reader's preference resolved to
 * @param locale the language served: {@code requested} when a translation is served, else the source's
 * @param sourceLocale the language the module was written in
 * @param translationStatus {@code SOURCE} when the source language was asked for, {@code MISSING}
 *        when no translation into {@code requested} is served, else the translation's own status
 * @param fallbackIds ids of the parts served in the source language because their translation is
 *        missing or stale ({@code $title}, {@code $summary}, section and block ids)
 * @param staleIds ids of the parts whose translation was made from older source text
 * @param readability readability of the text served
 * @param approval the site's clinical approval of the module version served, when the site's approval
 *        policy shows approvals; null otherwise
 * @param translationApproval the site's approval of the translation served, likewise; null otherwise
 */
public record ModuleView(
        ModuleDocument content,
        String requested,
        String locale,
        String sourceLocale,
        TranslationStatus translationStatus,
        List<String> fallbackIds,
        List<String> staleIds,
        Readability readability,
        ApprovalState approval,
        ApprovalState translationApproval) {

    public static final String TITLE_ID = "$title";
    public static final String SUMMARY_ID = "$summary";

    public ModuleView {
        fallbackIds = List.copyOf(fallbackIds);
        staleIds = List.copyOf(staleIds);
    }

    public String id() {
        return content.id();
    }

    public String version() {
        return content.version();
    }
}
