package org.careleaf.web.internal.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.careleaf.model.CatalogView;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * Rendered answers of every surface, in one memory bound: each body is built and hashed once per catalog
 * revision and key, not per request. Entries are keyed by the revision of the very view the body is
 * rendered from, so a body can never be served for another revision than its data; entries of older
 * revisions simply age out. The bound is in bytes, because some keys come from clients (code look-ups,
 * Infobutton queries, list filters) and bodies range from a few hundred bytes to a whole module.
 */
@Component(service = RenderCache.class, configurationPid = WebConfig.PID)
public final class RenderCache {

    public static final int DEFAULT_MEGABYTES = 64;
    /** What an entry costs besides its body: key, object headers, the map's own node. */
    private static final int OVERHEAD = 128;

    /** A rendered body and its strong ETag; {@code locale} is the body's Content-Language, or null. */
    public record Rendered(byte[] body, String etag, String locale) {
    }

    private record Key(long revision, String key) {
    }

    private final Cache<Key, Rendered> entries;

    @Activate
    public RenderCache(WebConfig config) {
        this(Math.max(1, config.renderCache_megabytes()) * 1024L * 1024L);
    }

    public RenderCache(long maxBytes) {
        entries = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((Key k, Rendered r) -> r.body().length + 2 * k.key().length() + OVERHEAD)
                // upkeep on the caller's thread: no pool threads outliving the bundle
                .executor(Runnable::run)
                .build();
    }

    /**
     * The body for {@code key} in {@code view}'s revision, rendered now if need be; null (and nothing kept)
     * when {@code render} answers null, e.g. for a module that does not exist.
     */
    public Rendered get(CatalogView view, String key, Supplier<Rendered> render) {
        return entries.get(new Key(view.revision(), key), k -> render.get());
    }

    /** How many bytes the kept bodies weigh, for tests. */
    long weight() {
        entries.cleanUp();
        return entries.policy().eviction().orElseThrow().weightedSize().orElse(0);
    }

    public static Rendered of(String text, String locale) {
        return of(text.getBytes(StandardCharsets.UTF_8), locale);
    }

    public static Rendered of(byte[] body, String locale) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(body);
            return new Rendered(body, "\"" + HexFormat.of().formatHex(d, 0, 12) + "\"", locale);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
