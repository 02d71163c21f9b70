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
 * change, not per request. The number kept is bounded (see {@link #MAX_ENTRIES}).
 */
final class RenderCache {

    /** A rendered body and its strong ETag. */
    record Rendered(byte[] body, String etag, String locale) {
    }

    private volatile long revision = -1;
    private final Map<String, Rendered> entries = new ConcurrentHashMap<>();
    /**
     * Some keys come from the client (code look-ups, Infobutton queries): once this many answers are kept,
     * further ones are rendered for the request and not kept, so a key-spraying client cannot grow
     * memory. Far above what the catalog's own keys need (languages × modules × surfaces).
     */
    static final int MAX_ENTRIES = 4096;

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
        if (entries.size() >= MAX_ENTRIES) {
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
