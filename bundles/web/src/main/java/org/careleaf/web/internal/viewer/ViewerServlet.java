package org.careleaf.web.internal.viewer;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import javax.servlet.Servlet;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.careleaf.model.CatalogView;
import org.careleaf.model.EducationCatalog;
import org.careleaf.model.Identifiers;
import org.careleaf.search.EducationSearch;
import org.careleaf.search.SearchResult;
import org.careleaf.web.internal.http.Answers;
import org.careleaf.web.internal.http.CareleafContext;
import org.careleaf.web.internal.http.Paths;
import org.careleaf.web.internal.http.ReaderLanguage;
import org.careleaf.web.internal.http.RenderCache;
import org.careleaf.web.internal.http.SearchParameters;
import org.careleaf.web.internal.http.Stylesheet;
import org.careleaf.web.internal.http.Templates;
import org.careleaf.web.internal.http.UiStrings;
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
 * The patient viewer: {@code {context}/} (the topics, {@code ?pack=&cursor=} for a pack's pages),
 * {@code {context}/modules/{id}} (one topic) and {@code {context}/search?q=} (search results). Other
 * servlets of the context register more specific patterns ({@code /api/*} …), which win over this one.
 * Pages are rendered from templates once per catalog revision, language and page; every request reads one
 * {@link CatalogView}.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("careleaf-viewer")
@HttpWhiteboardServletPattern("/*")
@HttpWhiteboardContextSelect(CareleafContext.SELECT)
public class ViewerServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final String MODULES = "/modules/";
    private static final String ALLOW = "GET, HEAD, OPTIONS";
    private static final Pattern CURSOR = Pattern.compile("-?[0-9]{1,11}:[a-z0-9-]{1,64}");

    private final transient EducationCatalog catalog;
    private final transient RenderCache cache;
    private final transient Templates templates;

    /** Optional: without a search service the pages show no search box. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile EducationSearch search;

    @Activate
    public ViewerServlet(@Reference EducationCatalog catalog, @Reference RenderCache cache,
            @Reference Templates templates) {
        this.catalog = catalog;
        this.cache = cache;
        this.templates = templates;
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        String method = req.getMethod();
        if ("GET".equals(method) || "HEAD".equals(method)) {
            super.service(req, resp);
        } else if ("OPTIONS".equals(method)) {
            resp.setHeader("Allow", ALLOW);
            resp.setContentLength(0);
        } else {
            resp.setHeader("Allow", ALLOW);
            error(req, resp, 405, "error.bad-parameter", catalog.view(ReaderLanguage.of(null, req).preference()));
        }
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String base = Paths.base(req);
        if (req.getPathInfo() == null && req.getServletPath().isEmpty()) {
            redirectToIndex(req, resp, base);
            return;
        }
        String path = Paths.within(req);
        ReaderLanguage reader = ReaderLanguage.of(req);
        CatalogView view = catalog.view(reader.preference());
        if (!reader.valid()) {
            error(req, resp, 400, "error.bad-language", view);
        } else if (path.equals("/")) {
            index(req, resp, view, base);
        } else if (path.startsWith(MODULES) && Identifiers.isId(path.substring(MODULES.length()))) {
            module(req, resp, view, base, path.substring(MODULES.length()));
        } else if (path.equals("/search")) {
            search(req, resp, view, base);
        } else if (path.startsWith(MODULES)) {
            error(req, resp, 404, "error.unknown-module", view);
        } else {
            error(req, resp, 404, "error.not-found", view);
        }
    }

    private void index(HttpServletRequest req, HttpServletResponse resp, CatalogView view, String base)
            throws IOException {
        String pack = req.getParameter("pack");
        String cursor = req.getParameter("cursor");
        if (pack == null && cursor != null || pack != null && !Identifiers.isId(pack)
                || cursor != null && !CURSOR.matcher(cursor).matches()) {
            error(req, resp, 400, "error.bad-parameter", view);
            return;
        }
        boolean searchBox = search != null;
        String key = "index|" + base + "|" + view.locale() + "|" + pack + "|" + cursor + "|" + searchBox;
        RenderCache.Rendered r;
        try {
            r = cache.get(view, key, () -> {
                IndexPage page = pack == null ? IndexPage.overview(view, base) : IndexPage.pack(view, base, pack, cursor);
                if (page == null) {
                    return null;
                }
                Map<String, String> keep = new LinkedHashMap<>();
                keep.put("pack", pack);
                keep.put("cursor", cursor);
                Shell shell = Shell.of(view, base, Stylesheet.href(base), UiStrings.of(view).text("site.title"), "/",
                        keep, pack == null && cursor == null, pack != null, searchBox, null);
                return render("viewer/index.ftlh", shell, view, page);
            });
        } catch (IllegalArgumentException badCursor) {
            error(req, resp, 400, "error.bad-parameter", view);
            return;
        }
        if (r == null) {
            error(req, resp, 404, "error.not-found", view);
            return;
        }
        Answers.send(req, resp, r, Answers.HTML);
    }

    private void module(HttpServletRequest req, HttpServletResponse resp, CatalogView view, String base, String id)
            throws IOException {
        boolean searchBox = search != null;
        RenderCache.Rendered r = cache.get(view, "module|" + base + "|" + view.locale() + "|" + id + "|" + searchBox,
                () -> view.module(id).map(v -> {
                    ModulePage page = ModulePage.of(v, view.locale());
                    Shell shell = Shell.of(view, base, Stylesheet.href(base),
                            v.content().title().replace("**", "") + " – " + UiStrings.of(view).text("site.title"),
                            MODULES + id, Map.of(), false, true, searchBox, null);
                    return render("viewer/module.ftlh", shell, view, page);
                }).orElse(null));
        if (r == null) {
            error(req, resp, 404, "error.unknown-module", view);
            return;
        }
        Answers.send(req, resp, r, Answers.HTML);
    }

    /** Search results change with the search service's index, not only with the catalog: never cached here. */
    private void search(HttpServletRequest req, HttpServletResponse resp, CatalogView view, String base)
            throws IOException {
        EducationSearch s = search;
        SearchPage page;
        int status = 200;
        SearchParameters params;
        try {
            params = SearchParameters.of(req);
        } catch (IllegalArgumentException e) {
            error(req, resp, 400, "error.bad-parameter", view);
            return;
        }
        if (s == null) {
            page = SearchPage.notInstalled();
            status = 503;
        } else if (params.text() == null || params.text().isBlank()) {
            page = SearchPage.form();
        } else {
            try {
                SearchResult result = s.search(params.query(view.locale()));
                page = SearchPage.of(result, params.limit(), base, view.locale());
            } catch (IllegalArgumentException e) {
                error(req, resp, 400, "error.bad-parameter", view);
                return;
            }
        }
        UiStrings ui = UiStrings.of(view);
        Map<String, String> keep = new LinkedHashMap<>();
        keep.put("q", params.text());
        Shell shell = Shell.of(view, base, Stylesheet.href(base), ui.text("search.title") + " – " + ui.text("site.title"),
                "/search", keep, false, true, s != null, params.text());
        RenderCache.Rendered r = render("viewer/search.ftlh", shell, view, page);
        resp.setStatus(status);
        resp.setHeader("Cache-Control", "no-store");
        Answers.send(req, resp, r, Answers.HTML);
    }

    /**
     * An error page in the reader's language. Its body names no request value, so one page per status,
     * message and language is cached, however many different bad requests arrive.
     */
    private void error(HttpServletRequest req, HttpServletResponse resp, int status, String messageKey,
            CatalogView view) throws IOException {
        String base = Paths.base(req);
        RenderCache.Rendered r = cache.get(view, "error|" + base + "|" + status + "|" + messageKey + "|" + view.locale(),
                () -> {
                    UiStrings ui = UiStrings.of(view);
                    Shell shell = Shell.of(view, base, Stylesheet.href(base), ui.text(messageKey) + " – "
                            + ui.text("site.title"), null, Map.of(), false, false, false, null);
                    return render("viewer/error.ftlh", shell, view, Map.of("messageKey", messageKey));
                });
        resp.setStatus(status);
        resp.setContentType(Answers.HTML);
        resp.setHeader("Cache-Control", "no-store");
        resp.setHeader("Content-Language", view.locale());
        resp.setContentLength(r.body().length);
        if (!"HEAD".equals(req.getMethod())) {
            resp.getOutputStream().write(r.body());
        }
    }

    private RenderCache.Rendered render(String template, Shell shell, CatalogView view, Object page) {
        return RenderCache.of(templates.render(template, Map.of("page", shell, "strings", UiStrings.of(view), "m", page)),
                view.locale());
    }

    /** {@code /careleaf} to {@code /careleaf/}, keeping only a valid {@code lang}. */
    private static void redirectToIndex(HttpServletRequest req, HttpServletResponse resp, String base) {
        String lang = req.getParameter("lang");
        resp.setStatus(301);
        resp.setHeader("Location", base + "/" + (Identifiers.isLanguageTag(lang) ? "?lang=" + lang : ""));
        resp.setContentLength(0);
    }
}
