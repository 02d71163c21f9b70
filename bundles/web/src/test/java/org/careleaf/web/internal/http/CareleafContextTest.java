package org.careleaf.web.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CareleafContextTest {

    @Test
    void aConfiguredPathIsUsedWhenItIsOne() {
        assertEquals("/careleaf", CareleafContext.path("/careleaf"));
        assertEquals("/his/education", CareleafContext.path(" /his/education/ "));
        assertEquals("/", CareleafContext.path("/"));
    }

    @Test
    void anythingElseFallsBackToTheDefault() {
        for (String bad : new String[] {null, "", "careleaf", "/a b", "/../etc", "/a/./b", "/a//b", "/x?y", "/" + "a".repeat(65)}) {
            assertEquals(CareleafContext.DEFAULT_PATH, CareleafContext.path(bad), String.valueOf(bad));
        }
    }

    @Test
    void verbsCareleafDoesNotUseGetOne405WithTheReason() throws Exception {
        ContextGate gate = TestConfig.gate(null);
        for (String verb : new String[] {"PUT", "DELETE", "PATCH", "TRACE", "PROPFIND", "get"}) {
            FakeHttp x = new FakeHttp(verb, "/api/modules");
            assertFalse(gate.admit(x.request(), x.response()), verb);
            assertEquals(405, x.status, verb);
            assertEquals(MethodGuard.ALLOW, x.responseHeader("Allow"), verb);
            assertTrue(x.text().contains("method-not-allowed"), x.text());
            assertTrue(x.responseHeader("X-Content-Type-Options") != null, verb);
        }
        for (String verb : new String[] {"GET", "HEAD", "POST", "OPTIONS"}) {
            FakeHttp x = new FakeHttp(verb, "/api/modules");
            assertTrue(MethodGuard.admit(x.request(), x.response()), verb);
            assertEquals(200, x.status, verb);
        }
    }

    @Test
    void belowFhirTheContextAnswersWithAnOperationOutcome() throws Exception {
        FakeHttp x = new FakeHttp("DELETE", "/fhir/DocumentReference/mpc-overview-en");
        assertFalse(TestConfig.gate(null).admit(x.request(), x.response()));
        assertEquals(405, x.status);
        assertTrue(x.text().contains("\"resourceType\":\"OperationOutcome\""), x.text());
        assertTrue(x.responseHeader("Content-Type").startsWith("application/fhir+json"), x.responseHeader("Content-Type"));
    }

    @Test
    void aPathWhoseSurfaceIsNotRunningYetHears503NotJettys404() throws Exception {
        for (String path : new String[] {"/api/modules", "/static/viewer.css", "/admin/", "/fhir/metadata"}) {
            FakeHttp x = new FakeHttp("GET", path).run(new NotRunningYet());
            assertEquals(503, x.status, path);
            assertEquals(ContextGate.RETRY_AFTER_SECONDS, x.responseHeader("Retry-After"), path);
            assertEquals("no-store", x.responseHeader("Cache-Control"), path);
            assertTrue(x.text().contains(NotRunningYet.MESSAGE), x.text());
            assertTrue(path.startsWith("/fhir") == x.text().contains("\"resourceType\":\"OperationOutcome\""), x.text());
            assertTrue(path.startsWith("/fhir") || x.text().contains("\"code\":\"starting\""), x.text());
        }
    }
}
