package org.careleaf.cdshooks.internal.trust;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

/** Key pairs made in the test, and tokens signed with them as a CDS client signs its calls. */
public final class TestKeys {

    public static final String ISSUER = "https://ehr.example.org/";

    private TestKeys() {
    }

    public static ECKey ec(Curve curve, String kid) {
        try {
            return new ECKeyGenerator(curve).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public static RSAKey rsa(int bits, String kid) {
        try {
            return new RSAKeyGenerator(bits, true).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public JWKS a client publishes for these keys. */
    public static String jwks(JWK... keys) {
        return new JWKSet(List.of(keys)).toPublicJWKSet().toString();
    }

    /** Claims as a well-behaved client sends them: issued now, valid five minutes, a fresh jti. */
    public static JWTClaimsSet.Builder claims(String audience, Instant now) {
        return new JWTClaimsSet.Builder().issuer(ISSUER).audience(audience).issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300))).jwtID(UUID.randomUUID().toString());
    }

    public static String sign(JWK key, JWSAlgorithm alg, JWTClaimsSet claims) {
        return sign(key, alg, claims, h -> {
        });
    }

    public static String sign(JWK key, JWSAlgorithm alg, JWTClaimsSet claims, Consumer<JWSHeader.Builder> header) {
        try {
            JWSHeader.Builder h = new JWSHeader.Builder(alg).keyID(key.getKeyID()).type(JOSEObjectType.JWT);
            header.accept(h);
            SignedJWT jwt = new SignedJWT(h.build(), claims);
            // tests also sign with keys too weak for Careleaf, to see them refused
            JWSSigner signer = key instanceof ECKey ec ? new ECDSASigner(ec)
                    : new RSASSASigner(((RSAKey) key).toRSAPrivateKey(), java.util.Set.of(
                            com.nimbusds.jose.crypto.opts.AllowWeakRSAKey.getInstance()));
            jwt.sign(signer);
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A token signed with a shared secret (HS256), which CDS Hooks forbids. */
    public static String hmac(String kid, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(kid).build(), claims);
            jwt.sign(new MACSigner(new byte[32]));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An unsigned token (alg none). */
    public static String unsigned(JWTClaimsSet claims) {
        return new PlainJWT(claims).serialize();
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }
}
