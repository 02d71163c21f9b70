package org.careleaf.cdshooks.internal.trust;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.EncryptedJWT;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

import org.careleaf.cdshooks.internal.trust.JwksSource.KeysUnavailable;

/**
 * Checks the JWT a CDS client sends as {@code Authorization: Bearer} (CDS Hooks 2.0, "Trusting CDS
 * Clients"), in this order, stopping at the first failure: the header's form; the token's form and
 * {@code alg} (ES256, ES384 or RS384: never {@code none}, never HMAC); {@code kid}; the issuer on the
 * allowlist; {@code jku}, if given, equal to the client's configured key URL (keys are never taken from
 * the token itself); the key, of the type {@code alg} needs; the signature; then, for a signed token only,
 * {@code aud}, {@code exp}, {@code nbf}, {@code iat}, {@code jti}, and last the replay check, so that no
 * unsigned or forged token can fill the replay cache.
 */
final class TokenVerifier {

    /** A CDS Hooks token is a few hundred bytes; a client that sends more is not sending one. */
    static final int MAX_TOKEN = 8 * 1024;
    static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.RS384);
    private static final int MIN_RSA_BITS = 2048;
    private static final int MAX_JTI = 256;

    private final Function<String, TrustedClient> clients;
    private final ReplayGuard replay;
    private final Clock clock;
    private final Duration skew;
    private final Duration maxAge;

    TokenVerifier(Function<String, TrustedClient> clients, ReplayGuard replay, Clock clock, Duration skew,
            Duration maxAge) {
        this.clients = clients;
        this.replay = replay;
        this.clock = clock;
        this.skew = skew;
        this.maxAge = maxAge;
    }

    /**
     * The caller behind a valid token.
     *
     * @param authorization the {@code Authorization} header; must not be null
     * @param audiences the URLs this call may be addressed to; the token's {@code aud} must hold one
     */
    Caller verify(String authorization, Collection<String> audiences) throws Unauthorized, ReplayCacheFull {
        SignedJWT jwt = signed(bearer(authorization));
        JWSHeader header = jwt.getHeader();
        if (!ALGORITHMS.contains(header.getAlgorithm())) {
            throw new Unauthorized("unsupported-algorithm", "tokens must be signed with ES256, ES384 or RS384;"
                    + " none and HMAC are never accepted");
        }
        if (header.getType() != null && !JOSEObjectType.JWT.equals(header.getType())) {
            throw new Unauthorized("bad-token-type", "the token's typ must be JWT");
        }
        if (header.getCriticalParams() != null && !header.getCriticalParams().isEmpty()) {
            throw new Unauthorized("unsupported-header", "the token has critical header parameters Careleaf does"
                    + " not understand");
        }
        String kid = header.getKeyID();
        if (kid == null || kid.isBlank()) {
            throw new Unauthorized("missing-kid", "the token's header must name its key (kid)");
        }
        JWTClaimsSet claims = claims(jwt);
        String issuer = claims.getIssuer();
        TrustedClient client = issuer == null ? null : clients.apply(issuer);
        if (client == null) {
            throw new Unauthorized("unknown-issuer", "the token's iss is not a client Careleaf trusts; an"
                    + " administrator registers CDS clients (see the EHR integration guide)");
        }
        String safeKid = Printable.of(kid);
        JwksSource keys = client.keys();
        if (keys == null) {
            throw new Unauthorized("key-unavailable", "the keys of this client are not configured correctly",
                    issuer, safeKid);
        }
        if (header.getJWKURL() != null && !header.getJWKURL().toString().equals(keys.url())) {
            throw new Unauthorized("untrusted-jku", "the token's jku is not the key URL configured for this"
                    + " client", issuer, safeKid);
        }
        JWK key;
        try {
            key = keys.key(kid);
        } catch (KeysUnavailable e) {
            throw new Unauthorized("key-unavailable", "the client's key set cannot be read right now", issuer,
                    safeKid);
        }
        if (key == null) {
            throw new Unauthorized("unknown-key", "the client's key set has no key with this kid", issuer, safeKid);
        }
        if (!verifies(jwt, key, header.getAlgorithm())) {
            throw new Unauthorized("bad-signature", "the token's signature does not verify with the client's key",
                    issuer, safeKid);
        }
        checkClaims(claims, audiences, issuer, safeKid);
        return new Caller(issuer, safeKid);
    }

    private static String bearer(String authorization) throws Unauthorized {
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new Unauthorized("bad-authorization", "send the token as Authorization: Bearer <JWT>");
        }
        String token = authorization.substring(7).trim();
        if (token.isEmpty()) {
            throw new Unauthorized("missing-token", "the Authorization header holds no token");
        }
        if (token.length() > MAX_TOKEN) {
            throw new Unauthorized("malformed-token", "the token is longer than " + MAX_TOKEN + " characters");
        }
        return token;
    }

    private static SignedJWT signed(String token) throws Unauthorized {
        JWT jwt;
        try {
            jwt = JWTParser.parse(token);
        } catch (ParseException | RuntimeException e) {
            throw new Unauthorized("malformed-token", "the bearer token is not a JWT");
        }
        if (jwt instanceof PlainJWT) {
            throw new Unauthorized("unsigned-token", "the token is not signed (alg none); CDS Hooks never accepts"
                    + " unsigned tokens");
        }
        if (jwt instanceof EncryptedJWT || !(jwt instanceof SignedJWT s)) {
            throw new Unauthorized("unsupported-algorithm", "send a signed JWT (JWS), not an encrypted one");
        }
        return s;
    }

    private static JWTClaimsSet claims(SignedJWT jwt) throws Unauthorized {
        try {
            return jwt.getJWTClaimsSet();
        } catch (ParseException | RuntimeException e) {
            throw new Unauthorized("malformed-token", "the token's payload is not a JWT claims set");
        }
    }

    /** Whether the key suits {@code alg} (curve, RSA size, use, its own alg) and verifies the signature. */
    private static boolean verifies(SignedJWT jwt, JWK key, JWSAlgorithm alg) throws Unauthorized {
        if (key.getKeyUse() != null && key.getKeyUse() != KeyUse.SIGNATURE
                || key.getAlgorithm() != null && !key.getAlgorithm().equals(alg)) {
            throw new Unauthorized("wrong-key-type", "the key with this kid is not for " + alg.getName()
                    + " signatures");
        }
        try {
            JWSVerifier verifier;
            if (alg.equals(JWSAlgorithm.RS384)) {
                if (!(key instanceof RSAKey rsa) || rsa.size() < MIN_RSA_BITS) {
                    throw new Unauthorized("wrong-key-type", "RS384 needs an RSA key of at least " + MIN_RSA_BITS
                            + " bits");
                }
                verifier = new RSASSAVerifier(rsa.toRSAPublicKey());
            } else {
                Curve curve = alg.equals(JWSAlgorithm.ES256) ? Curve.P_256 : Curve.P_384;
                if (!(key instanceof ECKey ec) || !curve.equals(ec.getCurve())) {
                    throw new Unauthorized("wrong-key-type", alg.getName() + " needs an EC key on " + curve);
                }
                verifier = new ECDSAVerifier(ec.toECPublicKey());
            }
            return jwt.verify(verifier);
        } catch (JOSEException | IllegalStateException e) {
            return false;
        }
    }

    private void checkClaims(JWTClaimsSet claims, Collection<String> audiences, String issuer, String kid)
            throws Unauthorized, ReplayCacheFull {
        List<String> aud = claims.getAudience();
        if (aud == null || aud.stream().noneMatch(audiences::contains)) {
            throw new Unauthorized("wrong-audience", "the token's aud must be the URL of the endpoint called: "
                    + String.join(" or ", audiences), issuer, kid);
        }
        Instant now = clock.instant();
        Instant exp = instant(claims.getExpirationTime());
        Instant iat = instant(claims.getIssueTime());
        if (exp == null || iat == null) {
            throw new Unauthorized("missing-claim", "the token must carry exp and iat", issuer, kid);
        }
        if (now.isAfter(exp.plus(skew))) {
            throw new Unauthorized("expired", "the token has expired", issuer, kid);
        }
        Instant nbf = instant(claims.getNotBeforeTime());
        if (iat.isAfter(now.plus(skew)) || nbf != null && nbf.isAfter(now.plus(skew))) {
            throw new Unauthorized("not-yet-valid", "the token was issued in the future; check the client's clock",
                    issuer, kid);
        }
        if (now.isAfter(iat.plus(maxAge).plus(skew))) {
            throw new Unauthorized("too-old", "the token was issued more than " + maxAge.toSeconds()
                    + " seconds ago; sign each call anew", issuer, kid);
        }
        String jti = claims.getJWTID();
        if (jti == null || jti.isBlank() || jti.length() > MAX_JTI) {
            throw new Unauthorized("missing-claim", "the token must carry a jti (at most " + MAX_JTI
                    + " characters)", issuer, kid);
        }
        Instant acceptableUntil = (exp.isBefore(iat.plus(maxAge)) ? exp : iat.plus(maxAge)).plus(skew);
        if (!replay.firstUse(issuer, jti, acceptableUntil, now)) {
            throw new Unauthorized("replayed", "this token (jti) was used before; sign each call anew", issuer, kid);
        }
    }

    private static Instant instant(Date d) {
        return d == null ? null : d.toInstant();
    }
}
