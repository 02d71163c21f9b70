package org.careleaf.catalog.internal.admin;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code .cfg} file behind a configuration, read and written as an administrator edits it: one
 * property changed in place, every other line (and comment) kept. Writing goes to a temporary file,
 * forced to disk, then moved over the old one, so a crash leaves either version, never half of one.
 */
final class ConfigFile {

    /** How long an empty file is taken for a rewrite in progress; a rewrite of a small file takes microseconds. */
    private static final Duration REWRITE = Duration.ofMillis(250);

    private final Path path;
    private final long rewriteNanos;

    ConfigFile(Path path) {
        this(path, REWRITE);
    }

    ConfigFile(Path path, Duration rewrite) {
        this.path = path;
        this.rewriteNanos = rewrite.toNanos();
    }

    Path path() {
        return path;
    }

    /**
     * The value of a property as the file has it now, or empty when the file or the property is absent. An
     * empty file is read again for a moment: Karaf's watcher rewrites a file in place, truncating it first,
     * and a reader in between must not take that for a file without properties.
     */
    Optional<String> read(String key) throws IOException {
        if (!Files.exists(path)) {
            return Optional.empty();
        }
        Pattern p = line(key);
        String value = null;
        List<String> lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        for (long deadline = System.nanoTime() + rewriteNanos; lines.isEmpty() && System.nanoTime() < deadline;) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
            lines = Files.exists(path) ? Files.readAllLines(path, StandardCharsets.UTF_8) : List.of();
        }
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = p.matcher(lines.get(i));
            if (m.matches()) {
                StringBuilder v = new StringBuilder(m.group(1));
                // a value may continue on the next lines after a trailing backslash
                while (endsInContinuation(v) && i + 1 < lines.size()) {
                    v.setLength(v.length() - 1);
                    v.append(lines.get(++i).strip());
                }
                value = v.toString().strip();
            }
        }
        return Optional.ofNullable(value);
    }

    /** Sets one property, keeping every other line of the file. */
    void write(String key, String value) throws IOException {
        List<String> lines = Files.exists(path) ? Files.readAllLines(path, StandardCharsets.UTF_8) : new ArrayList<>();
        List<String> out = new ArrayList<>(lines.size() + 1);
        Pattern p = line(key);
        boolean done = false;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (p.matcher(l).matches()) {
                while (endsInContinuation(new StringBuilder(l)) && i + 1 < lines.size()) {
                    l = lines.get(++i);
                }
                if (!done) {
                    out.add(key + " = " + value);
                    done = true;
                }
                continue;
            }
            out.add(l);
        }
        if (!done) {
            out.add(key + " = " + value);
        }
        Files.createDirectories(path.toAbsolutePath().getParent());
        Path tmp = Files.createTempFile(path.toAbsolutePath().getParent(), "." + path.getFileName(), ".tmp");
        try {
            Files.write(tmp, (String.join("\n", out) + "\n").getBytes(StandardCharsets.UTF_8));
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            try {
                Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static Pattern line(String key) {
        return Pattern.compile("\\s*" + Pattern.quote(key) + "\\s*[=:]\\s*(.*)");
    }

    private static boolean endsInContinuation(CharSequence s) {
        int n = 0;
        for (int i = s.length() - 1; i >= 0 && s.charAt(i) == '\\'; i--) {
            n++;
        }
        return n % 2 == 1;
    }
}
