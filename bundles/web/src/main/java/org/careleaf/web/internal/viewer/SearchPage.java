package org.careleaf.web.internal.viewer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.careleaf.search.SearchHit;
import org.careleaf.search.SearchResult;
import org.careleaf.web.internal.http.SearchParameters;

/**
 * Search results as template {@code viewer/search.ftlh} shows them: each hit links to its section, and
 * the words that matched are marked.
 *
 * @param unavailable true when no search service is installed
 * @param query the text searched for, or null before a search
 * @param nextHref the next page of hits, or null (likewise {@code previousHref})
 */
public record SearchPage(boolean unavailable, String query, int total, int offset, List<Hit> hits, String nextHref,
        String previousHref) {

    /** One section that answers, in the language its text is in. */
    public record Hit(String href, String title, String sectionTitle, String locale, List<SearchHit.Fragment> snippet) {
    }

    static SearchPage notInstalled() {
        return new SearchPage(true, null, 0, 0, List.of(), null, null);
    }

    static SearchPage form() {
        return new SearchPage(false, null, 0, 0, List.of(), null, null);
    }

    static SearchPage of(SearchResult r, int limit, String base, String locale) {
        List<Hit> hits = r.hits().stream().map(h -> new Hit(SearchParameters.hitUrl(base, h, r.locale()), h.title(),
                h.sectionTitle(), h.locale(), h.snippet())).toList();
        int next = r.offset() + hits.size();
        return new SearchPage(false, r.query(), r.total(), r.offset(), hits,
                next < r.total() && !hits.isEmpty() && next <= org.careleaf.search.SearchQuery.MAX_OFFSET ? href(base, r.query(), next, limit, locale) : null,
                r.offset() > 0 ? href(base, r.query(), Math.max(0, r.offset() - limit), limit, locale) : null);
    }

    private static String href(String base, String q, int offset, int limit, String locale) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("q", q);
        p.put("offset", offset == 0 ? null : String.valueOf(offset));
        p.put("limit", limit == SearchParameters.DEFAULT_LIMIT ? null : String.valueOf(limit));
        p.put("lang", locale);
        return Shell.href(base, "/search", p);
    }
}
