package org.careleaf.cdshooks.internal.trust;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;

/**
 * A key set in a file, read again whenever the file changes, so that an operator who removes a
 * compromised key from it stops trusting that key with the next call.
 */
final class FileJwks implements JwksSource {

    private final Path file;
    private JWKSet keys;
    private Object version;
    private String problem;

    FileJwks(Path file) {
        this.file = file;
    }

    @Override
    public synchronized JWK key(String kid) throws KeysUnavailable {
        reloadIfChanged();
        return keys.getKeyByKeyId(kid);
    }

    @Override
    public synchronized String problem() {
        try {
            reloadIfChanged();
        } catch (KeysUnavailable e) {
            return e.getMessage();
        }
        return problem;
    }

    private void reloadIfChanged() throws KeysUnavailable {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            keys = null;
            version = null;
            throw unavailable("jwksFile " + file + " cannot be read");
        }
        Object now = a.lastModifiedTime().toMillis() + "/" + a.size() + "/" + a.fileKey();
        if (now.equals(version) && keys != null) {
            return;
        }
        if (a.size() > KeySets.MAX_BYTES) {
            keys = null;
            throw unavailable("jwksFile " + file + " is larger than " + (KeySets.MAX_BYTES / 1024) + " KiB");
        }
        try {
            keys = KeySets.parse(Files.readString(file, StandardCharsets.UTF_8), "jwksFile " + file);
            version = now;
            problem = null;
        } catch (IOException e) {
            keys = null;
            throw unavailable("jwksFile " + file + " cannot be read");
        } catch (KeysUnavailable e) {
            keys = null; // a broken file trusts nothing rather than an old version of itself
            throw unavailable(e.getMessage());
        }
    }

    private KeysUnavailable unavailable(String message) {
        problem = message;
        return new KeysUnavailable(message);
    }
}
