package org.careleaf.cdshooks.internal.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.sun.net.httpserver.HttpServer;

import org.careleaf.cdshooks.internal.trust.JwksSource.KeysUnavailable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The JWKS URL source against a small HTTP server on loopback, with a clock the test moves. */
class RemoteJwksTest {

    private final ECKey first = TestKeys.ec(Curve.P_384, "k1");
    private final ECKey second = TestKeys.ec(Curve.P_384, "k2");
    private final AtomicReference<String> served = new AtomicReference<>(TestKeys.jwks(first));
    private final AtomicInteger status = new AtomicInteger(200);
    private final AtomicInteger fetches = new AtomicInteger();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
    private HttpServer server;
    private String url;

    /** A clock the test moves by hand. */
    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/jwks.json", x -> {
            fetches.incrementAndGet();
            byte[] body = served.get().getBytes(StandardCharsets.UTF_8);
            x.getResponseHeaders().add("Content-Type", "application/json");
            x.sendResponseHeaders(status.get(), body.length);
            try (OutputStream out = x.getResponseBody()) {
                out.write(body);
            }
        });
        server.createContext("/slow", x -> {
            try {
                Thread.sleep(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            x.sendResponseHeaders(200, -1);
            x.close();
        });
        server.createContext("/redirect", x -> {
            x.getResponseHeaders().add("Location", "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks.json");
            x.sendResponseHeaders(302, -1);
            x.close();
        });
        server.start();
        url = "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks.json";
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private RemoteJwks source(String u, int timeoutMillis) throws KeysUnavailable {
        return new RemoteJwks(u, Duration.ofMinutes(10), timeoutMillis, clock);
    }

    @Test
    void fetchesOnceAndServesFromTheCacheUntilItExpires() throws Exception {
        RemoteJwks s = source(url, 2000);
        assertNotNull(s.key("k1"));
        assertNotNull(s.key("k1"));
        assertEquals(1, fetches.get());
        clock.advance(Duration.ofMinutes(11));
        assertNotNull(s.key("k1"));
        assertEquals(2, fetches.get(), "fetched again once the cache period is over");
    }

    @Test
    void unknownKidRefetchesAtMostOncePerMinute() throws Exception {
        RemoteJwks s = source(url, 2000);
        assertNotNull(s.key("k1"));
        clock.advance(Duration.ofMinutes(2));
        assertNull(s.key("made-up-1"));
        assertNull(s.key("made-up-2"));
        assertNull(s.key("made-up-3"));
        assertEquals(2, fetches.get(), "one refetch for a burst of unknown kids");
        served.set(TestKeys.jwks(first, second)); // the client rotates its keys
        assertNull(s.key("k2"), "still within the minute");
        clock.advance(RemoteJwks.REFETCH_GAP);
        assertNotNull(s.key("k2"));
        assertEquals(3, fetches.get());
    }

    @Test
    void anOutageKeepsTheLastSetForOneMoreCachePeriodOnly() throws Exception {
        RemoteJwks s = source(url, 2000);
        assertNotNull(s.key("k1"));
        status.set(500);
        clock.advance(Duration.ofMinutes(11));
        assertNotNull(s.key("k1"), "the client's key server is down: the last set still works for a while");
        assertTrue(s.problem().contains("HTTP 500"), s.problem());
        clock.advance(Duration.ofMinutes(10));
        assertThrows(KeysUnavailable.class, () -> s.key("k1"), "after that the old keys are no longer trusted");
    }

    @Test
    void onlyHttpsOrLoopbackHttpAndNoRedirects() throws Exception {
        assertThrows(KeysUnavailable.class, () -> source("http://ehr.example.org/jwks.json", 2000));
        assertThrows(KeysUnavailable.class, () -> source("ftp://127.0.0.1/jwks.json", 2000));
        assertThrows(KeysUnavailable.class, () -> source("https://user:pw@ehr.example.org/jwks.json", 2000));
        assertEquals("https://ehr.example.org/jwks.json", source("https://ehr.example.org/jwks.json", 2000).url());
        RemoteJwks redirected = source(url.replace("/jwks.json", "/redirect"), 2000);
        assertThrows(KeysUnavailable.class, () -> redirected.key("k1"));
        assertTrue(redirected.problem().contains("HTTP 302"), redirected.problem());
    }

    @Test
    void slowServerTimesOutAndLargeOrBrokenSetsAreRefused() throws Exception {
        RemoteJwks slow = source(url.replace("/jwks.json", "/slow"), 300);
        long start = System.nanoTime();
        assertThrows(KeysUnavailable.class, () -> slow.key("k1"));
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 1500, "the timeout bounds the wait");

        served.set("{\"keys\": [], \"padding\": \"" + "x".repeat(KeySets.MAX_BYTES) + "\"}");
        RemoteJwks large = source(url, 2000);
        assertThrows(KeysUnavailable.class, () -> large.key("k1"));
        assertTrue(large.problem().contains("larger than"), large.problem());

        served.set("<html>not keys</html>");
        RemoteJwks broken = source(url, 2000);
        assertThrows(KeysUnavailable.class, () -> broken.key("k1"));
    }
}
