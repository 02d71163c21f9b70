package org.careleaf.web.internal.hl7;

import java.io.IOException;

import javax.servlet.Servlet;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.careleaf.model.CatalogView;
import org.careleaf.model.EducationCatalog;
import org.careleaf.web.internal.http.Answers;
import org.careleaf.web.internal.http.CareleafContext;
import org.careleaf.web.internal.http.JsonErrors;
import org.careleaf.web.internal.http.Origins;
import org.careleaf.web.internal.http.Paths;
import org.careleaf.web.internal.http.ReaderLanguage;
import org.careleaf.web.internal.http.RenderCache;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * {@code GET {context}/api/infobutton}: HL7 Infobutton URL-based knowledge requests, answered with an
 * Atom feed in JSON (default) or XML. The exact pattern takes precedence over the REST API's {@code /api/*}.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("careleaf-infobutton")
@HttpWhiteboardServletPattern("/api/infobutton")
@HttpWhiteboardContextSelect(CareleafContext.SELECT)
public class InfobuttonServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient EducationCatalog catalog;
    private final transient RenderCache cache;

    @Activate
    public InfobuttonServlet(@Reference EducationCatalog catalog, @Reference RenderCache cache) {
        this.catalog = catalog;
        this.cache = cache;
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
        String base = Paths.base(req);
        CatalogView view = catalog.view(ReaderLanguage.of(ib.language(), req).preference());
        String locale = view.locale();
        RenderCache.Rendered r = cache.get(view, "infobutton\n" + ib.cacheKey() + "\n" + locale + "\n" + origin + base,
                () -> {
                    InfobuttonFeed.Feed feed = InfobuttonFeed.build(ib, view, origin, base);
                    return RenderCache.of(ib.atom() ? AtomXml.write(feed) : InfobuttonFeed.json(feed), locale);
                });
        Answers.send(req, resp, r, ib.responseType() + ";charset=utf-8");
    }

    /** Read-only: anything but GET, HEAD and OPTIONS is a 405 with a JSON reason. */
    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        String m = req.getMethod();
        if (m.equals("GET") || m.equals("HEAD") || m.equals("OPTIONS")) {
            super.service(req, resp);
        } else {
            notAllowed(resp);
        }
    }

    private static void notAllowed(HttpServletResponse resp) throws IOException {
        resp.setHeader("Allow", "GET, HEAD");
        JsonErrors.send(resp, 405, "method-not-allowed", "the Infobutton endpoint answers GET requests");
    }
}
