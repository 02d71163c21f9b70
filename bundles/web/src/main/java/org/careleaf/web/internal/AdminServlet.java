package org.careleaf.web.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
import org.careleaf.admin.ModuleStatus;
import org.careleaf.model.CatalogView;
import org.careleaf.model.Completeness;
import org.careleaf.model.EducationCatalog;
import org.careleaf.model.Problem;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * The web admin under {@code /careleaf/admin} (login and role checked by {@link AdminSecurity}): a page
 * with the module table, problems, translation matrix and audit trail, and POST
 * {@code /modules/{id}/enable|disable}, which needs the CSRF token the page carries (form field
 * {@code csrf} or header {@code X-CSRF-Token}) and a same-origin {@code Origin} when the browser sends one.
 * JSON twins: {@code /api/modules}, {@code /api/audit?limit=}.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("careleaf-admin")
@HttpWhiteboardServletPattern("/*")
@HttpWhiteboardContextSelect("(osgi.http.whiteboard.context.name=" + AdminSecurity.CONTEXT + ")")
public class AdminServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Pattern CHANGE = Pattern.compile("/modules/([a-z0-9]+(?:-[a-z0-9]+)*)/(enable|disable)");
    private static final int MAX_FORM = 4096;

    @Reference
    private transient CatalogAdmin admin;

    @Reference
    private transient EducationCatalog catalog;

    private final transient CsrfTokens tokens = new CsrfTokens(Clock.systemUTC());
    /** The admin page is never framed. */
    private final transient SecurityHeaders headers = SecurityHeaders.forFrameAncestors("'none'");

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo() == null ? "" : req.getPathInfo();
        String user = (String) req.getAttribute(AdminSecurity.USER);
        headers.apply(resp);
        resp.setHeader("Cache-Control", "no-store");
        switch (path) {
            case "", "/" -> page(resp, user);
            case "/api/modules" -> json(resp, Map.of("modules", admin.modules(), "csrf", tokens.issue(user)));
            case "/api/audit" -> {
                int limit = intParam(req.getParameter("limit"), 50);
                if (limit < 1 || limit > 10_000) {
                    JsonErrors.send(resp, 400, "bad-limit", "limit must be a whole number from 1 to 10000");
                    return;
                }
                json(resp, Map.of("audit", admin.audit(limit)));
            }
            default -> JsonErrors.send(resp, 404, "not-found", "no such admin path");
        }
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo() == null ? "" : req.getPathInfo();
        headers.apply(resp);
        resp.setHeader("Cache-Control", "no-store");
        Matcher m = CHANGE.matcher(path);
        if (!m.matches()) {
            JsonErrors.send(resp, AdminSecurity.KNOWN.matcher(path).matches() ? 405 : 404,
                    "not-found", "changes are POST /careleaf/admin/modules/{id}/enable or /disable");
            return;
        }
        String user = (String) req.getAttribute(AdminSecurity.USER);
        if (!sameOrigin(req)) {
            JsonErrors.send(resp, 403, "cross-origin", "the request comes from another site");
            return;
        }
        String token = req.getHeader("X-CSRF-Token");
        boolean fromForm = token == null;
        if (fromForm) {
            if (req.getContentLength() > MAX_FORM) {
                JsonErrors.send(resp, 413, "too-large", "the form is too large");
                return;
            }
            token = req.getParameter("csrf");
        }
        if (!tokens.valid(user, token)) {
            JsonErrors.send(resp, 403, "bad-csrf-token", "the request lacks a valid CSRF token; reload the admin page");
            return;
        }
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
            resp.setHeader("Location", "/careleaf/admin/");
            return;
        }
        JsonObject o = new JsonObject();
        o.addProperty("module", id);
        o.addProperty("enabled", enable);
        o.addProperty("changed", entry != null);
        json(resp, o);
    }

    /** A browser says where a request comes from; it must be this server. Non-browser clients send no Origin. */
    private static boolean sameOrigin(HttpServletRequest req) {
        String origin = req.getHeader("Origin");
        if (origin == null) {
            return true;
        }
        try {
            URI o = URI.create(origin);
            String host = req.getHeader("Host");
            return host != null && host.equalsIgnoreCase(o.getAuthority());
        } catch (IllegalArgumentException e) {
            return false;
        }
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

    private static void json(HttpServletResponse resp, Object body) throws IOException {
        byte[] bytes = WebJson.GSON.toJson(body).getBytes(StandardCharsets.UTF_8);
        resp.setContentType("application/json;charset=utf-8");
        resp.setContentLength(bytes.length);
        resp.getOutputStream().write(bytes);
    }

    private void page(HttpServletResponse resp, String user) throws IOException {
        String csrf = tokens.issue(user);
        StringBuilder h = new StringBuilder(16_384);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>Careleaf administration</title>")
                .append("<link rel=\"stylesheet\" href=\"/careleaf/static/viewer.css\"></head><body>")
                .append("<header><p>Careleaf administration — signed in as ").append(Html.escape(user))
                .append("</p></header><main id=\"main\"><h1>Careleaf administration</h1>");

        h.append("<h2>Modules</h2><table><thead><tr><th scope=\"col\">Module</th><th scope=\"col\">Version</th>")
                .append("<th scope=\"col\">State</th><th scope=\"col\">Languages</th><th scope=\"col\">Grade (en)</th>")
                .append("<th scope=\"col\">Change</th></tr></thead><tbody>");
        for (ModuleStatus m : admin.modules()) {
            String action = m.enabled() ? "disable" : "enable";
            h.append("<tr><th scope=\"row\">").append(Html.escape(m.id())).append("<br>")
                    .append(Html.escape(m.title())).append("</th><td>").append(Html.escape(m.version()))
                    .append("</td><td>").append(Html.escape(WebJson.name(m.state()))).append("</td><td>")
                    .append(Html.escape(String.join(" ", m.locales()))).append("</td><td>")
                    .append(m.readability() == null ? "-" : String.format("%.1f", m.readability()))
                    .append("</td><td><form method=\"post\" action=\"/careleaf/admin/modules/")
                    .append(Html.escape(m.id())).append('/').append(action).append("\">")
                    .append("<input type=\"hidden\" name=\"csrf\" value=\"").append(Html.escape(csrf)).append("\">")
                    .append("<button type=\"submit\">").append(m.enabled() ? "Disable " : "Enable ")
                    .append(Html.escape(m.id())).append("</button></form></td></tr>");
        }
        h.append("</tbody></table>");

        CatalogView view = catalog.view(null);
        List<Problem> problems = view.problems();
        h.append("<h2>Problems</h2>");
        if (problems.isEmpty()) {
            h.append("<p>None: every installed document is served as shipped.</p>");
        } else {
            h.append("<ul>");
            problems.forEach(p -> h.append("<li>").append(Html.escape((p.at() == null ? "" : p.at() + " ") + p.describe()))
                    .append("</li>"));
            h.append("</ul>");
        }

        h.append("<h2>Translations</h2>");
        Map<String, Map<String, Completeness>> matrix = new TreeMap<>();
        List<Completeness> all = new java.util.ArrayList<>();
        for (String l : view.locales()) {
            all.addAll(catalog.view(l).completeness());
        }
        all.forEach(c -> matrix.computeIfAbsent(c.module(), k -> new TreeMap<>()).put(c.locale(), c));
        List<String> locales = all.stream().map(Completeness::locale).distinct().sorted().toList();
        h.append("<table><thead><tr><th scope=\"col\">Module</th>");
        locales.forEach(l -> h.append("<th scope=\"col\">").append(Html.escape(l)).append("</th>"));
        h.append("</tr></thead><tbody>");
        for (var row : matrix.entrySet()) {
            h.append("<tr><th scope=\"row\">").append(Html.escape(row.getKey())).append("</th>");
            for (String l : locales) {
                Completeness c = row.getValue().get(l);
                h.append("<td>").append(c == null ? "-" : c.translated() + "/" + c.total()
                        + (c.stale() > 0 ? ", " + c.stale() + " stale" : "")
                        + (c.missing() > 0 ? ", " + c.missing() + " missing" : "")).append("</td>");
            }
            h.append("</tr>");
        }
        h.append("</tbody></table>");

        h.append("<h2>Audit trail</h2><table><thead><tr><th scope=\"col\">When</th><th scope=\"col\">Who</th>")
                .append("<th scope=\"col\">Channel</th><th scope=\"col\">From</th><th scope=\"col\">Change</th>")
                .append("</tr></thead><tbody>");
        for (AuditEntry e : admin.audit(50)) {
            h.append("<tr><td>").append(Html.escape(e.at())).append("</td><td>").append(Html.escape(e.user()))
                    .append("</td><td>").append(Html.escape(e.channel())).append("</td><td>")
                    .append(Html.escape(e.from())).append("</td><td>")
                    .append(Html.escape(e.action() + " " + e.target() + ": " + e.before() + " → " + e.after()))
                    .append("</td></tr>");
        }
        h.append("</tbody></table></main></body></html>\n");
        byte[] body = h.toString().getBytes(StandardCharsets.UTF_8);
        resp.setContentType("text/html;charset=utf-8");
        resp.setContentLength(body.length);
        resp.getOutputStream().write(body);
    }
}
