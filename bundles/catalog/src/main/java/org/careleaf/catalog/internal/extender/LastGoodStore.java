package org.careleaf.catalog.internal.extender;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.careleaf.catalog.internal.Json;

/**
 * The last good copy of every document a data bundle shipped, in Careleaf's data folder, so that a
 * broken update of a document is answered with the last good version, also after a restart. Copies are
 * written in the background, and only when a document changed (each bundle's folder keeps an index of
 * what it holds); those of a boot once the node is ready, so a start with thousands of documents neither
 * waits for the disk nor shares the processor with it. When the disk cannot be written, serving goes on
 * from memory and {@link #problem()} says why.
 */
final class LastGoodStore {

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]{1,200}");
    private static final String INDEX = "index.properties";
    private final Path root;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "careleaf-last-good-writer");
        t.setDaemon(true);
        return t;
    });
    /** Per bundle folder: file name → digest of what is stored (loaded from the index on first use). */
    private final Map<String, Map<String, String>> indexes = new ConcurrentHashMap<>();
    /**
     * Per bundle folder, the operations asked for and not yet done, in order. Whoever runs them holds the
     * queue's lock, so a folder is only ever written by one thread at a time, in the order asked; a change
     * saved now runs its own folder's pending operations itself and never waits for other folders.
     */
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    /**
     * Opened once the node is ready: the copies of a boot's documents are written after it, not beside it,
     * since until then the readers need both cores (at 10,000 modules the copies took a ninth of boot's
     * work). A node that never becomes ready still writes them after {@link #HOLD_AT_MOST}.
     */
    private final CompletableFuture<Void> open = new CompletableFuture<Void>()
            .completeOnTimeout(null, HOLD_AT_MOST.toSeconds(), TimeUnit.SECONDS);
    static final java.time.Duration HOLD_AT_MOST = java.time.Duration.ofMinutes(10);
    private volatile String problem;

    /** One folder's operations not yet done. */
    private static final class Pending {
        final java.util.ArrayDeque<Runnable> operations = new java.util.ArrayDeque<>();
    }

    LastGoodStore(Path root) {
        this.root = root;
    }

    /** A document's bytes and, for a module, the SVG text of its figures by src. */
    record Stored(byte[] bytes, Map<String, String> figures) {
    }

    /**
     * A document to keep, as it was read: its bytes, or where to read them again with their length and
     * CRC-32. A boot's copies are written once the node is ready, and holding the bytes of a whole library
     * until then was two fifths of the heap, all copied by every young collection; read again, bytes that
     * differ from what was read (the bundle was updated meanwhile) are never kept under the document's name.
     */
    record Copy(java.net.URL source, byte[] bytes, int length, long crc32, Map<String, String> figures) {

        /** The bytes themselves, for a copy written right away (nothing is read again, so nothing is compared). */
        static Copy held(byte[] bytes, Map<String, String> figures) {
            return new Copy(null, bytes, bytes.length, 0, figures);
        }

        /** Only where the bytes came from, for a copy written later. */
        static Copy readAgain(java.net.URL source, byte[] bytes, Map<String, String> figures) {
            return new Copy(source, null, bytes.length, crc32(bytes), figures);
        }

        /** What to write: the bytes, or empty when the source no longer holds the bytes that were read. */
        Optional<Stored> stored() {
            if (bytes != null) {
                return Optional.of(new Stored(bytes, figures));
            }
            try (java.io.InputStream in = source.openStream()) {
                byte[] again = in.readNBytes(length + 1);
                return again.length == length && crc32(again) == crc32 ? Optional.of(new Stored(again, figures))
                        : Optional.empty();
            } catch (IOException gone) {
                return Optional.empty();
            }
        }

        private static long crc32(byte[] b) {
            java.util.zip.CRC32 c = new java.util.zip.CRC32();
            c.update(b);
            return c.getValue();
        }
    }

    /** The node is ready: copies asked for during boot are written from now on. */
    void open() {
        open.complete(null);
    }

    /** Keeps these documents of one bundle as its last good copies, in the background. */
    void saveLater(String bundle, Map<String, Copy> documents) {
        if (!isSafe(bundle) || documents.isEmpty()) {
            return;
        }
        later(bundle, () -> save(bundle, documents));
    }

    /** Runs an operation on a bundle's folder in the background, after the ones asked for before on it. */
    private void later(String bundle, Runnable operation) {
        Pending p = pending.computeIfAbsent(bundle, b -> new Pending());
        synchronized (p) {
            p.operations.add(operation);
        }
        try {
            writer.execute(() -> {
                open.join();
                runPending(p);
            });
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            // stopping: what is not written is written again from the bundles at the next start
        }
    }

    /** Runs a folder's pending operations, in order, in the calling thread. */
    private static void runPending(Pending p) {
        synchronized (p) {
            Runnable op;
            while ((op = p.operations.poll()) != null) {
                try {
                    op.run();
                } catch (RuntimeException e) {
                    // each operation reports its own trouble in problem(); the next still runs
                }
            }
        }
    }

    /**
     * Keeps these documents before returning, after this bundle's own operations asked for earlier (run
     * here, not waited for): once a node serves, a new version is on disk by the time it is served, so a
     * crash right after cannot leave an older copy to fall back to.
     */
    void saveNow(String bundle, Map<String, Copy> documents) {
        if (!isSafe(bundle) || documents.isEmpty()) {
            return;
        }
        open(); // something is served already: the node is ready
        Pending p = pending.computeIfAbsent(bundle, b -> new Pending());
        synchronized (p) {
            runPending(p);
            save(bundle, documents);
        }
    }

    private void save(String bundle, Map<String, Copy> documents) {
        Path dir = root.resolve(bundle);
        try {
            Map<String, String> index = index(bundle);
            boolean changed = false;
            for (Map.Entry<String, Copy> c : documents.entrySet()) {
                String file = c.getKey();
                // gone or changed since it was read: a newer revision of the bundle keeps its own copies
                Optional<Stored> d = isSafe(file) ? c.getValue().stored() : Optional.empty();
                if (d.isEmpty()) {
                    continue;
                }
                String digest = digest(d.get());
                if (digest.equals(index.get(file))) {
                    continue;
                }
                Files.createDirectories(dir);
                write(dir.resolve(file), d.get().bytes());
                Path figures = dir.resolve(file + ".figures");
                if (d.get().figures().isEmpty()) {
                    Files.deleteIfExists(figures);
                } else {
                    write(figures, Json.GSON.toJson(d.get().figures()).getBytes(StandardCharsets.UTF_8));
                }
                index.put(file, digest);
                changed = true;
            }
            if (changed) {
                Properties p = new Properties();
                p.putAll(index);
                java.io.StringWriter w = new java.io.StringWriter();
                p.store(w, "last good copies of " + bundle);
                write(dir.resolve(INDEX), w.toString().getBytes(StandardCharsets.ISO_8859_1));
            }
            problem = null;
        } catch (IOException | RuntimeException e) {
            indexes.remove(bundle);
            problem = "cannot keep last good copies in " + root + ": " + e.getMessage()
                    + "; documents are served from memory and a broken update after a restart would find no copy";
        }
    }

    Optional<Stored> load(String bundle, String file) {
        if (!isSafe(bundle) || !isSafe(file)) {
            return Optional.empty();
        }
        Path p = root.resolve(bundle).resolve(file);
        try {
            if (!Files.exists(p)) {
                return Optional.empty();
            }
            byte[] bytes = Files.readAllBytes(p);
            Path f = root.resolve(bundle).resolve(file + ".figures");
            Map<String, String> figures = Map.of();
            if (Files.exists(f)) {
                Map<String, String> read = Json.GSON.fromJson(Files.readString(f, StandardCharsets.UTF_8),
                        new com.google.gson.reflect.TypeToken<Map<String, String>>() { }.getType());
                figures = read == null ? Map.of() : read;
            }
            return Optional.of(new Stored(bytes, figures));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Drops the copies of files the bundle no longer ships. */
    void retainLater(String bundle, Set<String> files) {
        if (isSafe(bundle)) {
            later(bundle, () -> retain(bundle, files));
        }
    }

    private void retain(String bundle, Set<String> files) {
        Path dir = root.resolve(bundle);
        if (!Files.isDirectory(dir)) {
            return;
        }
        Map<String, String> index = index(bundle);
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) {
                String name = p.getFileName().toString();
                String doc = name.endsWith(".figures") ? name.substring(0, name.length() - 8) : name;
                if (!name.equals(INDEX) && !files.contains(doc)) {
                    Files.deleteIfExists(p);
                    index.remove(doc);
                }
            }
        } catch (IOException e) {
            // a stale copy left behind is only served if its file comes back broken; nothing is lost
        }
    }

    /** The bundle is gone: its copies go too. */
    void forgetLater(String bundle) {
        if (!isSafe(bundle)) {
            return;
        }
        later(bundle, () -> {
            indexes.remove(bundle);
            Path dir = root.resolve(bundle);
            if (!Files.isDirectory(dir)) {
                return;
            }
            try (Stream<Path> s = Files.list(dir)) {
                for (Path p : s.toList()) {
                    Files.deleteIfExists(p);
                }
                Files.deleteIfExists(dir);
            } catch (IOException e) {
                // left behind: the next uninstall of a bundle of that name cleans it
            }
        });
    }

    /** Why copies cannot be kept right now, or null. */
    String problem() {
        return problem;
    }

    /** Waits for the writes asked for so far (for tests and an orderly stop); they are written now even before ready. */
    void flush(long timeout, TimeUnit unit) {
        open();
        try {
            writer.submit(() -> { }).get(timeout, unit);
        } catch (Exception e) {
            // best effort
        }
    }

    void close() {
        open(); // a stop before ready still writes what was asked for, within the wait below
        writer.shutdown();
        try {
            writer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Map<String, String> index(String bundle) {
        return indexes.computeIfAbsent(bundle, b -> {
            Map<String, String> m = new HashMap<>();
            Path p = root.resolve(b).resolve(INDEX);
            if (Files.exists(p)) {
                Properties props = new Properties();
                try (var in = Files.newInputStream(p)) {
                    props.load(in);
                    props.forEach((k, v) -> m.put(k.toString(), v.toString()));
                } catch (IOException e) {
                    // unreadable index: every document is written again
                }
            }
            return m;
        });
    }

    private static void write(Path target, byte[] bytes) throws IOException {
        Path tmp = Files.createTempFile(target.getParent(), ".tmp", null);
        try {
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static String digest(Stored s) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(s.bytes());
            s.figures().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
                md.update(e.getKey().getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
                md.update(e.getValue().getBytes(StandardCharsets.UTF_8));
            });
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    static boolean isSafe(String s) {
        return s != null && SAFE.matcher(s).matches() && !s.startsWith(".");
    }
}
