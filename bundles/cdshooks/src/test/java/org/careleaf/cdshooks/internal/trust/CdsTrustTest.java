package org.careleaf.cdshooks.internal.trust;

import static org.careleaf.cdshooks.internal.trust.TestKeys.bearer;
import static org.careleaf.cdshooks.internal.trust.TestKeys.claims;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;

import org.apache.felix.hc.api.Result;
import org.junit.jupiter.api.Test;

/** The rule for calls without a token, and what health says about it. */
class CdsTrustTest {

    private static final String AUD = TokenVerifierTest.AUD;
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final Map<String, Object> DEV = Map.of("requireSignedRequests", false,
            "allowUnsignedOnLoopback", true);

    private final ECKey key = TestKeys.ec(Curve.P_384, "k1");
    /** Null while Pax Web listens on loopback alone. */
    private final AtomicReference<String> notLoopback = new AtomicReference<>();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    private CdsTrust trust(Map<String, Object> config) {
        return TestTrust.of(config, notLoopback::get, TestKeys.jwks(key), clock);
    }

    private static String reason(CdsTrust t, String authorization) {
        return assertThrows(Unauthorized.class, () -> t.authenticate(authorization, List.of(AUD), "127.0.0.1", false)).reason();
    }

    @Test
    void signedCallsAreRequiredByDefault() throws Exception {
        CdsTrust t = trust(Map.of());
        assertEquals("missing-token", reason(t, null));
        String token = TestKeys.sign(key, JWSAlgorithm.ES384, claims(AUD, NOW).build());
        assertTrue(t.authenticate(bearer(token), List.of(AUD), "127.0.0.1", false).signed());
        Result health = new TrustHealthCheck(t).execute();
        assertTrue(health.isOk(), health.toString());
    }

    @Test
    void developmentModeNeedsBothSwitchesAndLoopbackAlone() throws Exception {
        assertSame(Caller.UNSIGNED, trust(DEV).authenticate(null, List.of(AUD), "127.0.0.1", false));
        assertEquals("missing-token", reason(trust(Map.of("requireSignedRequests", false)), null));
        assertEquals("missing-token", reason(trust(Map.of("allowUnsignedOnLoopback", true)), null),
                "requireSignedRequests=true wins");
        CdsTrust dev = trust(DEV);
        notLoopback.set("HTTP listens on 0.0.0.0, which is not a loopback address");
        assertEquals("missing-token", reason(dev, null), "widening the listening addresses closes the mode at once");
        notLoopback.set(null);
        assertSame(Caller.UNSIGNED, dev.authenticate(null, List.of(AUD), "127.0.0.1", false));
    }

    @Test
    void developmentModeServesOnlyCallsStraightFromThisMachine() throws Exception {
        CdsTrust dev = trust(DEV);
        assertSame(Caller.UNSIGNED, dev.authenticate(null, List.of(AUD), "::1", false));
        assertEquals("missing-token", assertThrows(Unauthorized.class,
                () -> dev.authenticate(null, List.of(AUD), "127.0.0.1", true)).reason(),
                "a reverse proxy on this machine forwards calls from the network");
        assertEquals("missing-token", assertThrows(Unauthorized.class,
                () -> dev.authenticate(null, List.of(AUD), "10.0.0.7", false)).reason());
    }

    @Test
    void aPresentButBadTokenIsRefusedEvenInDevelopmentMode() {
        CdsTrust dev = trust(DEV);
        ECKey other = TestKeys.ec(Curve.P_384, "k1");
        assertEquals("bad-signature", reason(dev, bearer(TestKeys.sign(other, JWSAlgorithm.ES384,
                claims(AUD, NOW).build()))));
        assertEquals("unsigned-token", reason(dev, bearer(TestKeys.unsigned(claims(AUD, NOW).build()))));
        assertEquals("bad-authorization", reason(dev, "Basic x"));
    }

    @Test
    void healthWarnsWhileUnsignedCallsAreAcceptedAndWhenNoClientIsTrusted() {
        Result dev = new TrustHealthCheck(trust(DEV)).execute();
        assertEquals(Result.Status.WARN, dev.getStatus());
        assertTrue(dev.toString().contains("accepting unsigned CDS Hooks calls (loopback development mode)"),
                dev.toString());
        notLoopback.set("HTTP listens on 0.0.0.0");
        assertFalse(new TrustHealthCheck(trust(DEV)).execute().toString().contains("accepting unsigned"));

        Result nobody = new TrustHealthCheck(TestTrust.of(Map.of(), () -> null, null, clock)).execute();
        assertEquals(Result.Status.WARN, nobody.getStatus());
        assertTrue(nobody.toString().contains("no CDS client is trusted"), nobody.toString());
    }

    @Test
    void publicBaseUrlIsNormalisedOrIgnoredWithAProblem() {
        assertEquals("https://careleaf.example.org/careleaf",
                trust(Map.of("serviceBaseUrl", "https://careleaf.example.org/careleaf/")).publicBase());
        CdsTrust bad = trust(Map.of("serviceBaseUrl", "careleaf.example.org?x=1"));
        assertNull(bad.publicBase());
        assertTrue(bad.status().problems().get(0).contains("serviceBaseUrl"));
    }
}
