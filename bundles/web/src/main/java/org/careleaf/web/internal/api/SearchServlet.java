package org.careleaf.web.internal.api;

import java.io.IOException;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import org.careleaf.model.CatalogView;
import org.careleaf.model.EducationCatalog;
import org.careleaf.search.EducationSearch;
import org.careleaf.search.SearchHit;
import org.careleaf.search.SearchResult;
import org.careleaf.web.internal.http.Answers;
import org.careleaf.web.internal.http.CareleafContext;
import org.careleaf.web.internal.http.JsonErrors;
import org.careleaf.web.internal.http.Paths;
import org.careleaf.web.internal.http.ReaderLanguage;
import org.careleaf.web.internal.http.RenderCache;
import org.careleaf.web.internal.http.SearchParameters;
import org.careleaf.web.internal.http.WebJson;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * {@code GET /api/search?q=&lang=&limit=&offset=}: the sections that answer a reader's question, through
 * whichever {@link EducationSearch} is installed; 503 when none is. Snippets are plain-text fragments
 * with a {@code match} flag, never HTML, so every host marks matches its own way.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("careleaf-api-search")
@HttpWhiteboardServletPattern("/api/search")
@HttpWhiteboardContextSelect(CareleafContext.SELECT)
public class SearchServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient EducationCatalog catalog;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile EducationSearch search;

    @Activate
    public SearchServlet(@Reference EducationCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        ReaderLanguage reader = ReaderLanguage.of(req);
        CatalogView view = catalog.view(reader.preference());
        if (!reader.valid()) {
            JsonErrors.send(resp, 400, "bad-language", ReaderLanguage.BAD_LANGUAGE, view, "error.bad-language");
            return;
        }
        // bad input is a 400 whether or not a search service is installed
        SearchParameters params;
        org.careleaf.search.SearchQuery query;
        try {
            params = SearchParameters.of(req);
            // the language the view resolved, so hits and the rest of the answer speak the same language
            query = params.query(view.locale());
        } catch (IllegalArgumentException e) {
            JsonErrors.send(resp, 400, "bad-query", e.getMessage(), view, "error.bad-parameter");
            return;
        }
        EducationSearch s = search;
        if (s == null) {
            JsonErrors.send(resp, 503, "search-unavailable", "search is not installed", view, "search.unavailable");
            return;
        }
        SearchResult result;
        try {
            result = s.search(query);
        } catch (IllegalArgumentException e) {
            JsonErrors.send(resp, 400, "bad-query", e.getMessage(), view, "error.bad-parameter");
            return;
        }
        String base = Paths.base(req);
        JsonObject o = new JsonObject();
        o.addProperty("query", result.query());
        o.addProperty("locale", result.locale());
        o.addProperty("total", result.total());
        o.addProperty("offset", result.offset());
        o.addProperty("limit", params.limit());
        JsonArray hits = new JsonArray();
        for (SearchHit h : result.hits()) {
            JsonObject hit = new JsonObject();
            hit.addProperty("module", h.module());
            hit.addProperty("section", h.section());
            hit.addProperty("title", h.title());
            hit.addProperty("sectionTitle", h.sectionTitle());
            hit.add("snippet", WebJson.GSON.toJsonTree(h.snippet()));
            hit.addProperty("locale", h.locale());
            hit.addProperty("score", h.score());
            hit.addProperty("url", SearchParameters.hitUrl(base, h, result.locale()));
            hits.add(hit);
        }
        o.add("hits", hits);
        int next = result.offset() + result.hits().size();
        if (next < result.total() && !result.hits().isEmpty()) {
            o.addProperty("next", next);
        }
        // the answer repeats the reader's text: written with < and > as JSON escapes, so no markup a request
        // carried comes back as markup, even to a client that mishandles the content type
        String json = WebJson.GSON.toJson(o).replace("<", "\\u003c").replace(">", "\\u003e");
        Answers.send(req, resp, RenderCache.of(json, result.locale()), Answers.JSON);
    }
}
