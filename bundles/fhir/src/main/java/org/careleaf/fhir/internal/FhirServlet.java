package org.careleaf.fhir.internal;

import java.io.IOException;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.careleaf.model.EducationCatalog;
import org.careleaf.model.ModuleView;
import org.careleaf.model.Readiness;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * The read-only FHIR R4 view (docs/fhir.md): {@code /fhir/metadata}, {@code /fhir/DocumentReference?…} and
 * {@code /fhir/DocumentReference/{id}} in the Careleaf HTTP context. Every request reads the library at
 * one revision; every error is an OperationOutcome with a 4xx (or a 503 while the catalog starts).
 */
@Component(service = Servlet.class)
@HttpWhiteboardContextSelect("(osgi.http.whiteboard.context.name=careleaf)")
@HttpWhiteboardServletName("careleaf-fhir")
@HttpWhiteboardServletPattern("/fhir/*")
public class FhirServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(FhirServlet.class.getName());
    /** When this server's capabilities last changed (CapabilityStatement.date). */
    private static final String CAPABILITIES_DATE = "2026-12-01";
    /** How often a request is tried again when the library changes while it is read. */
    private static final int ATTEMPTS = 3;
    private static final String RETRY_AFTER_SECONDS = "5";

    @Reference
    private EducationCatalog catalog;

    private final transient AnswerCache cache = new AnswerCache(AnswerCache.MAX_BYTES);

    public FhirServlet() {
    }

    FhirServlet(EducationCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String method = req.getMethod();
        boolean head = "HEAD".equals(method);
        String type = MediaTypes.FHIR_JSON;
        try {
            if (!head && !"GET".equals(method)) {
                resp.setHeader("Allow", "GET, HEAD");
                throw FhirException.notSupported(405, method + " is not supported: this FHIR view is read-only");
            }
            type = MediaTypes.negotiate(req.getParameter("_format"), req.getHeader("Accept"));
            for (int attempt = 1; ; attempt++) {
                try {
                    answer(req, resp, type, head);
                    return;
                } catch (Views.Changed e) {
                    if (attempt == ATTEMPTS) {
                        resp.setHeader("Retry-After", "1");
                        throw new FhirException(503, IssueType.TRANSIENT, "the library is changing; try again");
                    }
                }
            }
        } catch (FhirException e) {
            send(resp, e.status, Outcomes.error(e), type, false, head);
        } catch (RuntimeException e) {
            // a fault of this server: logged with its trace here, never shown to the client
            LOG.log(Level.WARNING, "FHIR request failed: " + req.getMethod() + " " + req.getPathInfo(), e);
            send(resp, 500, Outcomes.of(IssueSeverity.FATAL, IssueType.EXCEPTION,
                    "the server could not answer this request; the error is in its log"), type, false, head);
        }
    }

    private void answer(HttpServletRequest req, HttpServletResponse resp, String type, boolean head) throws IOException {
        String path = req.getPathInfo() == null ? "/" : req.getPathInfo();
        boolean pretty = "true".equals(req.getParameter("_pretty"));
        if (path.equals("/metadata")) {
            send(resp, 200, Capability.of(Links.of(req), version(), CAPABILITIES_DATE), type, pretty, head);
            return;
        }
        Views views = new Views(catalog);
        Readiness r = views.base().readiness();
        if (!r.ready()) {
            resp.setHeader("Retry-After", RETRY_AFTER_SECONDS);
            throw new FhirException(503, IssueType.TRANSIENT, "Careleaf is starting: " + r.reason());
        }
        String key = cacheKey(req, path, views.base().revision());
        AnswerCache.Answer a = cache.get(key);
        if (a == null) {
            a = answer(req, views, path, pretty);
            cache.put(key, a);
        }
        if (a.etag() != null) {
            resp.setHeader("ETag", a.etag());
            resp.setDateHeader("Last-Modified", a.lastModified());
        }
        send(resp, 200, a.body(), type, head);
    }

    private static AnswerCache.Answer answer(HttpServletRequest req, Views views, String path, boolean pretty) {
        if (path.equals("/DocumentReference") || path.equals("/DocumentReference/")) {
            String prefer = req.getHeader("Prefer");
            SearchParams p = SearchParams.parse(req.getParameterMap(), strict(prefer));
            return new AnswerCache.Answer(FhirJson.encode(new Search(views, p, Links.of(req)).run(), pretty), null, 0);
        }
        if (path.startsWith("/DocumentReference/")) {
            DocumentReference d = read(req, views, path.substring("/DocumentReference/".length()));
            return new AnswerCache.Answer(FhirJson.encode(d, pretty), "W/\"" + d.getMeta().getVersionId() + "\"",
                    d.getMeta().getLastUpdated().getTime());
        }
        String first = path.length() > 1 ? path.substring(1).split("/", 2)[0] : "";
        throw FhirException.notFound(first.matches("[A-Z][A-Za-z]{1,63}")
                ? "the resource type '" + first + "' is not served here; only DocumentReference is (see /metadata)"
                : "no such FHIR path; see /metadata");
    }

    private static boolean strict(String prefer) {
        return prefer != null && prefer.replace(" ", "").contains("handling=strict");
    }

    /** What an answer depends on: the revision, the URLs it writes, the path and every parameter. */
    private static String cacheKey(HttpServletRequest req, String path, long revision) {
        StringBuilder k = new StringBuilder().append(revision).append('\n').append(Links.of(req).fhirBase()).append(path)
                .append('\n').append(strict(req.getHeader("Prefer")));
        new java.util.TreeMap<>(req.getParameterMap()).forEach((name, values) -> {
            if (!name.equals("_format")) {
                k.append('\n').append(name).append('=').append(String.join("\u0000", values));
            }
        });
        return k.toString();
    }

    private static DocumentReference read(HttpServletRequest req, Views views, String id) {
        if (id.contains("/")) {
            throw FhirException.notFound("only read and search are supported (no history, no operations)");
        }
        if (!id.matches("[A-Za-z0-9\\-.]{1,100}")) {
            throw FhirException.invalid("'" + id + "' is not a FHIR id");
        }
        Optional<LogicalIds.Parsed> parsed = LogicalIds.parse(id, views.locales());
        Optional<ModuleView> module = parsed.flatMap(x -> views.in(x.language()).module(x.moduleId()));
        if (module.isEmpty()) {
            throw FhirException.notFound("no DocumentReference has the id '" + id + "' (ids are {moduleId}-{language}"
                    + " of enabled modules, languages " + String.join(", ", views.locales()) + ")");
        }
        return DocumentReferences.of(module.get(), parsed.get().language(), Links.of(req));
    }

    private static void send(HttpServletResponse resp, int status, IBaseResource resource, String type, boolean pretty,
            boolean head) throws IOException {
        send(resp, status, FhirJson.encode(resource, pretty), type, head);
    }

    private static void send(HttpServletResponse resp, int status, byte[] body, String type, boolean head)
            throws IOException {
        resp.setStatus(status);
        resp.setContentType(type + ";charset=utf-8");
        resp.setContentLength(body.length);
        resp.setHeader("Cache-Control", "no-cache");
        resp.setHeader("Vary", "Accept");
        resp.setHeader("X-Content-Type-Options", "nosniff");
        if (!head) {
            resp.getOutputStream().write(body);
        }
    }

    private static String version() {
        Bundle b = FrameworkUtil.getBundle(FhirServlet.class);
        return b == null ? "development" : b.getVersion().toString();
    }
}
