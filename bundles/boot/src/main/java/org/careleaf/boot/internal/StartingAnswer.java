package org.careleaf.boot.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.regex.Pattern;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.http.whiteboard.HttpWhiteboardConstants;

/**
 * Answers 503 "starting", with {@code Retry-After}, below Careleaf's path while the Careleaf context does
 * not exist yet. Karaf starts Jetty (start level 30) well before the Careleaf bundles (80); in between,
 * Jetty would answer 404 for every Careleaf path, and an EHR calling a node that is starting would hear
 * that a module does not exist. This servlet sits in the whiteboard's default context, at
 * {@code <contextPath>/*}; once the Careleaf context is registered, Jetty sends every request below its path
 * there (the longest context path wins), so this answers only while the context is missing: before it
 * starts, and while the web bundle is being updated. Nothing is registered when Careleaf is mounted at
 * {@code /}, where the two would share a path.
 */
@Component(immediate = true, configurationPid = StartingAnswer.WEB_PID)
public class StartingAnswer {

    /** The web surfaces' configuration, which says where Careleaf is mounted. */
    static final String WEB_PID = "org.careleaf.web";
    static final String DEFAULT_PATH = "/careleaf";
    static final String RETRY_AFTER_SECONDS = "2";
    static final String MESSAGE = "Careleaf is starting: its web surfaces are not running yet; try again shortly";
    // the rule the web bundle applies to contextPath: where it falls back to the default, so does this
    private static final Pattern PATH = Pattern.compile("/|(/[A-Za-z0-9._~-]{1,64}){1,8}");
    private static final byte[] JSON = ("{\"error\":{\"status\":503,\"code\":\"starting\",\"message\":\"" + MESSAGE
            + "\"}}").getBytes(StandardCharsets.UTF_8);
    private static final byte[] OUTCOME = ("{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\","
            + "\"code\":\"transient\",\"diagnostics\":\"" + MESSAGE + "\"}]}").getBytes(StandardCharsets.UTF_8);

    /** Mirrors the web bundle's own {@code contextPath} setting (same PID, same default). */
    public @interface Config {
        String contextPath() default DEFAULT_PATH;
    }

    private final BundleContext bundleContext;
    private ServiceRegistration<Servlet> registration;
    private String path;

    @Activate
    public StartingAnswer(BundleContext bundleContext, Config config) {
        this.bundleContext = bundleContext;
        register(path(config.contextPath()));
    }

    @Modified
    synchronized void modified(Config config) {
        String wanted = path(config.contextPath());
        if (!wanted.equals(path)) {
            unregister();
            register(wanted);
        }
    }

    @Deactivate
    synchronized void unregister() {
        if (registration != null) {
            registration.unregister();
            registration = null;
        }
    }

    private synchronized void register(String contextPath) {
        path = contextPath;
        if (contextPath.equals("/")) {
            return;
        }
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_NAME, "careleaf-starting");
        props.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_PATTERN, contextPath + "/*");
        registration = bundleContext.registerService(Servlet.class, new Answer(contextPath), props);
    }

    /** The configured path when the web bundle would take it, else the default it falls back to. */
    static String path(String configured) {
        String p = configured == null ? "" : configured.trim();
        if (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        boolean dots = p.contains("/./") || p.contains("/../") || p.endsWith("/..") || p.endsWith("/.");
        return PATH.matcher(p).matches() && !dots ? p : DEFAULT_PATH;
    }

    /** 503 for every verb, in the shape the surface's clients read: FHIR's OperationOutcome or Careleaf's JSON. */
    static final class Answer extends HttpServlet {

        private static final long serialVersionUID = 1L;
        private final String fhir;

        Answer(String contextPath) {
            this.fhir = contextPath + "/fhir";
        }

        @Override
        protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            String uri = req.getRequestURI();
            boolean outcome = uri.equals(fhir) || uri.startsWith(fhir + "/");
            byte[] body = outcome ? OUTCOME : JSON;
            resp.setStatus(503);
            resp.setHeader("Retry-After", RETRY_AFTER_SECONDS);
            resp.setHeader("Cache-Control", "no-store");
            resp.setHeader("X-Content-Type-Options", "nosniff");
            resp.setHeader("Content-Security-Policy", "default-src 'none'");
            resp.setContentType(outcome ? "application/fhir+json;charset=utf-8" : "application/json;charset=utf-8");
            resp.setContentLength(body.length);
            resp.getOutputStream().write(body);
        }
    }
}
