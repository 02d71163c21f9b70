package org.careleaf.web.internal.http;

import javax.servlet.http.HttpServletRequest;

/** Where a request points inside the Careleaf context, and links back into it. */
public final class Paths {

    private Paths() {
    }

    /** The path below the context, e.g. {@code /modules/mpc-overview}; "/" at the context's root. */
    public static String within(HttpServletRequest req) {
        String servletPath = req.getServletPath() == null ? "" : req.getServletPath();
        String info = req.getPathInfo() == null ? "" : req.getPathInfo();
        String p = servletPath + info;
        return p.isEmpty() ? "/" : p;
    }

    /**
     * The path the client used to reach the context, without a trailing slash: {@code /careleaf} by
     * default, empty when Careleaf is mounted at the server's root. Every link starts with it.
     */
    public static String base(HttpServletRequest req) {
        String c = req.getContextPath();
        return c == null ? "" : c;
    }
}
