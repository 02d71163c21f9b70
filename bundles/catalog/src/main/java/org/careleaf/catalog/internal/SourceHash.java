package org.careleaf.catalog.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

import org.careleaf.model.Block;

/**
 * The fingerprint of a piece of source text that a translation records, so that a change to exactly
 * that piece marks exactly its translation stale: the first 16 hex digits of SHA-256 over UTF-8.
 * A block's text is its type, title, text, term and items joined by U+001F (items by U+001E), and for a
 * figure its file and alt text.
 */
public final class SourceHash {

    private SourceHash() {
    }

    public static String of(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    public static String of(Block b) {
        String fields = String.join("\u001f", Json.enumName(b.type()), Objects.toString(b.title(), ""),
                Objects.toString(b.text(), ""), Objects.toString(b.term(), ""), String.join("\u001e", b.items()));
        // figures add their file and alt text; other blocks hash exactly as before figures existed
        return of(b.src() == null && b.alt() == null ? fields
                : fields + "\u001f" + Objects.toString(b.src(), "") + "\u001f" + Objects.toString(b.alt(), ""));
    }
}
