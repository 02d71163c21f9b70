package org.careleaf.cdshooks.internal.trust;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.logging.Logger;

import org.careleaf.cdshooks.internal.trust.JwksSource.KeysUnavailable;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;

/**
 * One trusted CDS client, made from a factory configuration. A configuration that cannot work (no issuer,
 * no key source or more than one, a key set that cannot be read) still gives a client, with no keys and
 * a problem the health check shows: its tokens are refused, and the operator learns why.
 */
@Component(service = TrustedClient.class, configurationPid = ClientConfig.FACTORY_PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = ClientConfig.class, factory = true)
public final class TrustedClient {

    private static final Logger LOG = Logger.getLogger("org.careleaf.cdshooks");

    private final String issuer;
    private final JwksSource keys;
    private final String problem;

    @Activate
    public TrustedClient(ClientConfig config) {
        String iss = config.issuer() == null ? "" : config.issuer().trim();
        JwksSource source = null;
        String trouble = null;
        try {
            if (iss.isEmpty()) {
                throw new KeysUnavailable("issuer is not set");
            }
            source = source(config);
        } catch (KeysUnavailable e) {
            trouble = e.getMessage();
            LOG.warning("CDS client " + Printable.of(iss) + " cannot be trusted: " + trouble);
        }
        this.issuer = iss;
        this.keys = source;
        this.problem = trouble;
    }

    /** A client with keys already at hand (tests, and sources built elsewhere). */
    TrustedClient(String issuer, JwksSource keys) {
        this.issuer = issuer;
        this.keys = keys;
        this.problem = null;
    }

    private static JwksSource source(ClientConfig c) throws KeysUnavailable {
        boolean inline = !blank(c.jwks());
        boolean file = !blank(c.jwksFile());
        boolean url = !blank(c.jwksUrl());
        if ((inline ? 1 : 0) + (file ? 1 : 0) + (url ? 1 : 0) != 1) {
            throw new KeysUnavailable("set exactly one of jwks, jwksFile and jwksUrl");
        }
        if (inline) {
            return new StaticJwks(c.jwks());
        }
        if (file) {
            return new FileJwks(Path.of(c.jwksFile().trim()));
        }
        int ttl = Math.max(60, Math.min(86_400, c.jwksCacheSeconds()));
        int timeout = Math.max(100, Math.min(10_000, c.fetchTimeoutMillis()));
        return new RemoteJwks(c.jwksUrl(), Duration.ofSeconds(ttl), timeout, Clock.systemUTC());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    public String issuer() {
        return issuer;
    }

    /** The client's keys, or null when its configuration cannot work. */
    JwksSource keys() {
        return keys;
    }

    /** What stops this client's calls from being verified, or null when nothing is known to. */
    public String problem() {
        if (problem != null) {
            return problem;
        }
        return keys == null ? null : keys.problem();
    }
}
