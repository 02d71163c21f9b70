package org.careleaf.cdshooks.internal.trust;

import com.nimbusds.jose.jwk.JWK;

/** Where a trusted client's public keys come from: inline, a file, or a URL. */
interface JwksSource {

    /**
     * The key with this id, or null when the set has none; a source that can look again (file, URL) does
     * so before answering null.
     *
     * @throws KeysUnavailable when the set cannot be read at all
     */
    JWK key(String kid) throws KeysUnavailable;

    /** The URL the set is published at, which a token's {@code jku} must equal; null for inline and file sets. */
    default String url() {
        return null;
    }

    /** What went wrong the last time the set was read, or null; for the health check. */
    String problem();

    /** The key set could not be read: not configured right, not reachable, or not a JSON Web Key Set. */
    final class KeysUnavailable extends Exception {

        private static final long serialVersionUID = 1L;

        KeysUnavailable(String message) {
            super(message, null, false, false);
        }
    }
}
