package org.careleaf.web.internal.http;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.logging.Logger;
import java.util.regex.Pattern;

import java.io.IOException;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.careleaf.model.EducationCatalog;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceFactory;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.http.context.ServletContextHelper;
import org.osgi.service.http.whiteboard.HttpWhiteboardConstants;

/**
 * The one HTTP Whiteboard context of Careleaf, named {@value #NAME}, at the configured path (default
 * {@value #DEFAULT_PATH}). Every Careleaf servlet and filter selects it by name with {@link #SELECT} and
 * uses patterns relative to it, so a hospital can mount Careleaf elsewhere; other Careleaf bundles (CDS
 * Hooks, FHIR) do the same and so get what it does for every request ({@link ContextGate}: headers, the
 * verbs Careleaf answers, readiness). Its default servlet ({@link NotRunningYet}) answers 503 for a path
 * whose surface is not running yet, rather than leave Jetty to say 404.
 *
 * <p>Registered by hand rather than through annotations so that the configured path is checked first: a
 * malformed one would make the whiteboard refuse the context and take every surface down with it.
 */
@Component(immediate = true, configurationPid = WebConfig.PID)
public class CareleafContext {

    public static final String NAME = "careleaf";
    /** The context selection filter every Careleaf servlet and filter carries. */
    public static final String SELECT = "(" + HttpWhiteboardConstants.HTTP_WHITEBOARD_CONTEXT_NAME + "=" + NAME + ")";
    public static final String DEFAULT_PATH = "/careleaf";

    private static final Logger LOG = Logger.getLogger(CareleafContext.class.getName());
    private static final Pattern PATH = Pattern.compile("/|(/[A-Za-z0-9._~-]{1,64}){1,8}");

    private final BundleContext bundleContext;
    private final ContextGate gate = new ContextGate();
    private String path;
    private ServiceRegistration<ServletContextHelper> registration;
    private ServiceRegistration<Servlet> notRunningYet;

    @Activate
    public CareleafContext(BundleContext bundleContext, WebConfig config) {
        this.bundleContext = bundleContext;
        gate.configure(config);
        register(path(config.contextPath()));
    }

    /** Optional, so that the surfaces can say the catalog is missing rather than vanish with it. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindCatalog(EducationCatalog catalog) {
        gate.catalog = catalog;
    }

    void unbindCatalog(EducationCatalog catalog) {
        if (gate.catalog == catalog) {
            gate.catalog = null;
        }
    }

    @Modified
    void modified(WebConfig config) {
        gate.configure(config);
        String wanted = path(config.contextPath());
        if (!wanted.equals(path)) {
            registration.unregister();
            register(wanted);
        }
    }

    @Deactivate
    void deactivate() {
        registration.unregister();
        notRunningYet.unregister();
    }

    private void register(String contextPath) {
        if (notRunningYet == null) {
            // before the context, so that the context never exists without it
            Dictionary<String, Object> fallback = new Hashtable<>();
            fallback.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_NAME, "careleaf-not-running-yet");
            fallback.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_PATTERN, "/");
            fallback.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_CONTEXT_SELECT, SELECT);
            notRunningYet = bundleContext.registerService(Servlet.class, new NotRunningYet(), fallback);
        }
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_CONTEXT_NAME, NAME);
        props.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_CONTEXT_PATH, contextPath);
        // one helper per bundle that uses the context, as the whiteboard asks, so resources and MIME types
        // are looked up in the bundle of the servlet that asks
        registration = bundleContext.registerService(ServletContextHelper.class, new ServiceFactory<>() {
            @Override
            public ServletContextHelper getService(Bundle bundle, ServiceRegistration<ServletContextHelper> reg) {
                return new ServletContextHelper(bundle) {
                    @Override
                    public boolean handleSecurity(HttpServletRequest req, HttpServletResponse resp) throws IOException {
                        return gate.admit(req, resp);
                    }
                };
            }

            @Override
            public void ungetService(Bundle bundle, ServiceRegistration<ServletContextHelper> reg,
                    ServletContextHelper helper) {
                // nothing held
            }
        }, props);
        path = contextPath;
    }

    /** The configured path when it is one, else the default. */
    static String path(String configured) {
        String p = configured == null ? "" : configured.trim();
        if (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        if (PATH.matcher(p).matches() && !p.contains("/./") && !p.contains("/../") && !p.endsWith("/..")
                && !p.endsWith("/.")) {
            return p;
        }
        LOG.warning(() -> "Careleaf: contextPath in " + WebConfig.PID + " must be a path such as /careleaf or "
                + "/his/education; using " + DEFAULT_PATH);
        return DEFAULT_PATH;
    }
}
