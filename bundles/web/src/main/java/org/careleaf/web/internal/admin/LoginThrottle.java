package org.careleaf.web.internal.admin;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing at the admin login: after {@link #PER_USER} failures for one user from one
 * address, or {@link #PER_ADDRESS} failures from one address, within {@link #WINDOW}, further attempts
 * from there are refused until the oldest failure leaves the window.
 */
final class LoginThrottle {

    static final Duration WINDOW = Duration.ofMinutes(5);
    static final int PER_USER = 5;
    static final int PER_ADDRESS = 30;
    /** Keys kept at most: a flood of addresses must not grow memory without bound. */
    private static final int MAX_KEYS = 10_000;

    private final Clock clock;
    private final Map<String, Deque<Long>> failures = new ConcurrentHashMap<>();

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** Seconds until an attempt is allowed again, or 0 when it is allowed now. */
    long retryAfterSeconds(String address, String user) {
        long now = clock.millis();
        return Math.max(wait(address + "|" + user, PER_USER, now), wait(address, PER_ADDRESS, now));
    }

    void failed(String address, String user) {
        if (failures.size() >= MAX_KEYS) {
            long now = clock.millis();
            failures.values().forEach(d -> prune(d, now));
            failures.values().removeIf(Deque::isEmpty);
        }
        long now = clock.millis();
        for (String key : new String[] {address + "|" + user, address}) {
            Deque<Long> d = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
            synchronized (d) {
                d.addLast(now);
                prune(d, now);
            }
        }
    }

    void succeeded(String address, String user) {
        failures.remove(address + "|" + user);
    }

    private long wait(String key, int limit, long now) {
        Deque<Long> d = failures.get(key);
        if (d == null) {
            return 0;
        }
        synchronized (d) {
            prune(d, now);
            if (d.size() < limit) {
                return 0;
            }
            return Math.max(1, (d.peekFirst() + WINDOW.toMillis() - now + 999) / 1000);
        }
    }

    private static void prune(Deque<Long> d, long now) {
        synchronized (d) {
            while (!d.isEmpty() && d.peekFirst() <= now - WINDOW.toMillis()) {
                d.removeFirst();
            }
        }
    }
}
