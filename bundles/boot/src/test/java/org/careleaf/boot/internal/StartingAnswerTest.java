package org.careleaf.boot.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

import javax.servlet.ServletOutputStream;
import javax.servlet.WriteListener;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.Test;

class StartingAnswerTest {

    /** What the answer sent for a request to {@code uri}: status, headers (with Content-Type) and body. */
    private record Sent(int status, Map<String, String> headers, String body) {
    }

    private static Sent call(String method, String uri) throws Exception {
        HttpServletRequest req = (HttpServletRequest) Proxy.newProxyInstance(StartingAnswerTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (p, m, a) -> switch (m.getName()) {
                    case "getRequestURI" -> uri;
                    case "getMethod" -> method;
                    default -> null;
                });
        int[] status = {200};
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        ServletOutputStream out = new ServletOutputStream() {
            @Override
            public void write(int b) {
                body.write(b);
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener l) {
            }
        };
        HttpServletResponse resp = (HttpServletResponse) Proxy.newProxyInstance(StartingAnswerTest.class.getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (p, m, a) -> {
                    switch (m.getName()) {
                        case "setStatus" -> status[0] = (Integer) a[0];
                        case "setHeader" -> headers.put((String) a[0], (String) a[1]);
                        case "setContentType" -> headers.put("Content-Type", (String) a[0]);
                        case "setContentLength" -> headers.put("Content-Length", String.valueOf(a[0]));
                        case "getOutputStream" -> {
                            return out;
                        }
                        default -> {
                        }
                    }
                    return null;
                });
        new StartingAnswer.Answer("/careleaf").service(req, resp);
        return new Sent(status[0], headers, body.toString(StandardCharsets.UTF_8));
    }

    @Test
    void everyVerbOnEveryPathHears503StartingWithRetryAfterAndTheReason() throws Exception {
        for (String method : new String[] {"GET", "HEAD", "POST", "DELETE"}) {
            for (String uri : new String[] {"/careleaf", "/careleaf/api/modules/mpc-overview", "/careleaf/cds-services/x",
                "/careleaf/fhirish"}) {
                Sent s = call(method, uri);
                assertEquals(503, s.status(), method + " " + uri);
                assertEquals(StartingAnswer.RETRY_AFTER_SECONDS, s.headers().get("Retry-After"));
                assertEquals("no-store", s.headers().get("Cache-Control"));
                assertEquals("nosniff", s.headers().get("X-Content-Type-Options"));
                assertEquals("application/json;charset=utf-8", s.headers().get("Content-Type"));
                assertEquals("{\"error\":{\"status\":503,\"code\":\"starting\",\"message\":\"" + StartingAnswer.MESSAGE
                        + "\"}}", s.body());
                assertEquals(String.valueOf(s.body().getBytes(StandardCharsets.UTF_8).length),
                        s.headers().get("Content-Length"));
            }
        }
    }

    @Test
    void belowFhirTheReasonIsAnOperationOutcome() throws Exception {
        for (String uri : new String[] {"/careleaf/fhir", "/careleaf/fhir/metadata"}) {
            Sent s = call("GET", uri);
            assertEquals(503, s.status());
            assertEquals("application/fhir+json;charset=utf-8", s.headers().get("Content-Type"));
            assertTrue(s.body().startsWith("{\"resourceType\":\"OperationOutcome\""), s.body());
            assertTrue(s.body().contains("\"code\":\"transient\""), s.body());
            assertTrue(s.body().contains(StartingAnswer.MESSAGE), s.body());
        }
    }

    @Test
    void thePathIsTheOneTheWebBundleWouldMountAt() {
        assertEquals("/careleaf", StartingAnswer.path(null));
        assertEquals("/careleaf", StartingAnswer.path(""));
        assertEquals("/his/education", StartingAnswer.path(" /his/education/ "));
        assertEquals("/", StartingAnswer.path("/"));
        assertEquals("/careleaf", StartingAnswer.path("/a/../b"));
        assertEquals("/careleaf", StartingAnswer.path("/a/."));
        assertEquals("/careleaf", StartingAnswer.path("careleaf"));
        assertEquals("/careleaf", StartingAnswer.path("/a b"));
        assertEquals("/careleaf", StartingAnswer.path("/a/b/c/d/e/f/g/h/i"));
    }
}
