package org.careleaf.web.internal.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** Writing answers: cached bodies with their ETag (or 304), and uncached JSON. */
public final class Answers {

    public static final String JSON = "application/json;charset=utf-8";
    public static final String HTML = "text/html;charset=utf-8";

    private Answers() {
    }

    /** Sends a rendered body, or 304 when the client has it already; HEAD gets the headers only. */
    public static void send(HttpServletRequest req, HttpServletResponse resp, RenderCache.Rendered r,
            String contentType) throws IOException {
        resp.setHeader("ETag", r.etag());
        if (r.locale() != null) {
            resp.setHeader("Content-Language", r.locale());
        }
        if (notModified(req, r.etag())) {
            resp.setStatus(304);
            return;
        }
        resp.setContentType(contentType);
        resp.setContentLength(r.body().length);
        if (!"HEAD".equals(req.getMethod())) {
            resp.getOutputStream().write(r.body());
        }
    }

    /** True when the request's {@code If-None-Match} names this strong ETag (or is {@code *}). */
    public static boolean notModified(HttpServletRequest req, String etag) {
        String inm = req.getHeader("If-None-Match");
        return inm != null && (inm.trim().equals("*") || inm.contains(etag));
    }

    /** JSON for one reader only (admin, health): never kept by a cache. */
    public static void json(HttpServletResponse resp, int status, Object body) throws IOException {
        byte[] bytes = WebJson.GSON.toJson(body).getBytes(StandardCharsets.UTF_8);
        resp.setStatus(status);
        resp.setHeader("Cache-Control", "no-store");
        resp.setContentType(JSON);
        resp.setContentLength(bytes.length);
        resp.getOutputStream().write(bytes);
    }
}
