package org.careleaf.cdshooks.internal.trust;

import static org.careleaf.cdshooks.internal.trust.TestKeys.ISSUER;
import static org.careleaf.cdshooks.internal.trust.TestKeys.bearer;
import static org.careleaf.cdshooks.internal.trust.TestKeys.claims;
import static org.careleaf.cdshooks.internal.trust.TestKeys.sign;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;

import org.junit.jupiter.api.Test;

/** Every check of a CDS client's token, each with a token that fails it and one that passes. */
class TokenVerifierTest {

    static final String AUD = "https://careleaf.example.org/careleaf/cds-services/careleaf-order-select-education";
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private static final ECKey es256 = TestKeys.ec(Curve.P_256, "ec-256");
    private static final ECKey es384 = TestKeys.ec(Curve.P_384, "ec-384");
    private static final RSAKey rs = TestKeys.rsa(2048, "rsa-2048");
    private static final RSAKey rsaSmall = TestKeys.rsa(1024, "rsa-1024");
    private final ReplayGuard replay = new ReplayGuard(1000);
    private final TrustedClient client = new TrustedClient(TestConfigs.client(Map.of("issuer", ISSUER,
            "jwks", TestKeys.jwks(es256, es384, rs, rsaSmall))));
    private final TokenVerifier verifier = verifier(NOW);

    private TokenVerifier verifier(Instant now) {
        return new TokenVerifier(iss -> iss.equals(ISSUER) ? client : null, replay, Clock.fixed(now, ZoneOffset.UTC),
                Duration.ofSeconds(60), Duration.ofSeconds(300));
    }

    private String reason(String token) {
        return reason(verifier, token);
    }

    private static String reason(TokenVerifier v, String token) {
        return assertThrows(Unauthorized.class, () -> v.verify(bearer(token), List.of(AUD))).reason();
    }

    @Test
    void acceptsTheRecommendedAlgorithmsWithTheirKeys() throws Exception {
        for (var k : List.of(Map.entry(es256, JWSAlgorithm.ES256), Map.entry(es384, JWSAlgorithm.ES384),
                Map.entry(rs, JWSAlgorithm.RS384))) {
            Caller c = verifier.verify(bearer(sign(k.getKey(), k.getValue(), claims(AUD, NOW).build())), List.of(AUD));
            assertEquals(ISSUER, c.issuer());
            assertEquals(k.getKey().getKeyID(), c.kid());
        }
    }

    @Test
    void audienceMayBeAnArrayHoldingTheServiceUrl() throws Exception {
        JWTClaimsSet c = claims(AUD, NOW).audience(List.of("https://other.example.org/cds-services", AUD)).build();
        assertTrue(verifier.verify(bearer(sign(es384, JWSAlgorithm.ES384, c)), List.of(AUD)).signed());
    }

    @Test
    void expiredTokenIsRefused() {
        JWTClaimsSet c = claims(AUD, NOW.minusSeconds(400)).expirationTime(Date.from(NOW.minusSeconds(61))).build();
        assertEquals("expired", reason(sign(es384, JWSAlgorithm.ES384, c)));
        // within the clock skew it still passes
        JWTClaimsSet skewed = claims(AUD, NOW.minusSeconds(100)).expirationTime(Date.from(NOW.minusSeconds(30))).build();
        assertTrue(assertDoesNotThrow(sign(es384, JWSAlgorithm.ES384, skewed)).signed());
    }

    @Test
    void wrongAudienceIsRefused() {
        String token = sign(es384, JWSAlgorithm.ES384,
                claims("https://careleaf.example.org/careleaf/cds-services/careleaf-patient-education", NOW).build());
        assertEquals("wrong-audience", reason(token));
        assertEquals("wrong-audience", reason(sign(es384, JWSAlgorithm.ES384,
                claims(AUD, NOW).audience((String) null).build())), "a token without aud");
    }

    @Test
    void tokenSignedWithAnotherKeyUnderTheSameKidIsRefused() {
        ECKey impostor = TestKeys.ec(Curve.P_384, "ec-384");
        assertEquals("bad-signature", reason(sign(impostor, JWSAlgorithm.ES384, claims(AUD, NOW).build())));
    }

    @Test
    void unknownKidIssuerOrMissingKidIsRefused() {
        ECKey stranger = TestKeys.ec(Curve.P_384, "not-registered");
        assertEquals("unknown-key", reason(sign(stranger, JWSAlgorithm.ES384, claims(AUD, NOW).build())));
        assertEquals("unknown-issuer", reason(sign(es384, JWSAlgorithm.ES384,
                claims(AUD, NOW).issuer("https://attacker.example.org/").build())));
        assertEquals("unknown-issuer", reason(sign(es384, JWSAlgorithm.ES384, claims(AUD, NOW).issuer(null).build())));
        assertEquals("missing-kid", reason(sign(es384, JWSAlgorithm.ES384, claims(AUD, NOW).build(),
                h -> h.keyID(null))));
    }

    @Test
    void replayedTokenIsRefused() throws Exception {
        String token = sign(es256, JWSAlgorithm.ES256, claims(AUD, NOW).build());
        verifier.verify(bearer(token), List.of(AUD));
        assertEquals("replayed", reason(token));
        // the same jti from the same issuer, even in a new token, is a replay
        JWTClaimsSet again = claims(AUD, NOW).jwtID("fixed").build();
        verifier.verify(bearer(sign(es256, JWSAlgorithm.ES256, again)), List.of(AUD));
        assertEquals("replayed", reason(sign(es384, JWSAlgorithm.ES384, again)));
    }

    @Test
    void forgedTokensNeverReachTheReplayCache() {
        ECKey impostor = TestKeys.ec(Curve.P_384, "ec-384");
        JWTClaimsSet c = claims(AUD, NOW).jwtID("victim-jti").build();
        assertEquals("bad-signature", reason(sign(impostor, JWSAlgorithm.ES384, c)));
        assertEquals(0, replay.size(), "a forged token could otherwise lock out the real one");
        assertTrue(assertDoesNotThrow(sign(es384, JWSAlgorithm.ES384, c)).signed());
    }

    @Test
    void unsignedAndHmacTokensAreNeverAccepted() {
        assertEquals("unsigned-token", reason(TestKeys.unsigned(claims(AUD, NOW).build())));
        assertEquals("unsupported-algorithm", reason(TestKeys.hmac("ec-384", claims(AUD, NOW).build())));
        assertEquals("unsupported-algorithm", reason(sign(rs, JWSAlgorithm.RS256, claims(AUD, NOW).build())),
                "RS256 is not on the list");
    }

    @Test
    void keyMustSuitTheAlgorithm() {
        // ES384 in the header, but the kid names the P-256 key
        assertEquals("wrong-key-type", reason(sign(es384, JWSAlgorithm.ES384, claims(AUD, NOW).build(),
                h -> h.keyID("ec-256"))));
        assertEquals("wrong-key-type", reason(sign(rsaSmall, JWSAlgorithm.RS384, claims(AUD, NOW).build())),
                "RSA under 2048 bits");
    }

    @Test
    void timesOutsideTheWindowAreRefused() {
        assertEquals("not-yet-valid", reason(sign(es384, JWSAlgorithm.ES384,
                claims(AUD, NOW.plusSeconds(120)).build())));
        assertEquals("not-yet-valid", reason(sign(es384, JWSAlgorithm.ES384,
                claims(AUD, NOW).notBeforeTime(Date.from(NOW.plusSeconds(600))).build())));
        // a long-lived token issued ten minutes ago: exp is fine, but it is older than the maximum age
        JWTClaimsSet old = claims(AUD, NOW.minusSeconds(600)).expirationTime(Date.from(NOW.plusSeconds(3600))).build();
        assertEquals("too-old", reason(sign(es384, JWSAlgorithm.ES384, old)));
        assertEquals("missing-claim", reason(sign(es384, JWSAlgorithm.ES384,
                claims(AUD, NOW).expirationTime(null).build())));
        assertEquals("missing-claim", reason(sign(es384, JWSAlgorithm.ES384, claims(AUD, NOW).issueTime(null).build())));
        assertEquals("missing-claim", reason(sign(es384, JWSAlgorithm.ES384, claims(AUD, NOW).jwtID(null).build())));
    }

    @Test
    void jkuMustBeTheConfiguredKeyUrlAndIsNeverFetched() throws Exception {
        String token = sign(es384, JWSAlgorithm.ES384, claims(AUD, NOW).build(),
                h -> h.jwkURL(java.net.URI.create("https://attacker.example.org/jwks.json")));
        assertEquals("untrusted-jku", reason(token));
    }

    @Test
    void malformedAuthorizationIsRefusedWithAReason() {
        assertEquals("bad-authorization", assertThrows(Unauthorized.class,
                () -> verifier.verify("Basic YWRtaW46YWRtaW4=", List.of(AUD))).reason());
        assertEquals("missing-token", assertThrows(Unauthorized.class,
                () -> verifier.verify("Bearer ", List.of(AUD))).reason());
        assertEquals("malformed-token", reason("not.a.jwt"));
        assertEquals("malformed-token", reason("x".repeat(TokenVerifier.MAX_TOKEN + 1)));
        Unauthorized u = assertThrows(Unauthorized.class, () -> verifier.verify(bearer("garbage"), List.of(AUD)));
        assertNull(u.issuer(), "nothing from an untrusted token is reported as an issuer");
    }

    private Caller assertDoesNotThrow(String token) {
        return org.junit.jupiter.api.Assertions.assertDoesNotThrow(() -> verifier.verify(bearer(token), List.of(AUD)));
    }
}
