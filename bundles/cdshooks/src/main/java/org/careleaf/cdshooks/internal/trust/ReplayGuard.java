package org.careleaf.cdshooks.internal.trust;

import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The (issuer, jti) pairs of tokens already accepted, each kept only until the token could no longer be
 * accepted anyway, and never more than {@code capacity}. Only tokens with a valid signature get here, so
 * nobody but a trusted client can fill it.
 */
final class ReplayGuard {

    /** Expired pairs are dropped this often (in accepted tokens) as well as whenever the cache is full. */
    private static final int PURGE_EVERY = 4096;

    private final int capacity;
    private final java.util.concurrent.atomic.AtomicLong inserts = new java.util.concurrent.atomic.AtomicLong();
    private final Map<String, Instant> seen = new ConcurrentHashMap<>();

    ReplayGuard(int capacity) {
        this.capacity = capacity;
    }

    /**
     * True the first time this token is seen, false for a replay.
     *
     * @param until when the token stops being acceptable; after that the pair is forgotten
     */
    boolean firstUse(String issuer, String jti, Instant until, Instant now) throws ReplayCacheFull {
        if (seen.size() >= capacity) {
            purge(now);
            if (seen.size() >= capacity) {
                throw new ReplayCacheFull();
            }
        }
        if (inserts.incrementAndGet() % PURGE_EVERY == 0) {
            purge(now);
        }
        // a pair stays until its token expires, and a token is checked for expiry before it gets here
        return seen.putIfAbsent(issuer + '\n' + jti, until) == null;
    }

    int size() {
        return seen.size();
    }

    private synchronized void purge(Instant now) {
        for (Iterator<Instant> it = seen.values().iterator(); it.hasNext();) {
            if (!it.next().isAfter(now)) {
                it.remove();
            }
        }
    }
}
