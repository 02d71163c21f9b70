package org.careleaf.web.internal.http;

import java.io.IOException;
import java.util.logging.Logger;

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
 * What the Careleaf context does for every request, whichever bundle's servlet answers it, before any
 * filter or servlet runs ({@link CareleafContext} asks it through the whiteboard's {@code handleSecurity}):
 *
 * <ul>
 * <li>the headers every answer carries: the security headers ({@link SecurityHeaders}) and the default
 * caching rule (revalidate every time, per language). A servlet overrides what it knows better:
 * {@code no-store} for errors and personal answers, a long lifetime for versioned files, a stricter
 * policy for pictures;
 * <li>one 405 with the reason for the verbs Careleaf does not use ({@link MethodGuard});
 * <li>until the catalog has taken in the content Karaf installs at start, every content surface (REST,
 * viewer, search, figures, Infobutton, and the CDS Hooks and FHIR bundles' servlets) answers 503 with
 * {@code Retry-After} and the reason, so no host ever caches a partial library or hears that a module
 * on its way does not exist. Health, administration and the stylesheet answer as usual: the first two
 * say why themselves.
 * </ul>
 *
 * <p>In the context rather than in whiteboard filters: a filter would be registered on its own schedule,
 * and a servlet registered before it could answer first; and each filter costs every request a link in
 * the chain. A {@link Filter} too, so that tests put it in front of a servlet as the context does.
 */
public final class ContextGate implements Filter {

    public static final String RETRY_AFTER_SECONDS = "2";
    private static final Logger LOG = Logger.getLogger(ContextGate.class.getName());

    /** Optional, so that the surfaces can say the catalog is missing rather than vanish with it. */
    volatile EducationCatalog catalog;
    private volatile SecurityHeaders headers = SecurityHeaders.forFrameAncestors(SecurityHeaders.DEFAULT_FRAME_ANCESTORS);

    /** Takes the configured frame-ancestors, or the default (saying so) when the value is not valid. */
    void configure(WebConfig config) {
        String configured = config.frameAncestors();
        headers = SecurityHeaders.forFrameAncestors(configured);
        if (SecurityHeaders.validFrameAncestors(configured) == null) {
            LOG.warning(() -> "Careleaf: frameAncestors in " + WebConfig.PID + " must be 'self', 'none' or "
                    + "space-separated http(s) origins; using 'self' instead");
        }
    }

    /** True when the request may go on; otherwise its answer (405 or 503) is sent. */
    public boolean admit(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        headers.apply(resp);
        resp.setHeader("Cache-Control", "no-cache");
        resp.setHeader("Vary", "Accept-Language");
        return MethodGuard.admit(req, resp) && ready(req, resp);
    }

    private boolean ready(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (!isContent(Paths.within(req))) {
            return true;
        }
        EducationCatalog c = catalog;
        Readiness r = c == null ? new Readiness(false, 0, 0, "the Careleaf catalog is not running") : c.view(null).readiness();
        if (r.ready()) {
            return true;
        }
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
