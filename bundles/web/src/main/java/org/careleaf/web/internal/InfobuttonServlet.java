package org.careleaf.web.internal;

import java.io.IOException;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.careleaf.model.CatalogView;
import org.careleaf.model.EducationCatalog;
import org.careleaf.model.Identifiers;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * {@code GET /careleaf/api/infobutton}: HL7 Infobutton URL-based knowledge requests, answered with an
 * Atom feed in JSON (default) or XML. The exact pattern takes precedence over the REST API's
 * {@code /careleaf/api/*}.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("careleaf-infobutton")
@HttpWhiteboardServletPattern("/careleaf/api/infobutton")
public class InfobuttonServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Reference
    private EducationCatalog catalog;

    private final transient RenderCache cache = new RenderCache();

    public InfobuttonServlet() {
    }

    InfobuttonServlet(EducationCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        InfobuttonRequest ib;
        try {
            ib = InfobuttonRequest.parse(req.getParameterMap());
        } catch (RequestRejected e) {
            JsonErrors.send(resp, e.status(), e.code(), e.getMessage());
            return;
        }
        String origin = Origins.of(req);
        if (origin == null) {
            JsonErrors.send(resp, 400, "bad-host", "the Host header must name a host, for the links in the answer");
            return;
        }
        String header = req.getHeader("Accept-Language");
        CatalogView view = catalog.view(Identifiers.languagePreference(ib.language(), header));
        String locale = view.locale();
        RenderCache.Rendered r = cache.get(view.revision(), ib.cacheKey() + "\n" + locale + "\n" + origin, () -> {
            InfobuttonFeed.Feed feed = InfobuttonFeed.build(ib, view, origin);
            return RenderCache.of(ib.atom() ? InfobuttonFeed.atom(feed) : InfobuttonFeed.json(feed), locale);
        });
        Requests.send(req, resp, r, ib.responseType() + ";charset=utf-8");
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        notAllowed(resp);
    }

    @Override
    protected void doPut(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        notAllowed(resp);
    }

    @Override
    protected void doDelete(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        notAllowed(resp);
    }

    @Override
    protected void doTrace(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        notAllowed(resp);
    }

    private static void notAllowed(HttpServletResponse resp) throws IOException {
        resp.setHeader("Allow", "GET, HEAD");
        JsonErrors.send(resp, 405, "method-not-allowed", "the Infobutton endpoint answers GET requests");
    }
}
