package org.careleaf.web.internal.health;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.servlet.Servlet;

import org.apache.felix.hc.api.HealthCheck;
import org.apache.felix.hc.api.Result;
import org.apache.felix.hc.api.ResultLog;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.http.whiteboard.HttpWhiteboardConstants;

/**
 * Whether the web surfaces that serve content are running, as a health check tagged {@code careleaf}: at a
 * restart the catalog can be ready before the viewer's servlet is registered, and health must not say 200
 * while the viewer still answers 503. {@code TEMPORARILY_UNAVAILABLE} naming what is missing, else
 * {@code OK}. Administration is left out: a hospital may switch it off.
 */
@Component(service = HealthCheck.class, property = {
    HealthCheck.NAME + "=Careleaf web surfaces",
    HealthCheck.TAGS + "=careleaf",
    HealthCheck.MBEAN_NAME + "=careleafWebSurfaces"
})
public class SurfacesHealthCheck implements HealthCheck {

    /** The whiteboard names of the servlets that serve content (REST, viewer, figures, stylesheet, Infobutton, search). */
    static final List<String> CONTENT = List.of("careleaf-api", "careleaf-viewer", "careleaf-figures", "careleaf-static",
            "careleaf-infobutton", "careleaf-api-search");

    private final Map<ServiceReference<Servlet>, String> running = new ConcurrentHashMap<>();

    @Reference(service = Servlet.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY,
            target = "(" + HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_NAME + "=careleaf-*)")
    void addServlet(ServiceReference<Servlet> servlet) {
        running.put(servlet, String.valueOf(servlet.getProperty(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_NAME)));
    }

    void removeServlet(ServiceReference<Servlet> servlet) {
        running.remove(servlet);
    }

    @Override
    public Result execute() {
        List<String> missing = missing(running.values());
        ResultLog log = new ResultLog();
        if (missing.isEmpty()) {
            log.add(new ResultLog.Entry(Result.Status.OK, "the web surfaces are running"));
        } else {
            log.add(new ResultLog.Entry(Result.Status.TEMPORARILY_UNAVAILABLE,
                    "the web surfaces are not all running yet (missing: " + String.join(", ", missing) + ")"));
        }
        return new Result(log);
    }

    /** The content servlets not among those registered, in {@link #CONTENT}'s order. */
    static List<String> missing(Collection<String> registered) {
        List<String> missing = new ArrayList<>();
        for (String name : CONTENT) {
            if (!registered.contains(name)) {
                missing.add(name);
            }
        }
        return missing;
    }
}
