package org.careleaf.cdshooks.internal.trust;

import org.apache.felix.hc.api.HealthCheck;
import org.apache.felix.hc.api.Result;
import org.apache.felix.hc.api.ResultLog;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Felix health check (tag {@code careleaf}, which {@code /careleaf/health} shows): WARN while unsigned
 * calls are accepted, WARN when no client is trusted (every call is then refused) or a client's keys
 * cannot be read; OK otherwise.
 */
@Component(service = HealthCheck.class, property = {
    HealthCheck.NAME + "=Careleaf CDS Hooks trust",
    HealthCheck.TAGS + "=careleaf",
    HealthCheck.TAGS + "=cdshooks"})
public final class TrustHealthCheck implements HealthCheck {

    private final CdsTrust trust;

    @Activate
    public TrustHealthCheck(@Reference CdsTrust trust) {
        this.trust = trust;
    }

    @Override
    public Result execute() {
        CdsTrust.Status s = trust.status();
        ResultLog log = new ResultLog();
        if (s.acceptsUnsigned()) {
            log.add(new ResultLog.Entry(Result.Status.WARN, CdsTrust.UNSIGNED_MODE));
        } else if (s.trustedClients() == 0) {
            log.add(new ResultLog.Entry(Result.Status.WARN, "no CDS client is trusted yet: every CDS Hooks call is"
                    + " refused until one is registered"));
        } else {
            log.add(new ResultLog.Entry(Result.Status.OK, "CDS Hooks calls must be signed; " + s.trustedClients()
                    + " trusted client(s)"));
        }
        for (String p : s.problems()) {
            log.add(new ResultLog.Entry(Result.Status.WARN, p));
        }
        return new Result(log);
    }
}
