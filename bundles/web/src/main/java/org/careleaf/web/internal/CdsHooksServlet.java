package org.careleaf.web.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.careleaf.model.CatalogView;
import org.careleaf.model.EducationCatalog;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * CDS Hooks: {@code GET /careleaf/cds-services} (discovery) and
 * {@code POST /careleaf/cds-services/careleaf-patient-education} (cards for the {@code patient-view} hook).
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("careleaf-cds-hooks")
@HttpWhiteboardServletPattern({"/careleaf/cds-services", "/careleaf/cds-services/*"})
public class CdsHooksServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final String JSON = "application/json;charset=utf-8";
    private static final String SERVICE_PATH = "/" + CdsHooksService.ID;

    @Reference
    private EducationCatalog catalog;

    private final transient RenderCache cache = new RenderCache();

    public CdsHooksServlet() {
    }

    CdsHooksServlet(EducationCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo();
        if (path == null || path.equals("/")) {
            RenderCache.Rendered r = cache.get(catalog.view(null).revision(), "discovery",
                    () -> RenderCache.of(WebJson.GSON.toJson(CdsHooksService.discovery()), null));
            Requests.send(req, resp, r, JSON);
        } else if (path.equals(SERVICE_PATH)) {
            notAllowed(resp, "POST", "call the service with POST; GET /careleaf/cds-services lists the services");
        } else {
            unknownService(resp);
        }
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo();
        if (path == null || path.equals("/")) {
            notAllowed(resp, "GET, HEAD", "the discovery endpoint answers GET");
            return;
        }
        if (!path.equals(SERVICE_PATH)) {
            unknownService(resp);
            return;
        }
        if (!isJson(req.getContentType())) {
            JsonErrors.send(resp, 415, "unsupported-media-type",
                    "send the CDS Hooks request as application/json (UTF-8)");
            return;
        }
        String origin = Origins.of(req);
        if (origin == null) {
            JsonErrors.send(resp, 400, "bad-host", "the Host header must name a host, for the links in the cards");
            return;
        }
        String languages = Requests.languages(req, resp);
        if (languages == null) {
            return;
        }
        String body = body(req, resp);
        if (body == null) {
            return;
        }
        CdsHooksService.HookRequest hook;
        try {
            hook = CdsHooksService.parse(body);
        } catch (RequestRejected e) {
            JsonErrors.send(resp, e.status(), e.code(), e.getMessage());
            return;
        }
        CatalogView view = catalog.view(languages);
        String locale = view.locale();
        byte[] answer = WebJson.GSON.toJson(CdsHooksService.cards(hook, view, origin))
                .getBytes(StandardCharsets.UTF_8);
        // cards follow from one patient's chart: no cache may keep them
        resp.setHeader("Cache-Control", "no-store");
        resp.setHeader("Content-Language", locale);
        resp.setHeader("Vary", "Accept-Language");
        resp.setHeader("X-Content-Type-Options", "nosniff");
        resp.setContentType(JSON);
        resp.setContentLength(answer.length);
        resp.getOutputStream().write(answer);
    }

    @Override
    protected void doPut(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        notAllowed(resp, req.getPathInfo() == null || req.getPathInfo().equals("/") ? "GET, HEAD" : "POST",
                "CDS Hooks uses GET for discovery and POST for a service");
    }

    @Override
    protected void doDelete(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        doPut(req, resp);
    }

    @Override
    protected void doTrace(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        doPut(req, resp);
    }

    /** application/json, with no charset or UTF-8 (JSON is UTF-8 on the wire, RFC 8259). */
    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String[] parts = contentType.split(";");
        if (!parts[0].trim().equalsIgnoreCase("application/json")) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].trim().toLowerCase(Locale.ROOT);
            if (p.startsWith("charset=") && !p.substring(8).replace("\"", "").equals("utf-8")) {
                return false;
            }
        }
        return true;
    }

    /** The body as UTF-8 text, at most {@link CdsHooksService#MAX_BODY} bytes; null after sending an error. */
    private static String body(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (req.getContentLengthLong() > CdsHooksService.MAX_BODY) {
            tooLarge(resp);
            return null;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try (InputStream in = req.getInputStream()) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                if (bytes.size() + n > CdsHooksService.MAX_BODY) {
                    tooLarge(resp);
                    return null;
                }
                bytes.write(buffer, 0, n);
            }
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            JsonErrors.send(resp, 400, "bad-json", "the request body is not UTF-8 text");
            return null;
        }
    }

    private static void tooLarge(HttpServletResponse resp) throws IOException {
        JsonErrors.send(resp, 413, "body-too-large", "the request body is larger than "
                + (CdsHooksService.MAX_BODY >> 20) + " MiB");
    }

    private static void unknownService(HttpServletResponse resp) throws IOException {
        JsonErrors.send(resp, 404, "unknown-service", "no such CDS service; GET /careleaf/cds-services lists them ("
                + CdsHooksService.ID + ")");
    }

    private static void notAllowed(HttpServletResponse resp, String allow, String message) throws IOException {
        resp.setHeader("Allow", allow);
        JsonErrors.send(resp, 405, "method-not-allowed", message);
    }
}
