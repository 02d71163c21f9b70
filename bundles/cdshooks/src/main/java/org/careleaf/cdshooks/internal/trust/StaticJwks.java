package org.careleaf.cdshooks.internal.trust;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;

/** A key set given inline in the client's configuration. */
final class StaticJwks implements JwksSource {

    private final JWKSet keys;

    StaticJwks(String json) throws KeysUnavailable {
        this.keys = KeySets.parse(json, "jwks");
    }

    @Override
    public JWK key(String kid) {
        return keys.getKeyByKeyId(kid);
    }

    @Override
    public String problem() {
        return null;
    }
}
