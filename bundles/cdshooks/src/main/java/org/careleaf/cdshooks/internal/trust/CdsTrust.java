package org.careleaf.cdshooks.internal.trust;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.logging.Logger;

import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Who may call the CDS Hooks services: the trust rules ({@link TrustConfig}), the trusted clients (one
 * {@link TrustedClient} per factory configuration, bound as they come and go), and whether loopback
 * development mode is on. The servlet asks it about every call; the health check reports it.
 */
@Component(service = CdsTrust.class, configurationPid = TrustConfig.PID)
@Designate(ocd = TrustConfig.class)
public final class CdsTrust {

    static final String UNSIGNED_MODE = "accepting unsigned CDS Hooks calls (loopback development mode)";
    private static final Logger LOG = Logger.getLogger("org.careleaf.cdshooks");

    private final Map<TrustedClient, Boolean> clients = new ConcurrentHashMap<>();
    private final Supplier<String> whyNotLoopbackOnly;
    private final Clock clock;
    private final ReplayGuard replay;
    private volatile ClientAuthenticator authenticator;
    private volatile String publicBase;
    private volatile String configProblem;
    private volatile Boolean unsignedWas;

    @Activate
    public CdsTrust(TrustConfig config, @Reference ConfigurationAdmin configAdmin) {
        this(config, () -> PaxWebListening.whyNotLoopbackOnly(paxWeb(configAdmin)), Clock.systemUTC());
    }

    CdsTrust(TrustConfig config, Supplier<String> whyNotLoopbackOnly, Clock clock) {
        this.whyNotLoopbackOnly = whyNotLoopbackOnly;
        this.clock = clock;
        this.replay = new ReplayGuard(Math.max(1000, config.replayCacheSize()));
        configure(config);
    }

    @Modified
    void configure(TrustConfig config) {
        int skew = Math.max(0, Math.min(300, config.clockSkewSeconds()));
        int maxAge = Math.max(10, Math.min(3600, config.maxTokenAgeSeconds()));
        TokenVerifier verifier = new TokenVerifier(this::client, replay, clock, Duration.ofSeconds(skew),
                Duration.ofSeconds(maxAge));
        authenticator = new ClientAuthenticator(config.requireSignedRequests(), config.allowUnsignedOnLoopback(),
                whyNotLoopbackOnly, verifier);
        String base = config.serviceBaseUrl() == null ? "" : config.serviceBaseUrl().trim();
        publicBase = base.isEmpty() ? null : normalisedBase(base);
        configProblem = !base.isEmpty() && publicBase == null
                ? "serviceBaseUrl is not an absolute http(s) URL without query or fragment; it is ignored" : null;
        if (configProblem != null) {
            LOG.warning("CDS Hooks: " + configProblem);
        }
        unsignedWas = null;
        logMode();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addClient(TrustedClient c) {
        clients.put(c, Boolean.TRUE);
    }

    void removeClient(TrustedClient c) {
        clients.remove(c);
    }

    /**
     * The caller of a call addressed to one of {@code audiences}.
     *
     * @param authorization the {@code Authorization} header, or null when the call has none
     * @param remoteAddress the address the call came from
     * @param forwarded whether it carries a proxy's forwarding headers
     */
    public Caller authenticate(String authorization, Collection<String> audiences, String remoteAddress,
            boolean forwarded) throws Unauthorized, ReplayCacheFull {
        if (authorization == null) {
            logMode();
        }
        return authenticator.authenticate(authorization, audiences, !forwarded && Loopback.isLoopback(remoteAddress));
    }

    /** Careleaf's public base URL as configured (no trailing slash), or null to take it from each request. */
    public String publicBase() {
        return publicBase;
    }

    /** What an operator should know, for the health check: the mode, the clients and their problems. */
    public Status status() {
        boolean unsigned = logMode();
        List<String> problems = new ArrayList<>();
        if (configProblem != null) {
            problems.add(configProblem);
        }
        for (TrustedClient c : clients.keySet()) {
            String p = c.problem();
            if (p != null) {
                problems.add("client " + Printable.of(c.issuer()) + ": " + p);
            }
        }
        return new Status(unsigned, clients.size(), List.copyOf(problems));
    }

    /** The state the health check reports. */
    public record Status(boolean acceptsUnsigned, int trustedClients, List<String> problems) {
    }

    private TrustedClient client(String issuer) {
        for (TrustedClient c : clients.keySet()) {
            if (c.issuer().equals(issuer)) {
                return c;
            }
        }
        return null;
    }

    /** Says in the log whenever loopback development mode turns on or off; returns whether it is on. */
    private boolean logMode() {
        ClientAuthenticator a = authenticator;
        String refusal = a.unsignedRefusal();
        boolean unsigned = refusal == null;
        Boolean was = unsignedWas;
        if (was == null || was != unsigned) {
            unsignedWas = unsigned;
            if (unsigned) {
                LOG.warning("CDS Hooks: " + UNSIGNED_MODE + "; never use this with patient data");
            } else if (a.asksForUnsigned()) {
                LOG.warning("CDS Hooks: allowUnsignedOnLoopback is set but " + refusal
                        + ": every call must carry a signed token");
            } else if (was != null) {
                LOG.info("CDS Hooks: every call must carry a signed token");
            }
        }
        return unsigned;
    }

    static String normalisedBase(String url) {
        try {
            URI u = new URI(url);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (!Set.of("http", "https").contains(scheme) || u.getHost() == null || u.getRawQuery() != null
                    || u.getRawFragment() != null || u.getRawUserInfo() != null) {
                return null;
            }
            String s = u.toString();
            while (s.endsWith("/")) {
                s = s.substring(0, s.length() - 1);
            }
            return s;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /** Pax Web's configuration as Config Admin holds it, or null when it has none or cannot be read. */
    private static Map<String, Object> paxWeb(ConfigurationAdmin ca) {
        try {
            Configuration[] found = ca.listConfigurations("(service.pid=" + PaxWebListening.PID + ")");
            if (found == null || found.length == 0 || found[0].getProperties() == null) {
                return null;
            }
            Dictionary<String, Object> d = found[0].getProperties();
            Map<String, Object> m = new HashMap<>();
            for (Enumeration<String> keys = d.keys(); keys.hasMoreElements();) {
                String k = keys.nextElement();
                m.put(k, d.get(k));
            }
            return m;
        } catch (IOException | InvalidSyntaxException e) {
            return null;
        }
    }
}
