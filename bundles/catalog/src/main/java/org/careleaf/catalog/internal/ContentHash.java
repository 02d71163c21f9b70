package org.careleaf.catalog.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

import org.careleaf.model.ModuleDocument;
import org.careleaf.model.TranslationDocument;

/**
 * The fingerprint of exactly one version of a document, which an approval names: SHA-256 over the
 * document as Careleaf writes it (fields in their fixed order) and, for a module, the text of its figures.
 * Any change to the text gives another hash, so an approval never carries over to changed content.
 */
public final class ContentHash {

    private ContentHash() {
    }

    public static String of(ModuleDocument d, Map<String, String> figures) {
        MessageDigest md = sha256();
        md.update(Json.GSON.toJson(d).getBytes(StandardCharsets.UTF_8));
        for (Map.Entry<String, String> f : new TreeMap<>(figures == null ? Map.of() : figures).entrySet()) {
            md.update((byte) 0);
            md.update(f.getKey().getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
            md.update(f.getValue().getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(md.digest());
    }

    public static String of(TranslationDocument t) {
        return HexFormat.of().formatHex(sha256().digest(Json.GSON.toJson(t).getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
