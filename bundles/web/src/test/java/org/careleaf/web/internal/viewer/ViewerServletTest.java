package org.careleaf.web.internal.viewer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.careleaf.web.internal.http.FakeHttp;
import org.careleaf.web.internal.http.Libraries;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** The viewer over HTTP: caching, languages, errors, methods, and links under any context path. */
class ViewerServletTest {

    private final Pages pages = new Pages(Libraries.sample());

    private static void assertSecurityHeaders(FakeHttp resp) {
        assertTrue(resp.responseHeader("Content-Security-Policy").startsWith("default-src 'none'; style-src 'self';"));
        assertEquals("nosniff", resp.responseHeader("X-Content-Type-Options"));
        assertEquals("no-referrer", resp.responseHeader("Referrer-Policy"));
    }

    @Test
    void indexIsServedWithCachingAndSecurityHeaders() throws Exception {
        FakeHttp resp = pages.get("/");
        assertEquals(200, resp.status);
        assertEquals("text/html;charset=utf-8", resp.responseHeader("Content-Type"));
        assertEquals("en", resp.responseHeader("Content-Language"));
        assertEquals("no-cache", resp.responseHeader("Cache-Control"));
        assertEquals("Accept-Language", resp.responseHeader("Vary"));
        assertNotNull(resp.responseHeader("ETag"));
        assertEquals("SAMEORIGIN", resp.responseHeader("X-Frame-Options"));
        assertSecurityHeaders(resp);
        assertEquals("Patient information", Jsoup.parse(resp.text()).selectFirst("h1").text());
    }

    @Test
    void languageComesFromTheParameterThenTheHeader() throws Exception {
        FakeHttp byHeader = pages.call(new FakeHttp("GET", "/modules/mpc-overview")
                .header("Accept-Language", "ar-EG,ar;q=0.9,en;q=0.5"));
        assertEquals("ar", byHeader.responseHeader("Content-Language"));
        assertEquals("rtl", Jsoup.parse(byHeader.text()).selectFirst("html").attr("dir"));
        FakeHttp byParameter = pages.call(new FakeHttp("GET", "/modules/mpc-overview").param("lang", "de")
                .header("Accept-Language", "ar"));
        assertEquals("de", byParameter.responseHeader("Content-Language"));
    }

    @Test
    void unchangedPageAnswers304() throws Exception {
        String etag = pages.get("/modules/mpc-overview").responseHeader("ETag");
        FakeHttp again = pages.call(new FakeHttp("GET", "/modules/mpc-overview").header("If-None-Match", etag));
        assertEquals(304, again.status);
        assertEquals(0, again.responseBody.size());
        assertSecurityHeaders(again);
        pages.catalog.viewerText("fr", java.util.Map.of("site.title", "Information"));
        assertEquals(etag, pages.get("/modules/mpc-overview").responseHeader("ETag"), "same content, same ETag");
    }

    @Test
    void unknownOrMalformedModuleIs404InTheReadersLanguage() throws Exception {
        for (String path : new String[] {"/modules/mpc-nothing", "/modules/Bad_Id", "/modules/", "/modules/a/b"}) {
            FakeHttp resp = pages.get(path, "lang", "ar");
            assertEquals(404, resp.status, path);
            assertEquals("text/html;charset=utf-8", resp.responseHeader("Content-Type"));
            assertEquals("no-store", resp.responseHeader("Cache-Control"));
            Document d = Jsoup.parse(resp.text());
            assertEquals("rtl", d.selectFirst("html").attr("dir"));
            assertEquals("ع error.unknown-module", d.selectFirst("h1").text());
            assertTrue(d.select("nav.languages").isEmpty());
            assertEquals("/careleaf/?lang=ar", d.selectFirst("main a").attr("href"));
            assertSecurityHeaders(resp);
        }
    }

    @Test
    void unknownPathIs404() throws Exception {
        FakeHttp resp = pages.get("/nothing/here");
        assertEquals(404, resp.status);
        assertEquals("We could not find that page.", Jsoup.parse(resp.text()).selectFirst("h1").text());
        assertTrue(resp.text().startsWith("<!DOCTYPE html>"));
    }

    @Test
    void badLanguageIs400InTheHeadersLanguage() throws Exception {
        FakeHttp resp = pages.call(new FakeHttp("GET", "/").param("lang", "<script>").header("Accept-Language", "ar"));
        assertEquals(400, resp.status);
        assertEquals("ع error.bad-language", Jsoup.parse(resp.text()).selectFirst("h1").text());
        assertTrue(!resp.text().contains("<script>"));
    }

    @Test
    void pathWithoutSlashRedirects() throws Exception {
        FakeHttp resp = pages.get(null, "lang", "es");
        assertEquals(301, resp.status);
        assertEquals("/careleaf/?lang=es", resp.responseHeader("Location"));
        assertEquals("/careleaf/", pages.get(null, "lang", "\"><x").responseHeader("Location"));
    }

    @Test
    void headHasHeadersButNoBody() throws Exception {
        FakeHttp resp = pages.call(new FakeHttp("HEAD", "/modules/mpc-overview"));
        assertEquals(200, resp.status);
        assertEquals(0, resp.responseBody.size());
        assertTrue(Integer.parseInt(resp.responseHeader("Content-Length")) > 1000);
        assertSecurityHeaders(resp);
    }

    @Test
    void otherMethodsAreRefused() throws Exception {
        FakeHttp post = pages.call(new FakeHttp("POST", "/"));
        assertEquals(405, post.status);
        assertEquals("GET, HEAD, OPTIONS", post.responseHeader("Allow"));
        assertSecurityHeaders(post);
        FakeHttp trace = pages.call(new FakeHttp("TRACE", "/").header("Cookie", "secret"));
        assertEquals(405, trace.status);
        assertTrue(!trace.text().contains("secret"));
        FakeHttp options = pages.call(new FakeHttp("OPTIONS", "/"));
        assertEquals(200, options.status);
        assertEquals("GET, HEAD, OPTIONS", options.responseHeader("Allow"));
    }

    @Test
    void linksFollowTheContextPathCareleafIsMountedAt() throws Exception {
        FakeHttp x = new FakeHttp("GET", "/modules/mpc-overview").param("lang", "ar");
        x.contextPath = "/his/education";
        Document d = Jsoup.parse(pages.call(x).text());
        assertTrue(d.selectFirst("link[rel=stylesheet]").attr("href").startsWith("/his/education/static/viewer.css?v="));
        assertEquals("/his/education/?lang=ar", d.selectFirst("header .site-name a").attr("href"));
        assertTrue(d.select("nav.languages a").eachAttr("href").stream().allMatch(h -> h.startsWith("/his/education/modules/")));
        assertTrue(d.select("a[href^=/careleaf]").isEmpty());
        FakeHttp root = new FakeHttp("GET", "/");
        root.contextPath = "";
        Document atRoot = Jsoup.parse(pages.call(root).text());
        assertEquals("/modules/mpc-overview?lang=en", atRoot.selectFirst("a[href*=mpc-overview]").attr("href"));
    }
}
