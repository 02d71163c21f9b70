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
 * A block's text is its type, title, text, term and items joined by U+001F (items by U+001E).
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
        return of(String.join("\u001f", Json.enumName(b.type()), Objects.toString(b.title(), ""),
                Objects.toString(b.text(), ""), Objects.toString(b.term(), ""), String.join("\u001e", b.items())));
    }
}
