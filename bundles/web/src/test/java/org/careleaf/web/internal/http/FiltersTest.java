package org.careleaf.web.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.careleaf.catalog.internal.library.TestCatalog;
import org.junit.jupiter.api.Test;

/** What the context does for every request, in front of any servlet, as another bundle's servlet would see it. */
class FiltersTest {

    /** Stands for any servlet in the context, e.g. the CDS Hooks bundle's. */
    private static final HttpServlet ANY = new HttpServlet() {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) {
            resp.setStatus(200);
        }
    };

    @Test
    void everyAnswerCarriesTheSecurityAndCacheHeaders() throws Exception {
        FakeHttp x = FakeHttp.at("GET", "/cds-services/*", "/cds-services").run(ANY,
                TestConfig.contextFilters(Libraries.sample()));
        assertEquals(200, x.status);
        assertTrue(x.responseHeader("Content-Security-Policy").contains("frame-ancestors 'self'"));
        assertEquals("SAMEORIGIN", x.responseHeader("X-Frame-Options"));
        assertEquals("nosniff", x.responseHeader("X-Content-Type-Options"));
        assertEquals("no-referrer", x.responseHeader("Referrer-Policy"));
        assertEquals("no-cache", x.responseHeader("Cache-Control"));
        assertEquals("Accept-Language", x.responseHeader("Vary"));
    }

    @Test
    void configuredFrameAncestorsAreUsedAndInvalidOnesIgnored() throws Exception {
        ContextGate f = TestConfig.gate(Libraries.sample());
        f.configure(TestConfig.web("/careleaf", "https://his.example.org", true));
        FakeHttp framed = new FakeHttp("GET", "/").run(ANY, f);
        assertTrue(framed.responseHeader("Content-Security-Policy").endsWith("frame-ancestors https://his.example.org"));
        assertNull(framed.responseHeader("X-Frame-Options"));
        f.configure(TestConfig.web("/careleaf", "* ; script-src *", true));
        FakeHttp fallback = new FakeHttp("GET", "/").run(ANY, f);
        assertTrue(fallback.responseHeader("Content-Security-Policy").endsWith("frame-ancestors 'self'"));
        assertEquals("SAMEORIGIN", fallback.responseHeader("X-Frame-Options"));
    }

    @Test
    void whileStartingContentIs503WithAReasonAndHealthIsNot() throws Exception {
        TestCatalog starting = Libraries.sample().starting(3, 9);
        for (String path : new String[] {"/", "/modules/mpc-overview", "/api/modules", "/cds-services", "/fhir/metadata",
            "/figures/mpc-overview/figures/a.svg", "/api/search"}) {
            FakeHttp x = FakeHttp.at("GET", "/*", path).run(ANY, TestConfig.contextFilters(starting));
            assertEquals(503, x.status, path);
            assertEquals(ContextGate.RETRY_AFTER_SECONDS, x.responseHeader("Retry-After"));
            // below /fhir the same answer is a FHIR OperationOutcome, so a FHIR client can read it
            String code = path.startsWith("/fhir") ? "\"code\":\"transient\"" : "\"code\":\"starting\"";
            assertTrue(x.text().contains(code) && x.text().contains("3 of 9 loaded"), x.text());
            assertTrue(x.responseHeader("Content-Security-Policy") != null, "headers come first");
        }
        for (String path : new String[] {"/health", "/admin", "/admin/api/modules", "/static/viewer.css"}) {
            assertEquals(200, FakeHttp.at("GET", "/*", path).run(ANY, TestConfig.contextFilters(starting)).status, path);
        }
        assertEquals(200, new FakeHttp("GET", "/").run(ANY, TestConfig.contextFilters(starting.ready())).status);
    }

    @Test
    void withoutACatalogContentIs503() throws Exception {
        FakeHttp x = new FakeHttp("GET", "/api/modules").run(ANY, TestConfig.contextFilters(null));
        assertEquals(503, x.status);
        assertTrue(x.text().contains("not running"));
    }
}
