package org.careleaf.web.internal.viewer;

import java.io.IOException;
import java.util.regex.Pattern;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.careleaf.model.CatalogView;
import org.careleaf.model.EducationCatalog;
import org.careleaf.model.Identifiers;
import org.careleaf.web.internal.http.Answers;
import org.careleaf.web.internal.http.CareleafContext;
import org.careleaf.web.internal.http.JsonErrors;
import org.careleaf.web.internal.http.RenderCache;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * {@code {context}/figures/{moduleId}/{src}}: the SVG a figure block of an enabled module names, as its
 * content bundle ships it. The catalog refuses SVG with scripts or external references; the policy here
 * makes sure anyway: nothing loads, nothing runs, even when the file is opened on its own.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("careleaf-figures")
@HttpWhiteboardServletPattern("/figures/*")
@HttpWhiteboardContextSelect(CareleafContext.SELECT)
public class FigureServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final String POLICY = "default-src 'none'; style-src 'unsafe-inline'; sandbox";
    /** A path inside a content folder: no empty, dot or dot-dot segments. */
    private static final Pattern SRC = Pattern.compile("(?!.*(^|/)\\.{1,2}(/|$))[A-Za-z0-9._/-]{1,200}\\.svg");

    private final transient EducationCatalog catalog;
    private final transient RenderCache cache;

    @Activate
    public FigureServlet(@Reference EducationCatalog catalog, @Reference RenderCache cache) {
        this.catalog = catalog;
        this.cache = cache;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo() == null ? "" : req.getPathInfo();
        int slash = path.indexOf('/', 1);
        String id = slash < 0 ? "" : path.substring(1, slash);
        String src = slash < 0 ? "" : path.substring(slash + 1);
        if (!Identifiers.isId(id) || !SRC.matcher(src).matches() || src.contains("//")) {
            JsonErrors.send(resp, 404, "unknown-figure", "figures are " + "/figures/{module id}/{file}.svg");
            return;
        }
        CatalogView view = catalog.view(null);
        RenderCache.Rendered r = cache.get(view, "figure|" + id + "|" + src,
                () -> view.figure(id, src).map(f -> RenderCache.of(f.svg(), null)).orElse(null));
        if (r == null) {
            JsonErrors.send(resp, 404, "unknown-figure", "no enabled module shows the figure '" + src + "'");
            return;
        }
        resp.setHeader("Content-Security-Policy", POLICY);
        Answers.send(req, resp, r, "image/svg+xml");
    }
}
