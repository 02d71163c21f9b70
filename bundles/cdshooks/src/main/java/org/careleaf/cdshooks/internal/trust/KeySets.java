package org.careleaf.cdshooks.internal.trust;

import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;

import org.careleaf.cdshooks.internal.trust.JwksSource.KeysUnavailable;

/** Reading a JSON Web Key Set the way every source does: public signing keys only, each with a kid. */
final class KeySets {

    /** A client's key set is a few keys; anything this large is not one. */
    static final int MAX_BYTES = 64 * 1024;

    private KeySets() {
    }

    /**
     * The set's public signing keys. A set holding a private key is refused as a whole: it was meant to
     * stay with the client, and whoever configured it should know it leaked.
     */
    static JWKSet parse(String json, String where) throws KeysUnavailable {
        if (json == null || json.isBlank()) {
            throw new KeysUnavailable(where + " is empty");
        }
        if (json.length() > MAX_BYTES) {
            throw new KeysUnavailable(where + " is larger than " + (MAX_BYTES / 1024) + " KiB");
        }
        JWKSet set;
        try {
            set = JWKSet.parse(json);
        } catch (ParseException | RuntimeException e) {
            throw new KeysUnavailable(where + " is not a JSON Web Key Set");
        }
        List<JWK> keys = new ArrayList<>();
        for (JWK k : set.getKeys()) {
            if (k.isPrivate()) {
                throw new KeysUnavailable(where + " holds a private key (kid " + Printable.of(k.getKeyID())
                        + "); configure the client's public keys only");
            }
            if (k.getKeyID() == null || k.getKeyUse() != null && k.getKeyUse() != KeyUse.SIGNATURE) {
                continue; // CDS Hooks tokens name their key by kid; encryption keys never verify a signature
            }
            keys.add(k);
        }
        if (keys.isEmpty()) {
            throw new KeysUnavailable(where + " has no signing key with a kid");
        }
        return new JWKSet(keys);
    }
}
