package org.careleaf.web.internal.viewer;

import java.io.IOException;
import java.util.regex.Pattern;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.careleaf.web.internal.http.Answers;
import org.careleaf.web.internal.http.CareleafContext;
import org.careleaf.web.internal.http.JsonErrors;
import org.careleaf.web.internal.http.Stylesheet;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * {@code {context}/static/viewer.css}: the one static file. Only the URL that names this exact content
 * ({@code ?v=} its hash) may be kept for a year; any other asks again daily.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("careleaf-static")
@HttpWhiteboardServletPattern("/static/*")
@HttpWhiteboardContextSelect(CareleafContext.SELECT)
public class StylesheetServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Pattern VERSION = Pattern.compile("[0-9a-f]{1,64}");

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (!"/viewer.css".equals(req.getPathInfo())) {
            JsonErrors.send(resp, 404, "not-found", "the only static file is " + Stylesheet.PATH);
            return;
        }
        String v = req.getParameter("v");
        if (v != null && !VERSION.matcher(v).matches()) {
            JsonErrors.send(resp, 400, "bad-parameter", "v must be the stylesheet's version, as pages link to it");
            return;
        }
        resp.setHeader("Cache-Control", Stylesheet.VERSION.equals(v) ? "public, max-age=31536000, immutable"
                : "public, max-age=86400");
        Answers.send(req, resp, Stylesheet.CSS, "text/css;charset=utf-8");
    }
}
