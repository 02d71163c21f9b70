package org.careleaf.web.internal.http;

import java.io.IOException;

import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.careleaf.model.EducationCatalog;
import org.careleaf.model.Readiness;

/**
 * Until the catalog has taken in the content Karaf installs at start, every content surface in the
 * Careleaf context (REST, viewer, search, figures, Infobutton, and the CDS Hooks and FHIR bundles' servlets)
 * answers 503 with {@code Retry-After} and the reason, so no host ever caches a partial library or hears
 * that a module on its way does not exist. Health, administration and the stylesheet answer as usual:
 * the first two say why themselves.
 *
 * <p>The context itself asks it about every request ({@link CareleafContext}, through the whiteboard's
 * {@code handleSecurity}), before any filter or servlet of any bundle: a whiteboard filter would be
 * registered on its own schedule, and a servlet registered before it could answer first.
 */
public class ReadinessFilter implements Filter {

    public static final String RETRY_AFTER_SECONDS = "2";

    /** Optional, so that the surfaces can say the catalog is missing rather than vanish with it. */
    volatile EducationCatalog catalog;
    private volatile SecurityHeaders headers = SecurityHeaders.forFrameAncestors(SecurityHeaders.DEFAULT_FRAME_ANCESTORS);

    void headers(SecurityHeaders headers) {
        this.headers = headers;
    }

    /** The context's headers, for an answer sent before any filter has run. */
    void applyHeaders(HttpServletResponse resp) {
        headers.apply(resp);
    }

    /** True when the request may go on; otherwise the 503 is sent. */
    public boolean admit(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (!isContent(Paths.within(req))) {
            return true;
        }
        EducationCatalog c = catalog;
        Readiness r = c == null ? new Readiness(false, 0, 0, "the Careleaf catalog is not running") : c.view(null).readiness();
        if (r.ready()) {
            return true;
        }
        // no filter has run yet: this answer carries the context's headers itself
        headers.apply(resp);
        resp.setHeader("Retry-After", RETRY_AFTER_SECONDS);
        ContextErrors.send(req, resp, 503, "starting", "Careleaf is starting: " + r.reason() + "; try again shortly");
        return false;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (admit((HttpServletRequest) request, (HttpServletResponse) response)) {
            chain.doFilter(request, response);
        }
    }

    /** The surfaces that serve content; health, administration and static files are not held back. */
    static boolean isContent(String path) {
        return !path.equals("/health") && !path.equals("/admin") && !path.startsWith("/admin/")
                && !path.startsWith("/static/");
    }
}
