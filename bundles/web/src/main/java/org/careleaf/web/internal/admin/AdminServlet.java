package org.careleaf.web.internal.admin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import com.google.gson.JsonObject;

import org.careleaf.admin.Actor;
import org.careleaf.admin.AuditEntry;
import org.careleaf.admin.CatalogAdmin;
import org.careleaf.model.EducationCatalog;
import org.careleaf.web.internal.http.Answers;
import org.careleaf.web.internal.http.CareleafContext;
import org.careleaf.web.internal.http.JsonErrors;
import org.careleaf.web.internal.http.Paths;
import org.careleaf.web.internal.http.Stylesheet;
import org.careleaf.web.internal.http.Templates;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * The web admin under {@code {context}/admin} (login and role checked by {@link AdminLoginFilter}): a page
 * with the module table, problems, translation matrix and audit trail, and POST
 * {@code /modules/{id}/enable|disable}, which needs the CSRF token the page carries (form field
 * {@code csrf} or header {@code X-CSRF-Token}) and a same-origin {@code Origin} when the browser sends one.
 * JSON twins: {@code /api/modules}, {@code /api/audit?limit=}. Switched off by {@link AdminLoginFilter}.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("careleaf-admin")
@HttpWhiteboardServletPattern("/admin/*")
@HttpWhiteboardContextSelect(CareleafContext.SELECT)
public class AdminServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Pattern CHANGE = Pattern.compile("/modules/([a-z0-9]+(?:-[a-z0-9]+)*)/(enable|disable)");

    private final transient CatalogAdmin admin;
    private final transient EducationCatalog catalog;
    private final transient Templates templates;
    private final transient CsrfTokens tokens = new CsrfTokens(Clock.systemUTC());

    @Activate
    public AdminServlet(@Reference CatalogAdmin admin, @Reference EducationCatalog catalog,
            @Reference Templates templates) {
        this.admin = admin;
        this.catalog = catalog;
        this.templates = templates;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = AdminLoginFilter.adminPath(req);
        if (!AdminLoginFilter.KNOWN.matcher(path).matches()) {
            JsonErrors.send(resp, 404, "not-found", "no such admin path");
            return;
        }
        String user = AdminRequests.user(req, resp);
        if (user == null) {
            return;
        }
        switch (path) {
            case "", "/" -> page(req, resp, user);
            case "/api/modules" -> Answers.json(resp, 200, Map.of("modules", admin.modules(), "csrf", tokens.issue(user)));
            case "/api/audit" -> {
                int limit = intParam(req.getParameter("limit"), 50);
                if (limit < 1 || limit > 10_000) {
                    JsonErrors.send(resp, 400, "bad-limit", "limit must be a whole number from 1 to 10000");
                    return;
                }
                Answers.json(resp, 200, Map.of("audit", admin.audit(limit)));
            }
            default -> JsonErrors.send(resp, 404, "not-found", "no such admin path");
        }
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = AdminLoginFilter.adminPath(req);
        String base = Paths.base(req);
        Matcher m = CHANGE.matcher(path);
        if (!m.matches()) {
            JsonErrors.send(resp, AdminLoginFilter.KNOWN.matcher(path).matches() ? 405 : 404,
                    "not-found", "changes are POST " + base + "/admin/modules/{id}/enable or /disable");
            return;
        }
        String user = AdminRequests.user(req, resp);
        if (user == null || !AdminRequests.changeAllowed(req, resp, tokens, user)) {
            return;
        }
        boolean fromForm = AdminRequests.fromForm(req);
        String id = m.group(1);
        boolean enable = m.group(2).equals("enable");
        AuditEntry entry;
        try {
            entry = admin.setEnabled(id, enable, new Actor(user, "web", req.getRemoteAddr()));
        } catch (IllegalArgumentException unknown) {
            JsonErrors.send(resp, 404, "unknown-module", unknown.getMessage());
            return;
        }
        if (fromForm) {
            resp.setStatus(303);
            resp.setHeader("Location", base + "/admin/");
            return;
        }
        JsonObject o = new JsonObject();
        o.addProperty("module", id);
        o.addProperty("enabled", enable);
        o.addProperty("changed", entry != null);
        Answers.json(resp, 200, o);
    }

    private static int intParam(String value, int fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void page(HttpServletRequest req, HttpServletResponse resp, String user) throws IOException {
        String base = Paths.base(req);
        AdminPage page = AdminPage.of(admin, catalog, user, tokens.issue(user), base, Stylesheet.href(base));
        byte[] body = templates.render("admin/admin.ftlh", Map.of("m", page)).getBytes(StandardCharsets.UTF_8);
        resp.setContentType(Answers.HTML);
        resp.setContentLength(body.length);
        resp.getOutputStream().write(body);
    }
}
