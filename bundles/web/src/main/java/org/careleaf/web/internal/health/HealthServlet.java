package org.careleaf.web.internal.health;

import java.io.IOException;
import java.util.List;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import com.google.gson.JsonObject;

import org.apache.felix.hc.api.Result;
import org.apache.felix.hc.api.ResultLog;
import org.apache.felix.hc.api.execution.HealthCheckExecutionOptions;
import org.apache.felix.hc.api.execution.HealthCheckExecutionResult;
import org.apache.felix.hc.api.execution.HealthCheckExecutor;
import org.apache.felix.hc.api.execution.HealthCheckSelector;
import org.careleaf.model.CatalogView;
import org.careleaf.model.EducationCatalog;
import org.careleaf.web.internal.http.Answers;
import org.careleaf.web.internal.http.CareleafContext;
import org.careleaf.web.internal.http.ContextGate;
import org.careleaf.web.internal.http.WebJson;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * {@code GET {context}/health}: the Felix health checks tagged {@value #TAG} (the catalog registers one), in
 * the shape load balancers and scripts already read: {@code ok} (200), {@code degraded} (200: something
 * was refused, modules are served), {@code starting} (503 with {@code Retry-After}), {@code down} (503:
 * no catalog, no module, or a failing check). The verdict is the health checks'; the counts are the catalog's.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("careleaf-health")
@HttpWhiteboardServletPattern("/health")
@HttpWhiteboardContextSelect(CareleafContext.SELECT)
public class HealthServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final String TAG = "careleaf";

    /** Optional, so that health can say what is missing rather than vanish with it. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile HealthCheckExecutor checks;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile EducationCatalog catalog;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile org.careleaf.admin.ContentApprovals approvals;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        HealthCheckExecutor executor = checks;
        EducationCatalog c = catalog;
        JsonObject o = new JsonObject();
        Verdict v;
        if (executor == null) {
            v = new Verdict("down", "the health check executor (Felix Health Checks) is not running");
        } else {
            HealthCheckExecutionOptions now = new HealthCheckExecutionOptions();
            // health is cheap and must follow the catalog at once (a load balancer acts on it)
            now.setForceInstantExecution(true);
            v = Verdict.of(executor.execute(HealthCheckSelector.tags(TAG), now));
        }
        o.addProperty("status", v.status());
        if (v.reason() != null) {
            o.addProperty("reason", v.reason());
        }
        if (c != null) {
            CatalogView view = c.view(null);
            if (!view.readiness().ready()) {
                o.addProperty("loaded", view.readiness().loaded());
                o.addProperty("expected", view.readiness().expected());
            }
            o.addProperty("modules", view.size());
            o.add("locales", WebJson.GSON.toJsonTree(view.locales()));
            o.addProperty("revision", view.revision());
            o.add("problems", WebJson.GSON.toJsonTree(view.problems()));
        }
        org.careleaf.admin.ContentApprovals a = approvals;
        if (a != null && a.policy() != org.careleaf.admin.ApprovalPolicy.OFF) {
            // modules whose newest version waits for the site's clinicians (served meanwhile: the approved one)
            com.google.gson.JsonArray held = new com.google.gson.JsonArray();
            for (org.careleaf.admin.PendingReview p : a.pending()) {
                if (!p.translation()) {
                    JsonObject h = new JsonObject();
                    h.addProperty("module", p.module());
                    h.addProperty("waiting", p.version());
                    h.addProperty("served", p.approvedVersion());
                    held.add(h);
                }
            }
            o.addProperty("approvalPolicy", WebJson.name(a.policy()));
            o.add("heldForReview", held);
        }
        if (v.status().equals("starting")) {
            resp.setHeader("Retry-After", ContextGate.RETRY_AFTER_SECONDS);
        }
        Answers.json(resp, v.httpStatus(), o);
    }

    /** What the health checks say, in Careleaf's words. */
    record Verdict(String status, String reason) {

        int httpStatus() {
            return status.equals("ok") || status.equals("degraded") ? 200 : 503;
        }

        static Verdict of(List<HealthCheckExecutionResult> results) {
            if (results.isEmpty()) {
                return new Verdict("down", "the Careleaf catalog is not running");
            }
            Result.Status worst = Result.Status.OK;
            String reason = null;
            for (HealthCheckExecutionResult r : results) {
                Result result = r.getHealthCheckResult();
                if (result.getStatus().ordinal() > worst.ordinal()) {
                    worst = result.getStatus();
                    reason = firstMessage(result, worst);
                }
            }
            return switch (worst) {
                case OK -> new Verdict("ok", null);
                case WARN -> new Verdict("degraded", reason);
                case TEMPORARILY_UNAVAILABLE -> new Verdict("starting", reason);
                case CRITICAL, HEALTH_CHECK_ERROR -> new Verdict("down", reason);
            };
        }

        private static String firstMessage(Result result, Result.Status status) {
            for (ResultLog.Entry e : result) {
                if (e.getStatus() == status) {
                    return e.getMessage();
                }
            }
            return null;
        }
    }
}
