package org.careleaf.web.internal.http;

import java.io.IOException;
import java.util.Set;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * Careleaf reads with GET/HEAD, acts with POST and answers OPTIONS; nothing in it changes with PUT, DELETE,
 * PATCH or WebDAV verbs. Those get one 405 with the reason here, for every surface of every bundle in the
 * context, instead of each servlet's default (a bodiless 405, or 501 for a verb the servlet API does not know).
 */
final class MethodGuard {

    static final String ALLOW = "GET, HEAD, POST, OPTIONS";
    private static final Set<String> ALLOWED = Set.of("GET", "HEAD", "POST", "OPTIONS");

    private MethodGuard() {
    }

    static boolean admit(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (ALLOWED.contains(req.getMethod())) {
            return true;
        }
        resp.setHeader("Allow", ALLOW);
        ContextErrors.send(req, resp, 405, "method-not-allowed", "Careleaf answers " + ALLOW + " only");
        return false;
    }
}
