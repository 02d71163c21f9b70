package org.careleaf.web.internal.admin;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Tokens that prove a change request came from a page this server gave that user: a time and an
 * HMAC of user and time under a key made at start, valid for a working day. No server-side session.
 */
final class CsrfTokens {

    static final Duration LIFETIME = Duration.ofHours(12);
    private final byte[] key = new byte[32];
    private final Clock clock;

    CsrfTokens(Clock clock) {
        this.clock = clock;
        new SecureRandom().nextBytes(key);
    }

    String issue(String user) {
        long now = clock.millis();
        return now + "." + mac(user + "|" + now);
    }

    boolean valid(String user, String token) {
        if (user == null || token == null || token.length() > 128) {
            return false;
        }
        int dot = token.indexOf('.');
        if (dot <= 0) {
            return false;
        }
        long issued;
        try {
            issued = Long.parseLong(token.substring(0, dot));
        } catch (NumberFormatException e) {
            return false;
        }
        long age = clock.millis() - issued;
        if (age < 0 || age > LIFETIME.toMillis()) {
            return false;
        }
        byte[] expected = mac(user + "|" + issued).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII));
    }

    private String mac(String data) {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(new SecretKeySpec(key, "HmacSHA256"));
            return java.util.HexFormat.of().formatHex(m.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }
}
