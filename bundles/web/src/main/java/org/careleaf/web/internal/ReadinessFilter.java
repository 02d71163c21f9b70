package org.careleaf.web.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.careleaf.model.EducationCatalog;
import org.careleaf.model.Readiness;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardFilterName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardFilterPattern;

/**
 * Until the catalog has taken in the content Karaf installs at start, every content surface (REST,
 * viewer, Infobutton, CDS Hooks) answers 503 with {@code Retry-After} and the reason, so no host ever
 * caches a partial library or hears that a module on its way does not exist. Health and administration
 * answer as usual: they say why themselves.
 */
@Component(service = Filter.class)
@HttpWhiteboardFilterName("careleaf-readiness")
@HttpWhiteboardFilterPattern("/careleaf/*")
public class ReadinessFilter implements Filter {

    static final String RETRY_AFTER_SECONDS = "2";

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile EducationCatalog catalog;

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        String path = req.getRequestURI().substring(req.getContextPath().length());
        if (!isContent(path)) {
            chain.doFilter(request, response);
            return;
        }
        EducationCatalog c = catalog;
        Readiness r = c == null ? new Readiness(false, 0, 0, "the Careleaf catalog is not running") : c.view(null).readiness();
        if (r.ready()) {
            chain.doFilter(request, response);
            return;
        }
        HttpServletResponse resp = (HttpServletResponse) response;
        resp.setHeader("Retry-After", RETRY_AFTER_SECONDS);
        JsonErrors.send(resp, 503, "starting", "Careleaf is starting: " + r.reason() + "; try again shortly");
    }

    /** The surfaces that serve content; health, administration and the stylesheet are not held back. */
    static boolean isContent(String path) {
        return path.startsWith("/careleaf") && !path.equals("/careleaf/health") && !path.startsWith("/careleaf/admin")
                && !path.startsWith("/careleaf/static/");
    }
}
