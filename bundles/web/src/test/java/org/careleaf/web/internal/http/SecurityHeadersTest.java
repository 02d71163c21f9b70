package org.careleaf.web.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class SecurityHeadersTest {

    private static final String POLICY = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
            + "base-uri 'none'; frame-ancestors ";

    @Test
    void defaultAllowsOnlyTheSameOrigin() {
        FakeHttp resp = new FakeHttp();
        SecurityHeaders.forFrameAncestors("'self'").apply(resp.response());
        assertEquals(POLICY + "'self'", resp.responseHeader("Content-Security-Policy"));
        assertEquals("SAMEORIGIN", resp.responseHeader("X-Frame-Options"));
        assertEquals("nosniff", resp.responseHeader("X-Content-Type-Options"));
        assertEquals("no-referrer", resp.responseHeader("Referrer-Policy"));
    }

    @Test
    void configuredOriginsReplaceTheLegacyHeader() {
        FakeHttp resp = new FakeHttp();
        SecurityHeaders.forFrameAncestors("  'self'   https://HIS.example.org:8443 https://*.example.net ")
                .apply(resp.response());
        assertEquals(POLICY + "'self' https://his.example.org:8443 https://*.example.net",
                resp.responseHeader("Content-Security-Policy"));
        assertNull(resp.responseHeader("X-Frame-Options"));
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
