package org.careleaf.web.internal.http;

import java.io.IOException;
import java.util.logging.Logger;

import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.propertytypes.ServiceRanking;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardFilterName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardFilterPattern;

/**
 * The headers every answer in the Careleaf context carries, whichever bundle's servlet gives it: the
 * security headers ({@link SecurityHeaders}) and the default caching rule (revalidate every time, per
 * language). A servlet overrides what it knows better: {@code no-store} for errors and personal
 * answers, a long lifetime for versioned files, a stricter policy for pictures. Runs first.
 */
@Component(service = Filter.class, configurationPid = WebConfig.PID)
@HttpWhiteboardFilterName("careleaf-headers")
@HttpWhiteboardFilterPattern("/*")
@HttpWhiteboardContextSelect(CareleafContext.SELECT)
@ServiceRanking(HeadersFilter.RANKING)
public class HeadersFilter implements Filter {

    /** Runs before the admin filter, so its answers carry the headers too (the readiness 503 applies them itself). */
    static final int RANKING = 300;
    private static final Logger LOG = Logger.getLogger(HeadersFilter.class.getName());

    private volatile SecurityHeaders headers;

    @Activate
    public HeadersFilter(WebConfig config) {
        configure(config);
    }

    @Modified
    void configure(WebConfig config) {
        String configured = config.frameAncestors();
        headers = SecurityHeaders.forFrameAncestors(configured);
        if (SecurityHeaders.validFrameAncestors(configured) == null) {
            LOG.warning(() -> "Careleaf: frameAncestors in " + WebConfig.PID + " must be 'self', 'none' or "
                    + "space-separated http(s) origins; using 'self' instead");
        }
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletResponse resp = (HttpServletResponse) response;
        headers.apply(resp);
        resp.setHeader("Cache-Control", "no-cache");
        resp.setHeader("Vary", "Accept-Language");
        chain.doFilter(request, response);
    }
}
