package org.careleaf.cdshooks.internal;

import java.time.Clock;
import java.util.logging.Logger;

import org.careleaf.cdshooks.internal.trust.Unauthorized;

/**
 * Logs refused calls: the reason code, and the issuer and key id once the issuer is a trusted one; never
 * the token, the body or anything about the patient. At most {@link #PER_MINUTE} lines a minute, then one
 * line saying how many were left out, so a flood of bad calls cannot flood the log.
 */
final class RefusalLog {

    static final int PER_MINUTE = 30;
    private static final Logger LOG = Logger.getLogger("org.careleaf.cdshooks");

    private final Clock clock;
    private long minute = -1;
    private int logged;
    private int suppressed;

    RefusalLog(Clock clock) {
        this.clock = clock;
    }

    void refused(String serviceId, Unauthorized u) {
        String line = "CDS Hooks call to " + serviceId + " refused (401): reason=" + u.reason()
                + (u.issuer() == null ? "" : " issuer=" + u.issuer() + " kid=" + u.kid());
        String dropped = null;
        synchronized (this) {
            long now = clock.millis() / 60_000;
            if (now != minute) {
                if (suppressed > 0) {
                    dropped = "CDS Hooks: " + suppressed + " more refused call(s) in the previous minute were not logged";
                }
                minute = now;
                logged = 0;
                suppressed = 0;
            }
            if (logged >= PER_MINUTE) {
                suppressed++;
                line = null;
            } else {
                logged++;
            }
        }
        if (dropped != null) {
            LOG.warning(dropped);
        }
        if (line != null) {
            LOG.warning(line);
        }
    }
}
