package org.careleaf.web.internal.admin;

import java.io.IOException;
import java.net.URI;
import java.util.Set;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.careleaf.web.internal.http.JsonErrors;

/** What every admin change checks before it is made: the login, the origin and the CSRF token. */
final class AdminRequests {

    /** A form post is never larger than this. */
    static final int MAX_FORM = 8192;

    private AdminRequests() {
    }

    /**
     * The user the login filter let through. A known path without one never reaches a servlet while the
     * filter is registered; should a servlet ever be up before it, the request is refused rather than served.
     */
    static String user(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String user = (String) req.getAttribute(AdminLoginFilter.USER);
        if (user == null) {
            resp.setHeader("Retry-After", "2");
            JsonErrors.send(resp, 503, "admin-starting", "the admin login is not running yet");
        }
        return user;
    }

    /** The roles of the user the login filter let through. */
    @SuppressWarnings("unchecked")
    static Set<String> roles(HttpServletRequest req) {
        Object roles = req.getAttribute(AdminLoginFilter.ROLES);
        return roles instanceof Set<?> s ? (Set<String>) s : Set.of();
    }

    /**
     * True when the change may go on: it comes from this site and carries a valid CSRF token (header
     * {@code X-CSRF-Token}, or form field {@code csrf}); otherwise the refusal is sent.
     */
    static boolean changeAllowed(HttpServletRequest req, HttpServletResponse resp, CsrfTokens tokens, String user)
            throws IOException {
        if (!sameOrigin(req)) {
            JsonErrors.send(resp, 403, "cross-origin", "the request comes from another site");
            return false;
        }
        String token = req.getHeader("X-CSRF-Token");
        if (token == null) {
            if (req.getContentLength() > MAX_FORM) {
                JsonErrors.send(resp, 413, "too-large", "the form is too large");
                return false;
            }
            token = req.getParameter("csrf");
        }
        if (!tokens.valid(user, token)) {
            JsonErrors.send(resp, 403, "bad-csrf-token", "the request lacks a valid CSRF token; reload the admin page");
            return false;
        }
        return true;
    }

    /** True for a form post (answered with a redirect), false for a script sending the token in a header. */
    static boolean fromForm(HttpServletRequest req) {
        return req.getHeader("X-CSRF-Token") == null;
    }

    /** A browser says where a request comes from; it must be this server. Non-browser clients send no Origin. */
    static boolean sameOrigin(HttpServletRequest req) {
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
}
