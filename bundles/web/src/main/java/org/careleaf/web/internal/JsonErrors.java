package org.careleaf.web.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.servlet.http.HttpServletResponse;

/** Every error the web surfaces send: JSON with the status, a stable code and a plain reason. */
final class JsonErrors {

    private JsonErrors() {
    }

    static void send(HttpServletResponse resp, int status, String code, String message) throws IOException {
        send(resp, status, code, message, null);
    }

    /**
     * With {@code reader} set, the error also carries a plain sentence for the person in front of the
     * screen, in their language ({@code text}, {@code locale}); {@code message} stays the technical reason.
     */
    static void send(HttpServletResponse resp, int status, String code, String message, ReaderText reader)
            throws IOException {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("status", status);
        error.put("code", code);
        error.put("message", message);
        if (reader != null) {
            error.put("text", reader.text());
            error.put("locale", reader.locale());
            resp.setHeader("Content-Language", reader.locale());
        }
        byte[] body = WebJson.GSON.toJson(Map.of("error", error)).getBytes(StandardCharsets.UTF_8);
        resp.setStatus(status);
        resp.setContentType("application/json;charset=utf-8");
        resp.setHeader("Cache-Control", "no-store");
        resp.setContentLength(body.length);
        resp.getOutputStream().write(body);
    }

    /** A reader-facing sentence and its language. */
    record ReaderText(String text, String locale) {
    }
}
