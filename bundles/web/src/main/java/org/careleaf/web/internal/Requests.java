package org.careleaf.web.internal;

import java.io.IOException;
import java.util.regex.Pattern;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** Checks of request parameters shared by the web surfaces, and the answer with caching headers. */
final class Requests {

    static final Pattern MODULE_ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern LANGUAGE_TAG = Pattern.compile("[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8}){0,3}");
    static final int MAX_ID = 64;

    private Requests() {
    }

    static boolean isModuleId(String s) {
        return s != null && s.length() <= MAX_ID && MODULE_ID.matcher(s).matches();
    }

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.\\-]{0,31}");

    /** A clinical code as content carries it (C61, 399068003, L02BB04). */
    static boolean isCode(String s) {
        return s != null && CODE.matcher(s).matches();
    }

    static boolean isLanguageTag(String s) {
        return s != null && s.length() <= 35 && LANGUAGE_TAG.matcher(s).matches();
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
