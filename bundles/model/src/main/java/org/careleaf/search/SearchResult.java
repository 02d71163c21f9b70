package org.careleaf.search;

import java.util.List;

/**
 * The sections that answer a query, best first.
 *
 * @param query the text searched for
 * @param locale the language searched: the reader's preference resolved as the catalog resolves it
 * @param total how many sections match in all
 * @param offset hits skipped
 * @param hits this page of hits
 */
public record SearchResult(String query, String locale, int total, int offset, List<SearchHit> hits) {

    public SearchResult {
        hits = List.copyOf(hits);
    }
}
