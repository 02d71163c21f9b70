package org.careleaf.fhir.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import javax.servlet.http.HttpServletRequest;

/**
 * Absolute URLs built from the request itself (scheme, host, port, context path), so the view is right
 * behind whatever context path the Careleaf HTTP context is given; nothing here names {@code /careleaf}.
 *
 * @param origin {@code http://host:port}
 * @param context the HTTP context's path, e.g. {@code /careleaf}
 * @param fhirBase the FHIR base URL, e.g. {@code http://host:port/careleaf/fhir}
 */
record Links(String origin, String context, String fhirBase) {

    static Links of(HttpServletRequest req) {
        String scheme = req.getScheme() == null ? "http" : req.getScheme().toLowerCase(java.util.Locale.ROOT);
        String host = req.getServerName() == null ? "localhost" : req.getServerName();
        if (host.indexOf(':') >= 0 && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        int port = req.getServerPort();
        boolean defaultPort = port <= 0 || scheme.equals("http") && port == 80 || scheme.equals("https") && port == 443;
        String origin = scheme + "://" + host + (defaultPort ? "" : ":" + port);
        String context = req.getContextPath() == null ? "" : req.getContextPath();
        String servlet = req.getServletPath() == null ? "" : req.getServletPath();
        return new Links(origin, context, origin + context + servlet);
    }

    String resource(String type, String id) {
        return fhirBase + "/" + type + "/" + id;
    }

    /** The patient viewer's page of a module: accessible HTML, print-friendly. */
    String viewer(String moduleId, String lang) {
        return origin + context + "/modules/" + moduleId + "?lang=" + encode(lang);
    }

    /** The REST API's JSON of a module. */
    String api(String moduleId, String lang) {
        return origin + context + "/api/modules/" + moduleId + "?lang=" + encode(lang);
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
