package org.careleaf.web.internal;

import java.io.IOException;
import java.util.List;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.careleaf.model.EducationCatalog;
import org.careleaf.model.ModuleView;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/** The REST API: {@code /careleaf/api/modules} and {@code /careleaf/api/modules/{id}}. */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("careleaf-api")
@HttpWhiteboardServletPattern("/careleaf/api/*")
public class ApiServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final String JSON = "application/json;charset=utf-8";

    @Reference
    private EducationCatalog catalog;

    private final transient RenderCache cache = new RenderCache();

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo() == null ? "" : req.getPathInfo();
        String languages = Requests.languages(req, resp);
        if (languages == null) {
            return;
        }
        if (path.equals("/modules") || path.equals("/modules/")) {
            list(req, resp, languages);
        } else if (path.startsWith("/modules/")) {
            module(req, resp, path.substring("/modules/".length()), languages);
        } else {
            JsonErrors.send(resp, 404, "not-found", "no such API path; see /careleaf/api/modules");
        }
    }

    private void list(HttpServletRequest req, HttpServletResponse resp, String languages) throws IOException {
        long revision = catalog.revision();
        String locale = catalog.resolveLocale(languages);
        RenderCache.Rendered r = cache.get(revision, "list|" + locale, () -> {
            List<ModuleView> views = catalog.modules(locale);
            return RenderCache.of(WebJson.GSON.toJson(ApiJson.list(locale, views, catalog.locales())), locale);
        });
        Requests.send(req, resp, r, JSON);
    }

    private void module(HttpServletRequest req, HttpServletResponse resp, String id, String languages)
            throws IOException {
        if (!Requests.isModuleId(id)) {
            JsonErrors.send(resp, 400, "bad-module-id",
                    "a module id is lower-case letters, digits and single hyphens, at most " + Requests.MAX_ID
                            + " characters");
            return;
        }
        long revision = catalog.revision();
        String locale = catalog.resolveLocale(languages);
        RenderCache.Rendered r = cache.get(revision, "module|" + locale + "|" + id, () -> catalog.module(id, locale)
                .map(v -> RenderCache.of(WebJson.GSON.toJson(ApiJson.module(v)), v.locale()))
                .orElse(null));
        if (r == null) {
            JsonErrors.send(resp, 404, "unknown-module", "no enabled module has the id '" + id + "'");
            return;
        }
        Requests.send(req, resp, r, JSON);
    }
}
