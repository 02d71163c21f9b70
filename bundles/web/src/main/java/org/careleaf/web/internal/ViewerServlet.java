package org.careleaf.web.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import java.util.logging.Logger;
import java.util.regex.Pattern;

import javax.servlet.Servlet;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.careleaf.model.CatalogView;
import org.careleaf.model.EducationCatalog;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The patient viewer: {@code /careleaf/} (the topics), {@code /careleaf/modules/{id}} (one topic) and its
 * stylesheet. Other Careleaf servlets register more specific patterns ({@code /careleaf/api/*} …), which
 * win over this one. Pages are rendered once per catalog revision and language.
 */
@Component(service = Servlet.class, configurationPid = WebConfig.PID)
@Designate(ocd = WebConfig.class)
@HttpWhiteboardServletName("careleaf-viewer")
@HttpWhiteboardServletPattern("/careleaf/*")
public class ViewerServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ViewerServlet.class.getName());
    private static final String HTML = "text/html;charset=utf-8";
    private static final String CSS = "text/css;charset=utf-8";
    private static final String STYLESHEET_PATH = "/static/viewer.css";
    private static final String MODULES_PATH = "/modules/";
    private static final String ALLOW = "GET, HEAD, OPTIONS";
    private static final Pattern VERSION = Pattern.compile("[0-9a-f]{1,64}");
    private static final RenderCache.Rendered STYLESHEET = RenderCache.of(resource(STYLESHEET_PATH), null);
    /** The stylesheet's content hash: pages link to it with {@code ?v=}, so browsers may keep it a year. */
    private static final String STYLESHEET_VERSION = STYLESHEET.etag().replace("\"", "");

    @Reference
    EducationCatalog catalog;

    private final transient RenderCache cache = new RenderCache();
    private transient volatile SecurityHeaders securityHeaders =
            SecurityHeaders.forFrameAncestors(SecurityHeaders.DEFAULT_FRAME_ANCESTORS);

    @Activate
    void activate(WebConfig config) {
        configure(config);
    }

    @Modified
    void modified(WebConfig config) {
        configure(config);
    }

    void configure(WebConfig config) {
        String configured = config.frameAncestors();
        securityHeaders = SecurityHeaders.forFrameAncestors(configured);
        if (SecurityHeaders.validFrameAncestors(configured) == null) {
            LOG.warning(() -> "Careleaf viewer: frameAncestors in " + WebConfig.PID + " must be 'self', 'none' or "
                    + "space-separated http(s) origins; using 'self' instead");
        }
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        securityHeaders.apply(resp);
        String method = req.getMethod();
        if ("GET".equals(method) || "HEAD".equals(method)) {
            super.service(req, resp);
        } else if ("OPTIONS".equals(method)) {
            resp.setHeader("Allow", ALLOW);
            resp.setContentLength(0);
        } else {
            resp.setHeader("Allow", ALLOW);
            sendError(req, resp, 405, "error.bad-parameter", catalog.view(acceptLanguage(req)));
        }
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String base = req.getContextPath() + req.getServletPath();
        String path = req.getPathInfo();
        if (path == null) {
            redirectToIndex(req, resp, base);
            return;
        }
        if (path.equals(STYLESHEET_PATH)) {
            stylesheet(req, resp);
            return;
        }
        String lang = req.getParameter("lang");
        String preference = acceptLanguage(req);
        if (lang != null && !lang.isEmpty()) {
            if (!Requests.isLanguageTag(lang)) {
                sendError(req, resp, 400, "error.bad-language", catalog.view(preference));
                return;
            }
            preference = lang;
        }
        CatalogView view = catalog.view(preference);
        String locale = view.locale();
        if (path.equals("/")) {
            page(req, resp, view, "index|" + locale, () -> pages(view, base).index(locale), locale);
        } else if (path.startsWith(MODULES_PATH) && Requests.isModuleId(path.substring(MODULES_PATH.length()))) {
            String id = path.substring(MODULES_PATH.length());
            if (!page(req, resp, view, "module|" + locale + "|" + id,
                    () -> pages(view, base).module(id, locale).orElse(null), locale)) {
                sendError(req, resp, 404, "error.unknown-module", view);
            }
        } else if (path.startsWith(MODULES_PATH)) {
            sendError(req, resp, 404, "error.unknown-module", view);
        } else {
            sendError(req, resp, 404, "error.not-found", view);
        }
    }

    private ViewerPages pages(CatalogView view, String base) {
        return new ViewerPages(view, base, base + STYLESHEET_PATH + "?v=" + STYLESHEET_VERSION);
    }

    /** Sends a page from the cache, rendering it first if need be; false when there is no such page. */
    private boolean page(HttpServletRequest req, HttpServletResponse resp, CatalogView view, String key,
            Supplier<String> render, String locale) throws IOException {
        String cacheKey = req.getContextPath() + "|" + key;
        RenderCache.Rendered r = cache.get(view.revision(), cacheKey, () -> {
            String html = render.get();
            return html == null ? null : RenderCache.of(html, locale);
        });
        if (r == null) {
            return false;
        }
        Requests.send(req, resp, r, HTML);
        return true;
    }

    /**
     * An error page in the reader's language. Its body names no request value, so one page per status,
     * message and language is cached, however many different bad requests arrive.
     */
    private void sendError(HttpServletRequest req, HttpServletResponse resp, int status, String messageKey,
            CatalogView view) throws IOException {
        String base = req.getContextPath() + req.getServletPath();
        String locale = view.locale();
        RenderCache.Rendered r = cache.get(view.revision(),
                req.getContextPath() + "|error|" + status + "|" + messageKey + "|" + locale,
                () -> RenderCache.of(pages(view, base).error(locale, messageKey), locale));
        resp.setStatus(status);
        resp.setContentType(HTML);
        resp.setHeader("Cache-Control", "no-store");
        resp.setHeader("Content-Language", locale);
        resp.setContentLength(r.body().length);
        if (!"HEAD".equals(req.getMethod())) {
            resp.getOutputStream().write(r.body());
        }
    }

    /** {@code /careleaf} to {@code /careleaf/}, keeping only a valid {@code lang}. */
    private static void redirectToIndex(HttpServletRequest req, HttpServletResponse resp, String base) {
        String lang = req.getParameter("lang");
        String location = base + "/" + (Requests.isLanguageTag(lang) ? "?lang=" + lang : "");
        resp.setStatus(301);
        resp.setHeader("Location", location);
        resp.setContentLength(0);
    }

    private void stylesheet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String v = req.getParameter("v");
        if (v != null && !VERSION.matcher(v).matches()) {
            sendError(req, resp, 400, "error.bad-parameter", catalog.view(acceptLanguage(req)));
            return;
        }
        resp.setHeader("ETag", STYLESHEET.etag());
        // Only the URL that names this exact content may be kept for a year; any other asks again daily.
        resp.setHeader("Cache-Control", STYLESHEET_VERSION.equals(v) ? "public, max-age=31536000, immutable"
                : "public, max-age=86400");
        String inm = req.getHeader("If-None-Match");
        if (inm != null && (inm.trim().equals("*") || inm.contains(STYLESHEET.etag()))) {
            resp.setStatus(304);
            return;
        }
        resp.setContentType(CSS);
        resp.setContentLength(STYLESHEET.body().length);
        if (!"HEAD".equals(req.getMethod())) {
            resp.getOutputStream().write(STYLESHEET.body());
        }
    }

    private static String acceptLanguage(HttpServletRequest req) {
        String header = req.getHeader("Accept-Language");
        return header == null ? "" : header;
    }

    private static String resource(String path) {
        try (InputStream in = ViewerServlet.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("the bundle lacks " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
