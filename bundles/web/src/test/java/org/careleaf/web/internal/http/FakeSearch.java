package org.careleaf.web.internal.http;

import java.util.ArrayList;
import java.util.List;

import org.careleaf.search.EducationSearch;
import org.careleaf.search.SearchHit;
import org.careleaf.search.SearchQuery;
import org.careleaf.search.SearchResult;

/**
 * A stand-in for the search bundle: {@code total} hits for any text, numbered from the offset, each with a
 * snippet that marks the query; the text {@code refuse} is refused as the service would refuse bad input.
 */
public final class FakeSearch implements EducationSearch {

    public final List<SearchQuery> asked = new ArrayList<>();
    private final int total;

    public FakeSearch(int total) {
        this.total = total;
    }

    @Override
    public SearchResult search(SearchQuery q) {
        asked.add(q);
        if (q.text().equals("refuse")) {
            throw new IllegalArgumentException("the query 'refuse' cannot be searched");
        }
        List<SearchHit> hits = new ArrayList<>();
        for (int i = q.offset(); i < Math.min(total, q.offset() + q.limit()); i++) {
            hits.add(new SearchHit("mpc-overview", "basics", "What it **is**", "The basics " + i,
                    List.of(new SearchHit.Fragment("It is <still> ", false), new SearchHit.Fragment(q.text(), true),
                            new SearchHit.Fragment(" cancer.", false)), i % 2 == 0 ? "en" : "ar", 10f - i));
        }
        return new SearchResult(q.text(), q.languages().isEmpty() ? "en" : q.languages(), total, q.offset(), hits);
    }
}
