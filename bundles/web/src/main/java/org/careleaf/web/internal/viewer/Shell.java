package org.careleaf.web.internal.viewer;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.careleaf.model.CatalogView;
import org.careleaf.web.internal.http.Languages;

/**
 * What every viewer page shows around its main content (template {@code viewer/layout.ftlh}): the page's
 * language and direction, its title, the links home, the search box and the language switcher.
 *
 * @param base the context path every link starts with (e.g. {@code /careleaf}; empty at the server root)
 * @param atIndex true on the list of topics itself, which does not link to itself
 * @param languages this page in every served language; empty for pages without a switcher (errors)
 * @param search whether to show the search box: only when a search service is installed
 * @param query what the search box holds, or null
 */
public record Shell(String locale, String dir, String title, String base, String stylesheet, String indexHref,
        boolean atIndex, List<LanguageLink> languages, boolean backLink, boolean search, String query) {

    /** A link to the same page in another language, named in that language. */
    public record LanguageLink(String href, String lang, String name, boolean current) {
    }

    /**
     * @param switchPath the path below the base that the language switcher links to, or null for no switcher
     * @param keep query parameters the switcher keeps (besides {@code lang}), in order
     */
    static Shell of(CatalogView view, String base, String stylesheet, String title, String switchPath,
            Map<String, String> keep, boolean atIndex, boolean backLink, boolean search, String query) {
        String locale = view.locale();
        List<LanguageLink> languages = new ArrayList<>();
        if (switchPath != null) {
            for (String l : view.locales()) {
                Map<String, String> params = new LinkedHashMap<>(keep);
                params.put("lang", l);
                languages.add(new LanguageLink(href(base, switchPath, params), l, Languages.ownName(l), l.equals(locale)));
            }
        }
        return new Shell(locale, Languages.dir(locale), title, base, stylesheet, href(base, "/", Map.of("lang", locale)),
                atIndex, List.copyOf(languages), backLink, search, query);
    }

    /** {@code base + path} with the parameters, form-encoded; null values are left out. */
    static String href(String base, String path, Map<String, String> params) {
        StringBuilder q = new StringBuilder();
        params.forEach((k, v) -> {
            if (v != null) {
                q.append(q.length() == 0 ? '?' : '&').append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8));
            }
        });
        return base + path + q;
    }
}
