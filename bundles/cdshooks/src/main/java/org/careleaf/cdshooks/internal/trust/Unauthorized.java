package org.careleaf.cdshooks.internal.trust;

/**
 * Why a call's token was refused: a stable reason code (for the caller, the log and the tests) and a
 * sentence that says what to fix. Neither ever holds the token or anything from the request body.
 */
public final class Unauthorized extends Exception {

    private static final long serialVersionUID = 1L;

    private final String reason;
    private final String issuer;
    private final String kid;

    Unauthorized(String reason, String message) {
        this(reason, message, null, null);
    }

    Unauthorized(String reason, String message, String issuer, String kid) {
        super(message, null, false, false);
        this.reason = reason;
        this.issuer = issuer;
        this.kid = kid;
    }

    public String reason() {
        return reason;
    }

    /** The trusted issuer the token named, or null when it named none Careleaf trusts. */
    public String issuer() {
        return issuer;
    }

    /** The key id, once the issuer was trusted (printable, at most 64 characters); else null. */
    public String kid() {
        return kid;
    }
}
