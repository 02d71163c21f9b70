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
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.component.propertytypes.ServiceRanking;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardFilterName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardFilterPattern;

/**
 * Until the catalog has taken in the content Karaf installs at start, every content surface in the
 * Careleaf context (REST, viewer, search, figures, Infobutton, and the CDS Hooks and FHIR bundles' servlets)
 * answers 503 with {@code Retry-After} and the reason, so no host ever caches a partial library or hears
 * that a module on its way does not exist. Health, administration and the stylesheet answer as usual:
 * the first two say why themselves.
 */
@Component(service = Filter.class)
@HttpWhiteboardFilterName("careleaf-readiness")
@HttpWhiteboardFilterPattern("/*")
@HttpWhiteboardContextSelect(CareleafContext.SELECT)
@ServiceRanking(ReadinessFilter.RANKING)
public class ReadinessFilter implements Filter {

    static final int RANKING = 100;
    public static final String RETRY_AFTER_SECONDS = "2";

    /** Optional, so that the surfaces can say the catalog is missing rather than vanish with it. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile EducationCatalog catalog;

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        if (!isContent(Paths.within(req))) {
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

    /** The surfaces that serve content; health, administration and static files are not held back. */
    static boolean isContent(String path) {
        return !path.equals("/health") && !path.equals("/admin") && !path.startsWith("/admin/")
                && !path.startsWith("/static/");
    }
}
