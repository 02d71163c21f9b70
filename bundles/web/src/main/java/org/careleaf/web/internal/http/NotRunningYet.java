package org.careleaf.web.internal.http;

import java.io.IOException;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * The Careleaf context's default servlet ({@code /}): it answers only a path no other servlet of the context
 * takes, and once the viewer runs (at {@code /*}) there is none, since the viewer answers every other path
 * itself (its own 404 page for one that does not exist). So this answers only while the surface a path
 * belongs to is not running yet, as at a restart, when the context is there before the servlets that need
 * the catalog: 503 with {@code Retry-After} and the reason, where Jetty would say 404.
 */
final class NotRunningYet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final String MESSAGE = "Careleaf is starting: this surface is not running yet; try again shortly";

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setHeader("Retry-After", ContextGate.RETRY_AFTER_SECONDS);
        resp.setHeader("Cache-Control", "no-store");
        ContextErrors.send(req, resp, 503, "starting", MESSAGE);
    }
}
