package org.careleaf.cdshooks.internal.trust;

import java.time.Clock;
import java.util.Map;
import java.util.function.Supplier;

/** A {@link CdsTrust} as the component would be, without OSGi, for the servlet tests. */
public final class TestTrust {

    private TestTrust() {
    }

    /**
     * @param whyNotLoopbackOnly null when Pax Web listens on loopback alone, else why not
     * @param keysJson the trusted client's JWKS for {@link TestKeys#ISSUER}, or null for no trusted client
     */
    public static CdsTrust of(Map<String, Object> config, Supplier<String> whyNotLoopbackOnly, String keysJson,
            Clock clock) {
        CdsTrust trust = new CdsTrust(TestConfigs.trust(config), whyNotLoopbackOnly, clock);
        if (keysJson != null) {
            trust.addClient(new TrustedClient(TestConfigs.client(Map.of("issuer", TestKeys.ISSUER, "jwks", keysJson))));
        }
        return trust;
    }
}
