package org.careleaf.cdshooks.internal.trust;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;

import org.junit.jupiter.api.Test;

class PaxWebListeningTest {

    private static String why(Map<String, ?> config) {
        return PaxWebListening.whyNotLoopbackOnly(config);
    }

    @Test
    void loopbackAddressesAlone() {
        for (String a : new String[] {"127.0.0.1", "localhost", "::1", "[::1]", "127.0.0.1, ::1", "127.1.2.3"}) {
            assertNull(why(Map.of(PaxWebListening.ADDRESSES, a)), a);
        }
        assertNull(why(Map.of(PaxWebListening.ADDRESSES, a("127.0.0.1", "::1"))));
        assertNull(why(Map.of(PaxWebListening.ADDRESSES, "127.0.0.1", "org.osgi.service.http.secure.enabled", "true")),
                "the HTTPS connector listens on the same addresses");
    }

    @Test
    void anythingElseOrUnknownIsNotLoopback() {
        for (String a : new String[] {"0.0.0.0", "127.0.0.1,0.0.0.0", "10.1.2.3", "::", "", "${http.host}",
            "localhost.example.org", "128.0.0.1"}) {
            assertNotNull(why(Map.of(PaxWebListening.ADDRESSES, a)), a);
        }
        assertNotNull(why(null), "no Pax Web configuration: Pax Web listens everywhere");
        assertNotNull(why(Map.of("org.osgi.service.http.port", "8181")), "no addresses: everywhere");
        assertNotNull(why(Map.of(PaxWebListening.ADDRESSES, "127.0.0.1", PaxWebListening.JETTY_FILE, "etc/jetty.xml")),
                "an external Jetty file may add connectors");
    }

    private static String[] a(String... s) {
        return s;
    }
}
