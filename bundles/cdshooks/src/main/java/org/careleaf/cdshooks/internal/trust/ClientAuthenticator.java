package org.careleaf.cdshooks.internal.trust;

import java.util.Collection;
import java.util.function.Supplier;

/**
 * The rule for every CDS Hooks call: a token that is present is verified, always, and refused when bad;
 * a call without one is refused unless loopback development mode is on, which needs all three:
 * {@code requireSignedRequests = false}, {@code allowUnsignedOnLoopback = true}, and Pax Web listening on
 * loopback alone (looked up at each unsigned call, so widening the listening addresses closes the mode
 * at once); and the call itself must come straight from this machine, not through a proxy (a reverse
 * proxy on the same machine would otherwise open loopback to the network).
 */
final class ClientAuthenticator {

    private final boolean requireSigned;
    private final boolean allowUnsignedOnLoopback;
    private final Supplier<String> whyNotLoopbackOnly;
    private final TokenVerifier verifier;

    ClientAuthenticator(boolean requireSigned, boolean allowUnsignedOnLoopback, Supplier<String> whyNotLoopbackOnly,
            TokenVerifier verifier) {
        this.requireSigned = requireSigned;
        this.allowUnsignedOnLoopback = allowUnsignedOnLoopback;
        this.whyNotLoopbackOnly = whyNotLoopbackOnly;
        this.verifier = verifier;
    }

    /**
     * @param direct whether the call came from a loopback address with no proxy's forwarding headers
     */
    Caller authenticate(String authorization, Collection<String> audiences, boolean direct)
            throws Unauthorized, ReplayCacheFull {
        if (authorization != null) {
            return verifier.verify(authorization, audiences);
        }
        boolean development = acceptsUnsigned();
        if (development && direct) {
            return Caller.UNSIGNED;
        }
        throw new Unauthorized("missing-token", "CDS Hooks calls must carry a JWT signed by a trusted client:"
                + " Authorization: Bearer <JWT>" + (development ? " (unsigned calls are accepted only straight from"
                        + " this machine, not through a proxy)" : ""));
    }

    /** Whether a call without a token is accepted right now (loopback development mode). */
    boolean acceptsUnsigned() {
        return unsignedRefusal() == null;
    }

    /** Null in loopback development mode; else why unsigned calls are refused. */
    String unsignedRefusal() {
        if (requireSigned) {
            return "requireSignedRequests is true";
        }
        if (!allowUnsignedOnLoopback) {
            return "allowUnsignedOnLoopback is false";
        }
        return whyNotLoopbackOnly.get();
    }

    /** Whether the configuration asks for development mode (it may still be refused by the listening addresses). */
    boolean asksForUnsigned() {
        return !requireSigned && allowUnsignedOnLoopback;
    }
}
