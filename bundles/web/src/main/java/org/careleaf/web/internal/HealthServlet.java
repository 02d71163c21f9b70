package org.careleaf.web.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import org.careleaf.model.CatalogView;
import org.careleaf.model.EducationCatalog;
import org.careleaf.model.Readiness;
import org.careleaf.model.Problem;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * {@code GET /careleaf/health}: {@code ok} when every installed document is served as shipped,
 * {@code degraded} (still 200) when something was refused but modules are served, {@code down} (503)
 * when the catalog is missing or serves no module. Load balancers read the status code.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("careleaf-health")
@HttpWhiteboardServletPattern("/careleaf/health")
public class HealthServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** Optional, so that health can say the catalog is missing rather than vanish with it. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile EducationCatalog catalog;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        EducationCatalog c = catalog;
        JsonObject o = new JsonObject();
        int status;
        if (c == null) {
            o.addProperty("status", "down");
            o.addProperty("reason", "the Careleaf catalog is not running");
            status = 503;
        } else {
            CatalogView view = c.view(null);
            int modules = view.size();
            List<Problem> problems = view.problems();
            Readiness readiness = view.readiness();
            String state = !readiness.ready() ? "starting" : modules == 0 ? "down" : problems.isEmpty() ? "ok" : "degraded";
            status = !readiness.ready() || modules == 0 ? 503 : 200;
            o.addProperty("status", state);
            if (!readiness.ready()) {
                o.addProperty("reason", readiness.reason());
                o.addProperty("loaded", readiness.loaded());
                o.addProperty("expected", readiness.expected());
                resp.setHeader("Retry-After", "2");
            } else if (modules == 0) {
                o.addProperty("reason", "no module is installed and enabled");
            }
            o.addProperty("modules", modules);
            o.add("locales", WebJson.GSON.toJsonTree(view.locales()));
            o.addProperty("revision", view.revision());
            JsonArray ps = new JsonArray();
            for (Problem p : problems) {
                ps.add(WebJson.GSON.toJsonTree(p));
            }
            o.add("problems", ps);
        }
        byte[] body = WebJson.GSON.toJson(o).getBytes(StandardCharsets.UTF_8);
        resp.setStatus(status);
        resp.setContentType("application/json;charset=utf-8");
        resp.setHeader("Cache-Control", "no-store");
        resp.setHeader("X-Content-Type-Options", "nosniff");
        resp.setContentLength(body.length);
        resp.getOutputStream().write(body);
    }
}
