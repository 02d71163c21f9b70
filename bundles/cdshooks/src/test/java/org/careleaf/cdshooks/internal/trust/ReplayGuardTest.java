package org.careleaf.cdshooks.internal.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class ReplayGuardTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void aPairIsAcceptedOncePerIssuer() throws Exception {
        ReplayGuard g = new ReplayGuard(10);
        assertTrue(g.firstUse("https://a", "j1", NOW.plusSeconds(60), NOW));
        assertFalse(g.firstUse("https://a", "j1", NOW.plusSeconds(60), NOW));
        assertTrue(g.firstUse("https://b", "j1", NOW.plusSeconds(60), NOW), "jti is unique per issuer only");
    }

    @Test
    void boundedInSizeAndByExpiry() throws Exception {
        ReplayGuard g = new ReplayGuard(3);
        for (int i = 0; i < 3; i++) {
            assertTrue(g.firstUse("https://a", "j" + i, NOW.plusSeconds(60), NOW));
        }
        assertThrows(ReplayCacheFull.class, () -> g.firstUse("https://a", "j3", NOW.plusSeconds(60), NOW),
                "full of unexpired tokens: refuse rather than forget one");
        Instant later = NOW.plusSeconds(61);
        assertTrue(g.firstUse("https://a", "j3", later.plusSeconds(60), later), "expired pairs make room");
        assertEquals(1, g.size());
    }
}
