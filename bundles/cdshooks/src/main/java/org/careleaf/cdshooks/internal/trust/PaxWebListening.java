package org.careleaf.cdshooks.internal.trust;

import java.util.Map;

/**
 * Whether Pax Web, as configured in {@code org.ops4j.pax.web}, listens on this machine only: every
 * address in {@code org.ops4j.pax.web.listening.addresses} is a loopback literal (the addresses apply to
 * the HTTP and the HTTPS connector alike), and no external Jetty file could add connectors elsewhere.
 * Anything unknown counts as "not only loopback": a missing configuration (Pax Web's default is every
 * interface), an unresolved placeholder, an empty list.
 */
final class PaxWebListening {

    static final String PID = "org.ops4j.pax.web";
    static final String ADDRESSES = "org.ops4j.pax.web.listening.addresses";
    static final String JETTY_FILE = "org.ops4j.pax.web.config.file";
    static final String JETTY_URL = "org.ops4j.pax.web.config.url";

    private PaxWebListening() {
    }

    /** Null when HTTP listens on loopback alone; else why not, for the log and the health check. */
    static String whyNotLoopbackOnly(Map<String, ?> paxWeb) {
        if (paxWeb == null) {
            return "Pax Web has no configuration (" + PID + "), so it listens on every interface";
        }
        if (set(paxWeb.get(JETTY_FILE)) || set(paxWeb.get(JETTY_URL))) {
            return "an external Jetty configuration is set and may add connectors on other addresses";
        }
        Object value = paxWeb.get(ADDRESSES);
        String addresses = value == null ? "" : value instanceof String[] a ? String.join(",", a) : value.toString();
        if (addresses.isBlank()) {
            return ADDRESSES + " is not set, so Pax Web listens on every interface";
        }
        for (String a : addresses.split(",")) {
            if (!Loopback.isLoopback(a)) {
                return "HTTP listens on " + Printable.of(a.trim()) + ", which is not a loopback address";
            }
        }
        return null;
    }

    private static boolean set(Object v) {
        return v != null && !v.toString().isBlank();
    }
}
