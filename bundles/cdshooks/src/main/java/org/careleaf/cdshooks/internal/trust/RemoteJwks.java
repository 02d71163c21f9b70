package org.careleaf.cdshooks.internal.trust;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;

/**
 * A key set the client publishes at a URL: fetched when first needed, used for {@code ttl}, fetched
 * again after that or when a token names a key the set lacks (at most once per {@link #REFETCH_GAP}, so
 * tokens with made-up key ids cannot make Careleaf hammer the client). Only https, or http to this
 * machine; no redirects (one could lead to plain http); a size limit; a timeout.
 */
final class RemoteJwks implements JwksSource {

    static final Duration REFETCH_GAP = Duration.ofMinutes(1);

    private final URI url;
    private final Duration ttl;
    private final int timeoutMillis;
    private final Clock clock;

    private JWKSet keys;
    private Instant fetchedAt = Instant.MIN;
    private Instant triedAt = Instant.MIN;
    private String problem;

    RemoteJwks(String url, Duration ttl, int timeoutMillis, Clock clock) throws KeysUnavailable {
        this.url = checked(url);
        this.ttl = ttl;
        this.timeoutMillis = timeoutMillis;
        this.clock = clock;
    }

    /** The URL when it may be fetched: https anywhere, http only to a loopback address. */
    static URI checked(String url) throws KeysUnavailable {
        URI u;
        try {
            u = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new KeysUnavailable("jwksUrl is not a URL");
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (u.getHost() == null || u.getRawUserInfo() != null || u.getRawFragment() != null) {
            throw new KeysUnavailable("jwksUrl must be an absolute https URL without user info or fragment");
        }
        if (!scheme.equals("https") && !(scheme.equals("http") && Loopback.isLoopback(u.getHost()))) {
            throw new KeysUnavailable("jwksUrl must use https (plain http is accepted only to this machine)");
        }
        return u;
    }

    @Override
    public String url() {
        return url.toString();
    }

    @Override
    public synchronized JWK key(String kid) throws KeysUnavailable {
        Instant now = clock.instant();
        boolean fresh = keys != null && now.isBefore(fetchedAt.plus(ttl));
        if (!fresh && mayTry(now)) {
            fetch(now);
        }
        JWK k = usable(now) ? keys.getKeyByKeyId(kid) : null;
        if (k == null && fresh && mayTry(now)) {
            fetch(now); // the client may have rotated its keys since
            k = usable(now) ? keys.getKeyByKeyId(kid) : null;
        }
        if (!usable(now)) {
            throw new KeysUnavailable(problem != null ? problem : "the key set at " + url + " is not available");
        }
        return k;
    }

    @Override
    public synchronized String problem() {
        return problem;
    }

    /**
     * While the client's endpoint is down, the last set stays usable for one more cache period, then is
     * dropped: an outage of the client's key server does not stop clinical work at once, and a removed
     * key is not trusted for ever.
     */
    private boolean usable(Instant now) {
        return keys != null && now.isBefore(fetchedAt.plus(ttl).plus(ttl));
    }

    private boolean mayTry(Instant now) {
        return !now.isBefore(triedAt.plus(REFETCH_GAP));
    }

    private void fetch(Instant now) {
        triedAt = now;
        try {
            keys = KeySets.parse(download(), "the key set at " + url);
            fetchedAt = now;
            problem = null;
        } catch (KeysUnavailable e) {
            problem = e.getMessage();
        }
    }

    private String download() throws KeysUnavailable {
        HttpURLConnection c = null;
        try {
            c = (HttpURLConnection) url.toURL().openConnection();
            c.setConnectTimeout(timeoutMillis);
            c.setReadTimeout(timeoutMillis);
            c.setInstanceFollowRedirects(false);
            c.setUseCaches(false);
            c.setRequestProperty("Accept", "application/jwk-set+json, application/json");
            int status = c.getResponseCode();
            if (status != 200) {
                throw new KeysUnavailable("the key set at " + url + " answered HTTP " + status);
            }
            if (c.getContentLengthLong() > KeySets.MAX_BYTES) {
                throw tooLarge();
            }
            try (InputStream in = c.getInputStream()) {
                byte[] body = in.readNBytes(KeySets.MAX_BYTES + 1);
                if (body.length > KeySets.MAX_BYTES) {
                    throw tooLarge();
                }
                return new String(body, StandardCharsets.UTF_8);
            }
        } catch (IOException | RuntimeException e) {
            throw new KeysUnavailable("the key set at " + url + " could not be fetched ("
                    + e.getClass().getSimpleName() + ")");
        } finally {
            if (c != null) {
                c.disconnect();
            }
        }
    }

    private KeysUnavailable tooLarge() {
        return new KeysUnavailable("the key set at " + url + " is larger than " + (KeySets.MAX_BYTES / 1024) + " KiB");
    }
}
