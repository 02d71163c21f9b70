package org.careleaf.catalog.internal;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The last valid bytes of every content and localisation file, per bundle, kept in the catalog
 * bundle's data area so that a refused update is answered with the last good version, also after
 * a restart. Entries go when their bundle is uninstalled.
 */
final class LastGoodStore {

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]+");
    private final Path root;

    LastGoodStore(Path root) {
        this.root = root;
    }

    void save(String bundle, String file, byte[] bytes) {
        Path target = path(bundle, file);
        try {
            if (Files.exists(target) && Arrays.equals(Files.readAllBytes(target), bytes)) {
                return;
            }
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(target.getParent(), ".tmp", null);
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot keep the last good copy of " + bundle + " " + file + ": " + e, e);
        }
    }

    Optional<byte[]> load(String bundle, String file) {
        Path p = path(bundle, file);
        try {
            return Files.exists(p) ? Optional.of(Files.readAllBytes(p)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Drops the copies of files the bundle no longer ships. */
    void retain(String bundle, Set<String> files) {
        Path dir = root.resolve(safe(bundle));
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) {
                if (!files.contains(p.getFileName().toString())) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException e) {
            // a stale copy left behind is only served if its file comes back broken; nothing is lost
        }
    }

    void forget(String bundle) {
        retain(bundle, Set.of());
        try {
            Files.deleteIfExists(root.resolve(safe(bundle)));
        } catch (IOException e) {
            // not empty (a concurrent save): the next uninstall or retain cleans it
        }
    }

    private Path path(String bundle, String file) {
        String name = file.substring(file.lastIndexOf('/') + 1);
        return root.resolve(safe(bundle)).resolve(safe(name));
    }

    private static String safe(String s) {
        if (!SAFE.matcher(s).matches() || s.startsWith(".")) {
            throw new IllegalArgumentException("unsafe file name " + s);
        }
        return s;
    }
}
