package org.careleaf.web.internal.http;

import javax.servlet.http.HttpServletRequest;

import org.careleaf.search.SearchHit;
import org.careleaf.search.SearchQuery;

/**
 * The search parameters both search surfaces take ({@code q}, {@code offset}, {@code limit}), and where
 * a hit links to. The limits themselves are the search API's ({@link SearchQuery}).
 *
 * @param text {@code q} as sent, or null
 */
public record SearchParameters(String text, int offset, int limit) {

    public static final int DEFAULT_LIMIT = 10;

    /** @throws IllegalArgumentException when {@code offset} or {@code limit} is not a whole number */
    public static SearchParameters of(HttpServletRequest req) {
        return new SearchParameters(req.getParameter("q"), number(req, "offset", 0), number(req, "limit", DEFAULT_LIMIT));
    }

    /** The query for the search service; @throws IllegalArgumentException saying what is wrong */
    public SearchQuery query(String languages) {
        return new SearchQuery(text == null ? "" : text.strip(), languages, offset, limit);
    }

    /** The viewer section a hit names, in the language searched: {@code …/modules/{id}?lang=..#{section}}. */
    public static String hitUrl(String base, SearchHit hit, String locale) {
        return base + "/modules/" + hit.module() + "?lang=" + locale + "#" + hit.section();
    }

    private static int number(HttpServletRequest req, String name, int fallback) {
        String v = req.getParameter(name);
        if (v == null || v.isEmpty()) {
            return fallback;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number");
        }
    }
}
