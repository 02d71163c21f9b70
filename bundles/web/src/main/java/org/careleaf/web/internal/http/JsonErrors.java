package org.careleaf.web.internal.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.servlet.http.HttpServletResponse;

import org.careleaf.model.CatalogView;

/** Every JSON error the web surfaces send: the status, a stable code and a plain reason. */
public final class JsonErrors {

    private JsonErrors() {
    }

    public static void send(HttpServletResponse resp, int status, String code, String message) throws IOException {
        write(resp, status, code, message, null, null);
    }

    /**
     * The error with, besides the technical {@code message}, a plain sentence for the person in front of the
     * screen in the language of {@code view} ({@code text}, {@code locale}; viewer string {@code readerKey}).
     */
    public static void send(HttpServletResponse resp, int status, String code, String message, CatalogView view,
            String readerKey) throws IOException {
        UiStrings ui = UiStrings.of(view);
        write(resp, status, code, message, ui.text(readerKey), ui.lang(readerKey));
    }

    private static void write(HttpServletResponse resp, int status, String code, String message, String text,
            String locale) throws IOException {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("status", status);
        error.put("code", code);
        error.put("message", message);
        if (text != null) {
            error.put("text", text);
            error.put("locale", locale);
            resp.setHeader("Content-Language", locale);
        }
        byte[] body = WebJson.GSON.toJson(Map.of("error", error)).getBytes(StandardCharsets.UTF_8);
        resp.setStatus(status);
        resp.setContentType(Answers.JSON);
        resp.setHeader("Cache-Control", "no-store");
        resp.setContentLength(body.length);
        resp.getOutputStream().write(body);
    }
}
