package org.careleaf.web.internal;

import java.io.IOException;
import java.util.List;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import org.careleaf.model.CatalogView;
import org.careleaf.model.Code;
import org.careleaf.model.Completeness;
import org.careleaf.model.LanguageSummary;
import org.careleaf.model.EducationCatalog;
import org.careleaf.model.ModuleView;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * The REST API (docs/api.md): {@code /careleaf/api/modules} (optionally filtered by {@code system} and
 * {@code code}), {@code /careleaf/api/modules/{id}}, {@code /careleaf/api/languages} and
 * {@code /careleaf/api/translations} (completeness per language and module).
 */
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
        String lang = req.getParameter("lang");
        if (lang != null && !lang.isEmpty() && !Requests.isLanguageTag(lang)) {
            fail(req, resp, 400, "bad-language", "lang must be a language tag such as en, es or pt-BR",
                    "error.bad-language");
            return;
        }
        String languages = Requests.languages(req, resp);
        if (path.equals("/modules") || path.equals("/modules/")) {
            if (req.getParameter("code") != null || req.getParameter("system") != null) {
                byCode(req, resp, languages);
            } else {
                list(req, resp, languages);
            }
        } else if (path.equals("/languages")) {
            languages(req, resp);
        } else if (path.equals("/translations")) {
            translations(req, resp);
        } else if (path.startsWith("/modules/")) {
            module(req, resp, path.substring("/modules/".length()), languages);
        } else {
            fail(req, resp, 404, "not-found", "no such API path; see /careleaf/api/modules, /careleaf/api/languages "
                    + "and /careleaf/api/translations", "error.not-found");
        }
    }

    private void list(HttpServletRequest req, HttpServletResponse resp, String languages) throws IOException {
        CatalogView view = catalog.view(languages);
        String locale = view.locale();
        RenderCache.Rendered r = cache.get(view.revision(), "list|" + locale, () -> {
            List<ModuleView> views = view.modules();
            return RenderCache.of(WebJson.GSON.toJson(ApiJson.list(locale, views, view.locales())), locale);
        });
        Requests.send(req, resp, r, JSON);
    }

    private void byCode(HttpServletRequest req, HttpServletResponse resp, String languages) throws IOException {
        String system = req.getParameter("system");
        String code = req.getParameter("code");
        if (system == null || system.isBlank() || system.length() > 128) {
            fail(req, resp, 400, "bad-system", "system must name a code system: an HL7 OID such as "
                    + "2.16.840.1.113883.6.90 (ICD-10-CM) or a FHIR URI such as http://snomed.info/sct",
                    "error.bad-parameter");
            return;
        }
        if (code == null || !Requests.isCode(code)) {
            fail(req, resp, 400, "bad-code", "code must be 1 to 32 letters, digits, dots or hyphens",
                    "error.bad-parameter");
            return;
        }
        CatalogView view = catalog.view(languages);
        String locale = view.locale();
        RenderCache.Rendered r = cache.get(view.revision(), "code|" + locale + "|" + system + "|" + code.toUpperCase(), () -> {
            JsonObject o = ApiJson.list(locale, view.modulesFor(List.of(new Code(system, code, null)), List.of()).modules(),
                    view.locales());
            o.addProperty("system", system);
            o.addProperty("code", code);
            return RenderCache.of(WebJson.GSON.toJson(o), locale);
        });
        Requests.send(req, resp, r, JSON);
    }

    private void languages(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        CatalogView view = catalog.view(null);
        RenderCache.Rendered r = cache.get(view.revision(), "languages", () -> {
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
        Requests.send(req, resp, r, JSON);
    }

    private void translations(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        CatalogView any = catalog.view(null);
        RenderCache.Rendered r = cache.get(any.revision(), "translations", () -> {
            JsonObject o = new JsonObject();
            List<Completeness> all = new java.util.ArrayList<>();
            for (String l : any.locales()) {
                all.addAll(catalog.view(l).completeness());
            }
            o.add("translations", WebJson.GSON.toJsonTree(all));
            return RenderCache.of(WebJson.GSON.toJson(o), null);
        });
        Requests.send(req, resp, r, JSON);
    }

    private void module(HttpServletRequest req, HttpServletResponse resp, String id, String languages)
            throws IOException {
        if (!Requests.isModuleId(id)) {
            fail(req, resp, 400, "bad-module-id", "a module id is lower-case letters, digits and single hyphens, "
                    + "at most " + Requests.MAX_ID + " characters", "error.bad-parameter");
            return;
        }
        CatalogView view = catalog.view(languages);
        String locale = view.locale();
        RenderCache.Rendered r = cache.get(view.revision(), "module|" + locale + "|" + id, () -> view.module(id)
                .map(v -> RenderCache.of(WebJson.GSON.toJson(ApiJson.module(v)), v.locale()))
                .orElse(null));
        if (r == null) {
            fail(req, resp, 404, "unknown-module", "no enabled module has the id '" + id + "'",
                    "error.unknown-module");
            return;
        }
        Requests.send(req, resp, r, JSON);
    }

    /** An error with the reason for developers and a sentence for the reader in their language. */
    private void fail(HttpServletRequest req, HttpServletResponse resp, int status, String code, String message,
            String readerKey) throws IOException {
        String lang = req.getParameter("lang");
        String preference = lang != null && Requests.isLanguageTag(lang) ? lang : req.getHeader("Accept-Language");
        CatalogView view = catalog.view(preference);
        String locale = view.locale();
        UiStrings ui = UiStrings.of(locale, view.viewerText());
        JsonErrors.send(resp, status, code, message, new JsonErrors.ReaderText(ui.text(readerKey), ui.lang(readerKey)));
    }
}
