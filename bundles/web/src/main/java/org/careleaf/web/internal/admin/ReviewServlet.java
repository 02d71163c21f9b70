package org.careleaf.web.internal.admin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.careleaf.admin.Actor;
import org.careleaf.admin.Approval;
import org.careleaf.admin.ContentApprovals;
import org.careleaf.admin.PendingReview;
import org.careleaf.admin.ReviewDiff;
import org.careleaf.model.Identifiers;
import org.careleaf.web.internal.http.Answers;
import org.careleaf.web.internal.http.CareleafContext;
import org.careleaf.web.internal.http.JsonErrors;
import org.careleaf.web.internal.http.Paths;
import org.careleaf.web.internal.http.Stylesheet;
import org.careleaf.web.internal.http.Templates;
import org.careleaf.web.internal.http.WebJson;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * Clinical review under {@code {context}/admin/review}: what waits for the site's approval, what is
 * approved, and for one module (or one translation, {@code ?lang=}) the changes since its approved version,
 * side by side. POST {@code /review/{id}/approve} and {@code /withdraw} (form fields {@code hash},
 * {@code lang}, {@code comment} and the CSRF token) need the {@code careleaf-reviewer} role, which the login
 * filter checks; administrators may read. JSON twins: {@code /api/review}, {@code /api/review/{id}?lang=}.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("careleaf-review")
@HttpWhiteboardServletPattern({"/admin/review", "/admin/review/*", "/admin/api/review", "/admin/api/review/*"})
@HttpWhiteboardContextSelect(CareleafContext.SELECT)
public class ReviewServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    /** The review paths below {@code /admin}, for the login filter's list of known paths. */
    static final String PATHS = "/review/?|/review/[a-z0-9-]{1,64}(/(approve|withdraw))?|/api/review/?"
            + "|/api/review/[a-z0-9-]{1,64}";
    private static final Pattern MODULE = Pattern.compile("/(api/)?review/([a-z0-9]+(?:-[a-z0-9]+)*)");
    private static final Pattern CHANGE = Pattern.compile("/review/([a-z0-9]+(?:-[a-z0-9]+)*)/(approve|withdraw)");
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

    private final transient ContentApprovals approvals;
    private final transient Templates templates;
    private final transient CsrfTokens tokens = new CsrfTokens(Clock.systemUTC());

    @Activate
    public ReviewServlet(@Reference ContentApprovals approvals, @Reference Templates templates) {
        this.approvals = approvals;
        this.templates = templates;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = AdminLoginFilter.adminPath(req);
        String user = AdminRequests.user(req, resp);
        if (user == null) {
            return;
        }
        String lang = req.getParameter("lang");
        if (lang != null && !lang.isEmpty() && !Identifiers.isLanguageTag(lang)) {
            JsonErrors.send(resp, 400, "bad-language", "lang must be a language tag such as en, es or zh-Hant");
            return;
        }
        Matcher module = MODULE.matcher(path);
        ReviewDiff diff = null;
        if (module.matches()) {
            try {
                diff = approvals.diff(module.group(2), lang);
            } catch (IllegalArgumentException unknown) {
                JsonErrors.send(resp, 404, "nothing-to-review", unknown.getMessage());
                return;
            }
        } else if (!path.matches("/(api/)?review/?")) {
            JsonErrors.send(resp, 404, "not-found", "no such review path");
            return;
        }
        List<PendingReview> pending = approvals.pending();
        if (path.startsWith("/api/")) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("policy", WebJson.name(approvals.policy()));
            if (diff != null) {
                o.put("diff", diff);
                o.put("hash", hashOf(diff, pending));
            } else {
                o.put("pending", pending);
                o.put("approvals", approvals.approvals());
            }
            o.put("csrf", tokens.issue(user));
            Answers.json(resp, 200, o);
            return;
        }
        String base = Paths.base(req);
        ReviewPage.Diff d = diff == null ? null : new ReviewPage.Diff(diff.module(), diff.locale(),
                isTranslation(diff, pending), diff.fromVersion(), diff.toVersion(), hashOf(diff, pending), diff.parts());
        ReviewPage page = new ReviewPage(user, AdminRequests.roles(req).contains(AdminLoginFilter.REVIEWER),
                AdminLoginFilter.REVIEWER, tokens.issue(user), base, Stylesheet.href(base),
                WebJson.name(approvals.policy()), pending, approvals.approvals(), d);
        byte[] body = templates.render("admin/review.ftlh", Map.of("m", page)).getBytes(StandardCharsets.UTF_8);
        resp.setContentType(Answers.HTML);
        resp.setContentLength(body.length);
        resp.getOutputStream().write(body);
    }

    /** The content hash an approval of the diffed content must name: that of the version waiting, if any. */
    private static String hashOf(ReviewDiff diff, List<PendingReview> pending) {
        return pending.stream().filter(p -> p.module().equals(diff.module()) && p.locale().equals(diff.locale()))
                .map(PendingReview::contentHash).findFirst().orElse("");
    }

    private static boolean isTranslation(ReviewDiff diff, List<PendingReview> pending) {
        return pending.stream().anyMatch(p -> p.module().equals(diff.module()) && p.locale().equals(diff.locale())
                && p.translation());
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = AdminLoginFilter.adminPath(req);
        Matcher m = CHANGE.matcher(path);
        if (!m.matches()) {
            JsonErrors.send(resp, 405, "method-not-allowed", "changes are POST {context}/admin/review/{id}/approve or "
                    + "/withdraw");
            return;
        }
        String user = AdminRequests.user(req, resp);
        if (user == null || !AdminRequests.changeAllowed(req, resp, tokens, user)) {
            return;
        }
        String hash = req.getParameter("hash");
        String lang = req.getParameter("lang");
        String comment = req.getParameter("comment");
        if (hash == null || !HASH.matcher(hash).matches()) {
            JsonErrors.send(resp, 400, "bad-hash", "hash must name the content reviewed (64 hex digits, from the review "
                    + "page)");
            return;
        }
        if (lang != null && !lang.isEmpty() && !Identifiers.isLanguageTag(lang)) {
            JsonErrors.send(resp, 400, "bad-language", "lang must be a language tag such as en, es or zh-Hant");
            return;
        }
        Actor actor = new Actor(user, "web", req.getRemoteAddr());
        Approval a;
        try {
            a = m.group(2).equals("approve") ? approvals.approve(m.group(1), lang, hash, comment, actor)
                    : approvals.withdraw(m.group(1), lang, hash, comment, actor);
        } catch (IllegalArgumentException refused) {
            JsonErrors.send(resp, 409, "not-on-offer", refused.getMessage());
            return;
        }
        if (AdminRequests.fromForm(req)) {
            resp.setStatus(303);
            resp.setHeader("Location", Paths.base(req) + "/admin/review");
            return;
        }
        Answers.json(resp, 200, Map.of(m.group(2).equals("approve") ? "approved" : "withdrawn", a));
    }
}
