package org.careleaf.web.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Rendered answers, kept until the catalog's revision changes: each body is built and hashed once per
 * change, not per request. Keys are bounded by the catalog's size (locale × module × surface).
 */
final class RenderCache {

    /** A rendered body and its strong ETag. */
    record Rendered(byte[] body, String etag, String locale) {
    }

    private volatile long revision = -1;
    private final Map<String, Rendered> entries = new ConcurrentHashMap<>();
    private final int maxEntries;

    RenderCache() {
        this(Integer.MAX_VALUE);
    }

    /**
     * A cache for answers whose keys the client chooses (Infobutton queries): once {@code maxEntries} are
     * kept, further answers are rendered for the request and not kept, so a key-spraying client cannot
     * grow memory. The entries kept are dropped at the next revision as usual.
     */
    RenderCache(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    Rendered get(long currentRevision, String key, Supplier<Rendered> render) {
        if (currentRevision != revision) {
            synchronized (this) {
                if (currentRevision != revision) {
                    entries.clear();
                    revision = currentRevision;
                }
            }
        }
        Rendered kept = entries.get(key);
        if (kept != null) {
            return kept;
        }
        if (entries.size() >= maxEntries) {
            return render.get();
        }
        return entries.computeIfAbsent(key, k -> render.get());
    }

    static Rendered of(String text, String locale) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(body);
            return new Rendered(body, "\"" + HexFormat.of().formatHex(d, 0, 12) + "\"", locale);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
