package org.careleaf.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class SecurityHeadersTest {

    private static final String POLICY = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
            + "base-uri 'none'; frame-ancestors ";

    @Test
    void defaultAllowsOnlyTheSameOrigin() {
        FakeHttp.Response resp = new FakeHttp.Response();
        SecurityHeaders.forFrameAncestors("'self'").apply(resp.proxy());
        assertEquals(POLICY + "'self'", resp.header("Content-Security-Policy"));
        assertEquals("SAMEORIGIN", resp.header("X-Frame-Options"));
        assertEquals("nosniff", resp.header("X-Content-Type-Options"));
        assertEquals("no-referrer", resp.header("Referrer-Policy"));
    }

    @Test
    void configuredOriginsReplaceTheLegacyHeader() {
        FakeHttp.Response resp = new FakeHttp.Response();
        SecurityHeaders.forFrameAncestors("  'self'   https://HIS.example.org:8443 https://*.example.net ")
                .apply(resp.proxy());
        assertEquals(POLICY + "'self' https://his.example.org:8443 https://*.example.net",
                resp.header("Content-Security-Policy"));
        assertNull(resp.header("X-Frame-Options"));
    }

    @Test
    void noneStandsAlone() {
        assertEquals("'none'", SecurityHeaders.validFrameAncestors("'none'"));
        assertNull(SecurityHeaders.validFrameAncestors("'none' 'self'"));
    }

    @Test
    void invalidValuesFallBackToSelf() {
        for (String bad : new String[] {null, "", "  ", "*", "https://a.org; script-src *", "'unsafe-inline'",
                "javascript:alert(1)", "https://a.org/path", "his.example.org", "https://", "'self',https://a.org",
                "https://a.org".repeat(100)}) {
            assertNull(SecurityHeaders.validFrameAncestors(bad), String.valueOf(bad));
            assertEquals("'self'", SecurityHeaders.forFrameAncestors(bad).frameAncestors());
        }
    }
}
