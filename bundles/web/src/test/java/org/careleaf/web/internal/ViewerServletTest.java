package org.careleaf.web.internal;

import org.careleaf.catalog.internal.library.TestCatalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ViewerServletTest {

    private final TestCatalog catalog = InMemoryCatalog.sample();
    private ViewerServlet servlet;

    @BeforeEach
    void setUp() {
        servlet = new ViewerServlet();
        servlet.catalog = catalog;
        servlet.activate(config("'self'"));
    }

    private static WebConfig config(String frameAncestors) {
        return new WebConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return WebConfig.class;
            }

            @Override
            public String frameAncestors() {
                return frameAncestors;
            }
        };
    }

    private FakeHttp call(String method, String path, Map<String, String> query,
            Map<String, String> headers) throws Exception {
        FakeHttp x = new FakeHttp(method, path);
        query.forEach((name, value) -> x.param(name, value));
        headers.forEach(x::header);
        return x.run(servlet);
    }

    private FakeHttp get(String path, Map<String, String> query) throws Exception {
        return call("GET", path, query, Map.of());
    }

    private static void assertSecurityHeaders(FakeHttp resp) {
        assertTrue(resp.responseHeader("Content-Security-Policy").startsWith("default-src 'none'; style-src 'self';"));
        assertEquals("nosniff", resp.responseHeader("X-Content-Type-Options"));
        assertEquals("no-referrer", resp.responseHeader("Referrer-Policy"));
    }

    @Test
    void indexIsServedWithCachingAndSecurityHeaders() throws Exception {
        FakeHttp resp = get("/", Map.of());
        assertEquals(200, resp.status);
        assertEquals("text/html;charset=utf-8", resp.responseHeader("Content-Type"));
        assertEquals("en", resp.responseHeader("Content-Language"));
        assertEquals("no-cache", resp.responseHeader("Cache-Control"));
        assertEquals("Accept-Language", resp.responseHeader("Vary"));
        assertNotNull(resp.responseHeader("ETag"));
        assertEquals("SAMEORIGIN", resp.responseHeader("X-Frame-Options"));
        assertSecurityHeaders(resp);
        assertTrue(resp.text().contains("<h1>Patient information</h1>"));
    }

    @Test
    void languageComesFromTheParameterThenTheHeader() throws Exception {
        FakeHttp byHeader = call("GET", "/modules/mpc-overview", Map.of(),
                Map.of("Accept-Language", "ar-EG,ar;q=0.9,en;q=0.5"));
        assertEquals("ar", byHeader.responseHeader("Content-Language"));
        assertTrue(byHeader.text().contains("<html lang=\"ar\" dir=\"rtl\">"));
        FakeHttp byParameter = call("GET", "/modules/mpc-overview", Map.of("lang", "de"),
                Map.of("Accept-Language", "ar"));
        assertEquals("de", byParameter.responseHeader("Content-Language"));
    }

    @Test
    void unchangedPageAnswers304() throws Exception {
        String etag = get("/modules/mpc-overview", Map.of()).responseHeader("ETag");
        FakeHttp again = call("GET", "/modules/mpc-overview", Map.of(), Map.of("If-None-Match", etag));
        assertEquals(304, again.status);
        assertEquals(0, again.responseBody.size());
        assertSecurityHeaders(again);
        catalog.viewerText("fr", java.util.Map.of("site.title", "Information"));
        assertEquals(etag, get("/modules/mpc-overview", Map.of()).responseHeader("ETag"), "same content, same ETag");
    }

    @Test
    void unknownOrMalformedModuleIs404InTheReadersLanguage() throws Exception {
        for (String path : new String[] {"/modules/mpc-nothing", "/modules/Bad_Id", "/modules/", "/modules/a/b"}) {
            FakeHttp resp = get(path, Map.of("lang", "ar"));
            assertEquals(404, resp.status, path);
            assertEquals("text/html;charset=utf-8", resp.responseHeader("Content-Type"));
            assertEquals("no-store", resp.responseHeader("Cache-Control"));
            assertTrue(resp.text().contains("<html lang=\"ar\" dir=\"rtl\">"));
            assertTrue(resp.text().contains("<h1>ع error.unknown-module</h1>"));
            assertSecurityHeaders(resp);
        }
    }

    @Test
    void unknownPathIs404() throws Exception {
        FakeHttp resp = get("/nothing/here", Map.of());
        assertEquals(404, resp.status);
        assertTrue(resp.text().contains("<h1>We could not find that page.</h1>"));
        assertTrue(resp.text().startsWith("<!DOCTYPE html>"));
    }

    @Test
    void badLanguageIs400InTheHeadersLanguage() throws Exception {
        FakeHttp resp = call("GET", "/", Map.of("lang", "<script>"), Map.of("Accept-Language", "ar"));
        assertEquals(400, resp.status);
        assertTrue(resp.text().contains("<h1>ع error.bad-language</h1>"));
        assertTrue(!resp.text().contains("<script>"));
    }

    @Test
    void pathWithoutSlashRedirects() throws Exception {
        FakeHttp resp = get(null, Map.of("lang", "es"));
        assertEquals(301, resp.status);
        assertEquals("/careleaf/?lang=es", resp.responseHeader("Location"));
        assertEquals("/careleaf/", get(null, Map.of("lang", "\"><x")).responseHeader("Location"));
    }

    @Test
    void headHasHeadersButNoBody() throws Exception {
        FakeHttp resp = call("HEAD", "/modules/mpc-overview", Map.of(), Map.of());
        assertEquals(200, resp.status);
        assertEquals(0, resp.responseBody.size());
        assertTrue(Integer.parseInt(resp.responseHeader("Content-Length")) > 1000);
        assertSecurityHeaders(resp);
    }

    @Test
    void otherMethodsAreRefused() throws Exception {
        FakeHttp post = call("POST", "/", Map.of(), Map.of());
        assertEquals(405, post.status);
        assertEquals("GET, HEAD, OPTIONS", post.responseHeader("Allow"));
        assertSecurityHeaders(post);
        FakeHttp trace = call("TRACE", "/", Map.of(), Map.of("Cookie", "secret"));
        assertEquals(405, trace.status);
        assertTrue(!trace.text().contains("secret"));
    }

    @Test
    void stylesheetIsCachedLongOnlyUnderItsVersion() throws Exception {
        String page = get("/", Map.of()).text();
        int at = page.indexOf("/careleaf/static/viewer.css?v=");
        String version = page.substring(at + "/careleaf/static/viewer.css?v=".length(), page.indexOf('"', at));
        FakeHttp css = get("/static/viewer.css", Map.of("v", version));
        assertEquals(200, css.status);
        assertEquals("text/css;charset=utf-8", css.responseHeader("Content-Type"));
        assertEquals("public, max-age=31536000, immutable", css.responseHeader("Cache-Control"));
        assertTrue(css.text().contains("@media print"));
        assertSecurityHeaders(css);
        assertEquals("public, max-age=86400", get("/static/viewer.css", Map.of()).responseHeader("Cache-Control"));
        assertEquals(304, call("GET", "/static/viewer.css", Map.of(), Map.of("If-None-Match", css.responseHeader("ETag")))
                .status);
        assertEquals(400, get("/static/viewer.css", Map.of("v", "../../etc")).status);
        assertEquals(404, get("/static/other.css", Map.of()).status);
    }

    @Test
    void configuredFrameAncestorsAreUsedAndInvalidOnesIgnored() throws Exception {
        servlet.modified(config("https://his.example.org"));
        FakeHttp framed = get("/", Map.of());
        assertTrue(framed.responseHeader("Content-Security-Policy").endsWith("frame-ancestors https://his.example.org"));
        assertNull(framed.responseHeader("X-Frame-Options"));
        servlet.modified(config("* ; script-src *"));
        FakeHttp fallback = get("/", Map.of());
        assertTrue(fallback.responseHeader("Content-Security-Policy").endsWith("frame-ancestors 'self'"));
        assertEquals("SAMEORIGIN", fallback.responseHeader("X-Frame-Options"));
    }
}
