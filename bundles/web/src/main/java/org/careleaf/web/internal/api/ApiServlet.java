package org.careleaf.web.internal.api;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import org.careleaf.model.CatalogView;
import org.careleaf.model.Completeness;
import org.careleaf.model.EducationCatalog;
import org.careleaf.model.Identifiers;
import org.careleaf.model.LanguageSummary;
import org.careleaf.model.ModulePage;
import org.careleaf.web.internal.http.Answers;
import org.careleaf.web.internal.http.CareleafContext;
import org.careleaf.web.internal.http.JsonErrors;
import org.careleaf.web.internal.http.Paths;
import org.careleaf.web.internal.http.ReaderLanguage;
import org.careleaf.web.internal.http.RenderCache;
import org.careleaf.web.internal.http.WebJson;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * The REST API (docs/api.md): {@code /api/modules} (paged, filtered by pack, category, audience or a clinical
 * code), {@code /api/modules/{id}}, {@code /api/languages} and {@code /api/translations} (completeness per
 * language and module). Errors carry a sentence for the reader in their language.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("careleaf-api")
@HttpWhiteboardServletPattern("/api/*")
@HttpWhiteboardContextSelect(CareleafContext.SELECT)
public class ApiServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient EducationCatalog catalog;
    private final transient RenderCache cache;

    @Activate
    public ApiServlet(@Reference EducationCatalog catalog, @Reference RenderCache cache) {
        this.catalog = catalog;
        this.cache = cache;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo() == null ? "" : req.getPathInfo();
        ReaderLanguage reader = ReaderLanguage.of(req);
        CatalogView view = catalog.view(reader.preference());
        String base = Paths.base(req);
        if (!reader.valid()) {
            JsonErrors.send(resp, 400, "bad-language", ReaderLanguage.BAD_LANGUAGE, view, "error.bad-language");
        } else if (path.equals("/modules") || path.equals("/modules/")) {
            list(req, resp, view, base);
        } else if (path.equals("/languages")) {
            languages(req, resp, view);
        } else if (path.equals("/translations")) {
            translations(req, resp, view);
        } else if (path.startsWith("/modules/")) {
            module(req, resp, view, base, path.substring("/modules/".length()));
        } else {
            JsonErrors.send(resp, 404, "not-found", "no such API path; see " + base + "/api/modules, " + base
                    + "/api/languages, " + base + "/api/translations and " + base + "/api/search", view, "error.not-found");
        }
    }

    private void list(HttpServletRequest req, HttpServletResponse resp, CatalogView view, String base)
            throws IOException {
        ModuleListRequest q;
        try {
            q = ModuleListRequest.of(req);
        } catch (ModuleListRequest.Bad e) {
            JsonErrors.send(resp, 400, e.code, e.getMessage(), view, "error.bad-parameter");
            return;
        }
        String locale = view.locale();
        RenderCache.Rendered r;
        try {
            r = cache.get(view, "list|" + base + "|" + locale + "|" + q.cacheKey(), () -> {
                ModulePage page = view.modules(q.query());
                JsonObject o = ApiJson.list(locale, page, view.locales(), base);
                if (q.query().code() != null) {
                    o.addProperty("system", q.query().code().system());
                    o.addProperty("code", q.query().code().code());
                }
                return RenderCache.of(WebJson.GSON.toJson(o), locale);
            });
        } catch (IllegalArgumentException notACursor) {
            JsonErrors.send(resp, 400, "bad-cursor", notACursor.getMessage(), view, "error.bad-parameter");
            return;
        }
        Answers.send(req, resp, r, Answers.JSON);
    }

    private void languages(HttpServletRequest req, HttpServletResponse resp, CatalogView view) throws IOException {
        RenderCache.Rendered r = cache.get(view, "languages", () -> {
            JsonObject o = new JsonObject();
            o.addProperty("default", view.defaultLocale());
            JsonArray list = new JsonArray();
            for (LanguageSummary s : view.languages()) {
                JsonObject l = new JsonObject();
                l.addProperty("locale", s.locale());
                if (s.source()) {
                    l.addProperty("source", true);
                } else {
                    l.addProperty("modules", s.modules());
                    l.addProperty("parts", s.parts());
                    l.addProperty("translated", s.translated());
                    l.addProperty("stale", s.stale());
                    l.addProperty("missing", s.missing());
                }
                list.add(l);
            }
            o.add("languages", list);
            return RenderCache.of(WebJson.GSON.toJson(o), null);
        });
        Answers.send(req, resp, r, Answers.JSON);
    }

    /**
     * Completeness in every language. Each language is a view of its own, so this is the one answer that
     * reads several; it is kept only when every one of them has the revision of the request's view, so a
     * kept body never mixes two revisions.
     */
    private void translations(HttpServletRequest req, HttpServletResponse resp, CatalogView view) throws IOException {
        RenderCache.Rendered[] made = new RenderCache.Rendered[1];
        RenderCache.Rendered kept = cache.get(view, "translations", () -> {
            List<Completeness> all = new ArrayList<>();
            boolean consistent = true;
            for (String l : view.locales()) {
                CatalogView v = catalog.view(l);
                consistent &= v.revision() == view.revision();
                all.addAll(v.completeness());
            }
            JsonObject o = new JsonObject();
            o.add("translations", WebJson.GSON.toJsonTree(all));
            made[0] = RenderCache.of(WebJson.GSON.toJson(o), null);
            return consistent ? made[0] : null;
        });
        Answers.send(req, resp, kept != null ? kept : made[0], Answers.JSON);
    }

    private void module(HttpServletRequest req, HttpServletResponse resp, CatalogView view, String base, String id)
            throws IOException {
        if (!Identifiers.isId(id)) {
            JsonErrors.send(resp, 400, "bad-module-id", "a module id is lower-case letters, digits and single hyphens, "
                    + "at most " + Identifiers.MAX_ID + " characters", view, "error.bad-parameter");
            return;
        }
        String locale = view.locale();
        RenderCache.Rendered r = cache.get(view, "module|" + base + "|" + locale + "|" + id, () -> view.module(id)
                .map(v -> RenderCache.of(WebJson.GSON.toJson(ApiJson.module(v, base)), v.locale()))
                .orElse(null));
        if (r == null) {
            JsonErrors.send(resp, 404, "unknown-module", "no enabled module has the id '" + id + "'", view,
                    "error.unknown-module");
            return;
        }
        Answers.send(req, resp, r, Answers.JSON);
    }
}
