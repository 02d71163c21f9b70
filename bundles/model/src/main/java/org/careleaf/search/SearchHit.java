package org.careleaf.search;

import java.util.List;

/**
 * One section that answers the query.
 *
 * @param module the module id
 * @param section the section id (the key points' id when the key points answer best)
 * @param title the module's title as served
 * @param sectionTitle the section's title as served
 * @param snippet a short passage of the section, split where the query's words match
 * @param locale the language the section is served in (the source language where its translation is
 *        missing or stale)
 * @param score relevance, higher is better; comparable only within one result
 */
public record SearchHit(String module, String section, String title, String sectionTitle, List<Fragment> snippet,
        String locale, float score) {

    public SearchHit {
        snippet = List.copyOf(snippet);
    }

    /** A piece of the snippet: plain text, and whether it matched the query. */
    public record Fragment(String text, boolean match) {
    }
}
