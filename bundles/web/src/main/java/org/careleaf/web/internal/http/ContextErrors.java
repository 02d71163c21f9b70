package org.careleaf.web.internal.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * The errors the context itself sends before any servlet runs (starting, a verb Careleaf does not use), in
 * the shape the surface's clients read: an OperationOutcome below {@code /fhir}, Careleaf's JSON error
 * everywhere else.
 */
final class ContextErrors {

    private ContextErrors() {
    }

    static void send(HttpServletRequest req, HttpServletResponse resp, int status, String code, String message)
            throws IOException {
        String path = Paths.within(req);
        if (!path.equals("/fhir") && !path.startsWith("/fhir/")) {
            JsonErrors.send(resp, status, code, message);
            return;
        }
        String issue = status == 503 ? "transient" : status == 405 ? "not-supported" : "processing";
        Map<String, Object> outcome = Map.of("resourceType", "OperationOutcome", "issue",
                List.of(Map.of("severity", "error", "code", issue, "diagnostics", message)));
        byte[] body = WebJson.GSON.toJson(outcome).getBytes(StandardCharsets.UTF_8);
        resp.setStatus(status);
        resp.setContentType("application/fhir+json;charset=utf-8");
        resp.setContentLength(body.length);
        resp.getOutputStream().write(body);
    }
}
