package org.careleaf.cdshooks.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.careleaf.cdshooks.internal.trust.Caller;
import org.careleaf.cdshooks.internal.trust.CdsTrust;
import org.careleaf.cdshooks.internal.trust.ReplayCacheFull;
import org.careleaf.cdshooks.internal.trust.Unauthorized;
import org.careleaf.model.CatalogView;
import org.careleaf.model.EducationCatalog;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * CDS Hooks 2.0 in the Careleaf HTTP context: {@code GET /cds-services} (discovery),
 * {@code POST /cds-services/{id}} (cards) and {@code POST /cds-services/{id}/feedback}. Every POST is
 * routed, then its caller authenticated ({@link CdsTrust}), and only then is its body read. The context
 * applies the security headers and answers 503 while the catalog starts.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("careleaf-cds-hooks")
@HttpWhiteboardServletPattern({Links.CDS_SERVICES, Links.CDS_SERVICES + "/*"})
@HttpWhiteboardContextSelect("(osgi.http.whiteboard.context.name=" + CdsHooksServlet.CONTEXT + ")")
public class CdsHooksServlet extends HttpServlet {

    static final String CONTEXT = "careleaf";
    static final int MAX_BODY = 1 << 20;
    static final int MAX_FEEDBACK_BODY = 64 << 10;
    /** Recent cards kept for feedback (about 200 bytes each): many hours of a busy hospital's order sessions. */
    static final int ISSUED_CARDS = 50_000;
    private static final long serialVersionUID = 1L;
    private static final String JSON = "application/json;charset=utf-8";
    private static final Logger LOG = Logger.getLogger("org.careleaf.cdshooks");
    private static final byte[] DISCOVERY = JsonErrors.GSON.toJson(Discovery.document())
            .getBytes(StandardCharsets.UTF_8);
    private static final String DISCOVERY_ETAG = etag(DISCOVERY);

    private final transient EducationCatalog catalog;
    private final transient CdsTrust trust;
    private final transient FeedbackStore feedback;
    private final transient Clock clock;
    private final transient IssuedCards issued = new IssuedCards(ISSUED_CARDS);
    private final transient RefusalLog refusals;

    @Activate
    public CdsHooksServlet(@Reference EducationCatalog catalog, @Reference CdsTrust trust,
            @Reference FeedbackStore feedback) {
        this(catalog, trust, feedback, Clock.systemUTC());
    }

    CdsHooksServlet(EducationCatalog catalog, CdsTrust trust, FeedbackStore feedback, Clock clock) {
        this.catalog = catalog;
        this.trust = trust;
        this.feedback = feedback;
        this.clock = clock;
        this.refusals = new RefusalLog(clock);
    }

    /** Where a path under {@code /cds-services} leads: discovery, a service, its feedback, or nowhere. */
    private record Route(Hook hook, boolean feedback) {
        static final Route DISCOVERY = new Route(null, false);

        static Route of(String pathInfo) {
            if (pathInfo == null || pathInfo.equals("/")) {
                return DISCOVERY;
            }
            String[] parts = pathInfo.substring(1).split("/", -1);
            Hook hook = Hook.byServiceId(parts[0]).orElse(null);
            if (hook == null || parts.length > 2 || parts.length == 2 && !parts[1].equals("feedback")) {
                return null;
            }
            return new Route(hook, parts.length == 2);
        }
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Route route = Route.of(req.getPathInfo());
        if (route == null) {
            unknownService(resp);
            return;
        }
        if (route != Route.DISCOVERY) {
            notAllowed(resp, "POST", "call the service with POST; GET " + Links.CDS_SERVICES + " lists the services");
            return;
        }
        // discovery holds no patient data and stays readable without a token; a token sent is checked all the same
        if (req.getHeader("Authorization") != null) {
            Links links = links(req, resp);
            if (links == null || authenticate(req, resp, route, links) == null) {
                return;
            }
        }
        resp.setHeader("ETag", DISCOVERY_ETAG);
        resp.setHeader("Cache-Control", "no-cache");
        resp.setHeader("X-Content-Type-Options", "nosniff");
        String inm = req.getHeader("If-None-Match");
        if (inm != null && (inm.trim().equals("*") || inm.contains(DISCOVERY_ETAG))) {
            resp.setStatus(304);
            return;
        }
        resp.setContentType(JSON);
        resp.setContentLength(DISCOVERY.length);
        if (!"HEAD".equals(req.getMethod())) {
            resp.getOutputStream().write(DISCOVERY);
        }
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Route route = Route.of(req.getPathInfo());
        if (route == null) {
            unknownService(resp);
            return;
        }
        if (route == Route.DISCOVERY) {
            notAllowed(resp, "GET, HEAD", "the discovery endpoint answers GET");
            return;
        }
        Links links = links(req, resp);
        if (links == null) {
            return;
        }
        Caller caller = authenticate(req, resp, route, links);
        if (caller == null) {
            return;
        }
        try {
            if (route.feedback()) {
                feedback(route.hook(), RequestBodies.read(req, MAX_FEEDBACK_BODY), resp);
            } else {
                cards(route.hook(), RequestBodies.read(req, MAX_BODY), links, req, resp, caller);
            }
        } catch (RequestRejected e) {
            JsonErrors.send(resp, e.status(), e.code(), e.getMessage());
        }
    }

    private void cards(Hook hook, String body, Links links, HttpServletRequest req, HttpServletResponse resp,
            Caller caller) throws RequestRejected, IOException {
        HookCall call = HookCallParser.parse(hook, body);
        CatalogView view = catalog.view(HookCallParser.languages(call, req.getHeader("Accept-Language")));
        Cards.Answer answer = Cards.build(call, view, links, clock.instant());
        issued.remember(hook.serviceId(), answer.issued());
        byte[] bytes = JsonErrors.GSON.toJson(answer.body()).getBytes(StandardCharsets.UTF_8);
        if (LOG.isLoggable(Level.FINE)) {
            LOG.fine("CDS Hooks " + hook.serviceId() + ": " + answer.issued().size() + " card(s) for "
                    + (caller.signed() ? "issuer=" + caller.issuer() + " kid=" + caller.kid() : "an unsigned call"));
        }
        // cards follow from one patient's chart: no cache may keep them
        resp.setHeader("Cache-Control", "no-store");
        resp.setHeader("Content-Language", view.locale());
        resp.setHeader("Vary", "Accept-Language");
        resp.setHeader("X-Content-Type-Options", "nosniff");
        resp.setContentType(JSON);
        resp.setContentLength(bytes.length);
        resp.getOutputStream().write(bytes);
    }

    private void feedback(Hook hook, String body, HttpServletResponse resp) throws RequestRejected, IOException {
        List<FeedbackItem> items = FeedbackParser.parse(body);
        List<FeedbackStore.Outcome> outcomes = new ArrayList<>();
        for (FeedbackItem i : items) {
            IssuedCards.Claim claim = issued.claim(hook.serviceId(), i.card(), i.accepted());
            if (claim.first()) {
                outcomes.add(new FeedbackStore.Outcome(i, claim.moduleId()));
            }
        }
        try {
            feedback.record(outcomes, clock.instant());
        } catch (IOException e) {
            LOG.warning("CDS Hooks feedback could not be stored: " + e.getClass().getSimpleName());
            resp.setHeader("Retry-After", "30");
            JsonErrors.send(resp, 503, "feedback-not-stored", "the feedback could not be stored; send it again later");
            return;
        }
        byte[] ok = "{}".getBytes(StandardCharsets.UTF_8);
        resp.setHeader("Cache-Control", "no-store");
        resp.setContentType(JSON);
        resp.setContentLength(ok.length);
        resp.getOutputStream().write(ok);
    }

    /** The caller, or null after answering 401 (or 503 when the replay cache is full). */
    private Caller authenticate(HttpServletRequest req, HttpServletResponse resp, Route route, Links links)
            throws IOException {
        List<String> audiences = route == Route.DISCOVERY ? List.of(links.discovery())
                : route.feedback() ? List.of(links.feedback(route.hook()), links.service(route.hook()))
                : List.of(links.service(route.hook()));
        try {
            return trust.authenticate(req.getHeader("Authorization"), audiences, req.getRemoteAddr(), forwarded(req));
        } catch (Unauthorized u) {
            refusals.refused(route.hook() == null ? "discovery" : route.hook().serviceId(), u);
            resp.setHeader("WWW-Authenticate", u.reason().equals("missing-token") ? "Bearer"
                    : "Bearer error=\"invalid_token\"");
            JsonErrors.send(resp, 401, u.reason(), u.getMessage());
            return null;
        } catch (ReplayCacheFull full) {
            LOG.warning("CDS Hooks: the replay cache is full; calls are refused until older tokens expire");
            resp.setHeader("Retry-After", "10");
            JsonErrors.send(resp, 503, "busy", "too many calls to check for replay right now; try again shortly");
            return null;
        }
    }

    /** Whether a proxy passed the call on: it then came from elsewhere, whatever the connection's address. */
    private static boolean forwarded(HttpServletRequest req) {
        return req.getHeader("Forwarded") != null || req.getHeader("X-Forwarded-For") != null
                || req.getHeader("X-Forwarded-Host") != null || req.getHeader("X-Real-IP") != null;
    }

    /** The URLs as the client sees them, or null after a 400 for a Host that cannot be put into links. */
    private Links links(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String base = trust.publicBase();
        if (base == null) {
            String origin = Origins.of(req);
            if (origin == null) {
                JsonErrors.send(resp, 400, "bad-host", "the Host header must name a host, for the links in the cards");
                return null;
            }
            base = origin + (req.getContextPath() == null ? "" : req.getContextPath());
        }
        return new Links(base);
    }

    @Override
    protected void doPut(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Route route = Route.of(req.getPathInfo());
        if (route == null) {
            unknownService(resp);
            return;
        }
        notAllowed(resp, route == Route.DISCOVERY ? "GET, HEAD" : "POST",
                "CDS Hooks uses GET for discovery and POST for a service and its feedback");
    }

    @Override
    protected void doDelete(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        doPut(req, resp);
    }

    @Override
    protected void doTrace(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        doPut(req, resp);
    }

    private static void unknownService(HttpServletResponse resp) throws IOException {
        JsonErrors.send(resp, 404, "unknown-service", "no such CDS service; GET " + Links.CDS_SERVICES
                + " lists them");
    }

    private static void notAllowed(HttpServletResponse resp, String allow, String message) throws IOException {
        resp.setHeader("Allow", allow);
        JsonErrors.send(resp, 405, "method-not-allowed", message);
    }

    private static String etag(byte[] body) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + HexFormat.of().formatHex(d, 0, 12) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
