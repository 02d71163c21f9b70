package org.careleaf.cdshooks.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.servlet.http.HttpServletResponse;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

/** Every error the CDS Hooks endpoints send: JSON with the status, a stable code and a plain reason. */
final class JsonErrors {

    static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    private JsonErrors() {
    }

    static void send(HttpServletResponse resp, int status, String code, String message) throws IOException {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("status", status);
        error.put("code", code);
        error.put("message", message);
        byte[] body = GSON.toJson(Map.of("error", error)).getBytes(StandardCharsets.UTF_8);
        resp.setStatus(status);
        resp.setContentType("application/json;charset=utf-8");
        resp.setHeader("Cache-Control", "no-store");
        resp.setContentLength(body.length);
        resp.getOutputStream().write(body);
    }
}
