package org.careleaf.web.internal;

import java.io.IOException;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.careleaf.model.Identifiers;

/** Checks of request parameters shared by the web surfaces, and the answer with caching headers. */
final class Requests {

    static final int MAX_ID = Identifiers.MAX_ID;

    private Requests() {
    }

    static boolean isModuleId(String s) {
        return Identifiers.isId(s);
    }

    /** A clinical code as content carries it (C61, 399068003, L02BB04). */
    static boolean isCode(String s) {
        return Identifiers.isCode(s);
    }

    static boolean isLanguageTag(String s) {
        return Identifiers.isLanguageTag(s);
    }

    /**
     * The reader's language preference: the {@code lang} parameter, else {@code Accept-Language}.
     * Returns null after sending a 400 when {@code lang} is malformed.
     */
    static String languages(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String lang = req.getParameter("lang");
        if (lang != null && !lang.isEmpty()) {
            if (!isLanguageTag(lang)) {
                JsonErrors.send(resp, 400, "bad-language", "lang must be a language tag such as en, es or pt-BR");
                return null;
            }
            return lang;
        }
        String header = req.getHeader("Accept-Language");
        return header == null ? "" : header;
    }

    /** Sends a rendered body, or 304 when the client has it already. */
    static void send(HttpServletRequest req, HttpServletResponse resp, RenderCache.Rendered r, String contentType)
            throws IOException {
        resp.setHeader("ETag", r.etag());
        resp.setHeader("Cache-Control", "no-cache");
        resp.setHeader("Vary", "Accept-Language");
        resp.setHeader("X-Content-Type-Options", "nosniff");
        if (r.locale() != null) {
            resp.setHeader("Content-Language", r.locale());
        }
        String inm = req.getHeader("If-None-Match");
        if (inm != null && (inm.trim().equals("*") || inm.contains(r.etag()))) {
            resp.setStatus(304);
            return;
        }
        resp.setContentType(contentType);
        resp.setContentLength(r.body().length);
        if (!"HEAD".equals(req.getMethod())) {
            resp.getOutputStream().write(r.body());
        }
    }
}
