package org.careleaf.web.internal.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private Instant now = Instant.parse("2026-11-28T10:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    @Test
    void fiveFailuresForOneUserBlockThatUserFromThatAddressForTheWindow() {
        LoginThrottle t = new LoginThrottle(clock);
        for (int i = 0; i < LoginThrottle.PER_USER; i++) {
            assertEquals(0, t.retryAfterSeconds("10.0.0.1", "admin"));
            t.failed("10.0.0.1", "admin");
        }
        assertEquals(LoginThrottle.WINDOW.toSeconds(), t.retryAfterSeconds("10.0.0.1", "admin"));
        assertEquals(0, t.retryAfterSeconds("10.0.0.1", "nurse"), "another user is not blocked");
        assertEquals(0, t.retryAfterSeconds("10.0.0.2", "admin"), "another address is not blocked");
        now = now.plus(LoginThrottle.WINDOW).plus(Duration.ofSeconds(1));
        assertEquals(0, t.retryAfterSeconds("10.0.0.1", "admin"));
    }

    @Test
    void manyUsersFromOneAddressBlockTheAddress() {
        LoginThrottle t = new LoginThrottle(clock);
        for (int i = 0; i < LoginThrottle.PER_ADDRESS; i++) {
            t.failed("10.0.0.9", "user" + i);
        }
        assertTrue(t.retryAfterSeconds("10.0.0.9", "someone-new") > 0);
    }

    @Test
    void successClearsTheUsersFailures() {
        LoginThrottle t = new LoginThrottle(clock);
        for (int i = 0; i < LoginThrottle.PER_USER - 1; i++) {
            t.failed("10.0.0.1", "admin");
        }
        t.succeeded("10.0.0.1", "admin");
        t.failed("10.0.0.1", "admin");
        assertEquals(0, t.retryAfterSeconds("10.0.0.1", "admin"));
    }
}
