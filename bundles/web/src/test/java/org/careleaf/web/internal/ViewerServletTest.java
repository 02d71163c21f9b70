package org.careleaf.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ViewerServletTest {

    private final InMemoryCatalog catalog = InMemoryCatalog.sample();
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

    private FakeHttp.Response call(String method, String path, Map<String, String> query,
            Map<String, String> headers) throws Exception {
        FakeHttp.Response resp = new FakeHttp.Response();
        servlet.service(FakeHttp.request(method, path, query, headers), resp.proxy());
        return resp;
    }

    private FakeHttp.Response get(String path, Map<String, String> query) throws Exception {
        return call("GET", path, query, Map.of());
    }

    private static void assertSecurityHeaders(FakeHttp.Response resp) {
        assertTrue(resp.header("Content-Security-Policy").startsWith("default-src 'none'; style-src 'self';"));
        assertEquals("nosniff", resp.header("X-Content-Type-Options"));
        assertEquals("no-referrer", resp.header("Referrer-Policy"));
    }

    @Test
    void indexIsServedWithCachingAndSecurityHeaders() throws Exception {
        FakeHttp.Response resp = get("/", Map.of());
        assertEquals(200, resp.status);
        assertEquals("text/html;charset=utf-8", resp.header("Content-Type"));
        assertEquals("en", resp.header("Content-Language"));
        assertEquals("no-cache", resp.header("Cache-Control"));
        assertEquals("Accept-Language", resp.header("Vary"));
        assertNotNull(resp.header("ETag"));
        assertEquals("SAMEORIGIN", resp.header("X-Frame-Options"));
        assertSecurityHeaders(resp);
        assertTrue(resp.text().contains("<h1>Patient information</h1>"));
    }

    @Test
    void languageComesFromTheParameterThenTheHeader() throws Exception {
        FakeHttp.Response byHeader = call("GET", "/modules/mpc-overview", Map.of(),
                Map.of("Accept-Language", "ar-EG,ar;q=0.9,en;q=0.5"));
        assertEquals("ar", byHeader.header("Content-Language"));
        assertTrue(byHeader.text().contains("<html lang=\"ar\" dir=\"rtl\">"));
        FakeHttp.Response byParameter = call("GET", "/modules/mpc-overview", Map.of("lang", "de"),
                Map.of("Accept-Language", "ar"));
        assertEquals("de", byParameter.header("Content-Language"));
    }

    @Test
    void unchangedPageAnswers304() throws Exception {
        String etag = get("/modules/mpc-overview", Map.of()).header("ETag");
        FakeHttp.Response again = call("GET", "/modules/mpc-overview", Map.of(), Map.of("If-None-Match", etag));
        assertEquals(304, again.status);
        assertEquals(0, again.body.size());
        assertSecurityHeaders(again);
        catalog.revision++;
        assertEquals(etag, get("/modules/mpc-overview", Map.of()).header("ETag"), "same content, same ETag");
    }

    @Test
    void unknownOrMalformedModuleIs404InTheReadersLanguage() throws Exception {
        for (String path : new String[] {"/modules/mpc-nothing", "/modules/Bad_Id", "/modules/", "/modules/a/b"}) {
            FakeHttp.Response resp = get(path, Map.of("lang", "ar"));
            assertEquals(404, resp.status, path);
            assertEquals("text/html;charset=utf-8", resp.header("Content-Type"));
            assertEquals("no-store", resp.header("Cache-Control"));
            assertTrue(resp.text().contains("<html lang=\"ar\" dir=\"rtl\">"));
            assertTrue(resp.text().contains("<h1>ع error.unknown-module</h1>"));
            assertSecurityHeaders(resp);
        }
    }

    @Test
    void unknownPathIs404() throws Exception {
        FakeHttp.Response resp = get("/nothing/here", Map.of());
        assertEquals(404, resp.status);
        assertTrue(resp.text().contains("<h1>We could not find that page.</h1>"));
        assertTrue(resp.text().startsWith("<!DOCTYPE html>"));
    }

    @Test
    void badLanguageIs400InTheHeadersLanguage() throws Exception {
        FakeHttp.Response resp = call("GET", "/", Map.of("lang", "<script>"), Map.of("Accept-Language", "ar"));
        assertEquals(400, resp.status);
        assertTrue(resp.text().contains("<h1>ع error.bad-language</h1>"));
        assertTrue(!resp.text().contains("<script>"));
    }

    @Test
    void pathWithoutSlashRedirects() throws Exception {
        FakeHttp.Response resp = get(null, Map.of("lang", "es"));
        assertEquals(301, resp.status);
        assertEquals("/careleaf/?lang=es", resp.header("Location"));
        assertEquals("/careleaf/", get(null, Map.of("lang", "\"><x")).header("Location"));
    }

    @Test
    void headHasHeadersButNoBody() throws Exception {
        FakeHttp.Response resp = call("HEAD", "/modules/mpc-overview", Map.of(), Map.of());
        assertEquals(200, resp.status);
        assertEquals(0, resp.body.size());
        assertTrue(Integer.parseInt(resp.header("Content-Length")) > 1000);
        assertSecurityHeaders(resp);
    }

    @Test
    void otherMethodsAreRefused() throws Exception {
        FakeHttp.Response post = call("POST", "/", Map.of(), Map.of());
        assertEquals(405, post.status);
        assertEquals("GET, HEAD, OPTIONS", post.header("Allow"));
        assertSecurityHeaders(post);
        FakeHttp.Response trace = call("TRACE", "/", Map.of(), Map.of("Cookie", "secret"));
        assertEquals(405, trace.status);
        assertTrue(!trace.text().contains("secret"));
    }

    @Test
    void stylesheetIsCachedLongOnlyUnderItsVersion() throws Exception {
        String page = get("/", Map.of()).text();
        int at = page.indexOf("/careleaf/static/viewer.css?v=");
        String version = page.substring(at + "/careleaf/static/viewer.css?v=".length(), page.indexOf('"', at));
        FakeHttp.Response css = get("/static/viewer.css", Map.of("v", version));
        assertEquals(200, css.status);
        assertEquals("text/css;charset=utf-8", css.header("Content-Type"));
        assertEquals("public, max-age=31536000, immutable", css.header("Cache-Control"));
        assertTrue(css.text().contains("@media print"));
        assertSecurityHeaders(css);
        assertEquals("public, max-age=86400", get("/static/viewer.css", Map.of()).header("Cache-Control"));
        assertEquals(304, call("GET", "/static/viewer.css", Map.of(), Map.of("If-None-Match", css.header("ETag")))
                .status);
        assertEquals(400, get("/static/viewer.css", Map.of("v", "../../etc")).status);
        assertEquals(404, get("/static/other.css", Map.of()).status);
    }

    @Test
    void configuredFrameAncestorsAreUsedAndInvalidOnesIgnored() throws Exception {
        servlet.modified(config("https://his.example.org"));
        FakeHttp.Response framed = get("/", Map.of());
        assertTrue(framed.header("Content-Security-Policy").endsWith("frame-ancestors https://his.example.org"));
        assertNull(framed.header("X-Frame-Options"));
        servlet.modified(config("* ; script-src *"));
        FakeHttp.Response fallback = get("/", Map.of());
        assertTrue(fallback.header("Content-Security-Policy").endsWith("frame-ancestors 'self'"));
        assertEquals("SAMEORIGIN", fallback.header("X-Frame-Options"));
    }
}
