package org.careleaf.catalog.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import com.google.gson.JsonParseException;

/**
 * A durable record of changes: one JSON object per line, appended and forced to disk before the change
 * is reported done. A line torn by a crash in the middle of a write is closed off when the file is next
 * appended to (so the next entry starts on a line of its own), skipped when reading, and counted.
 */
public final class JsonLines<T> {

    private final Path file;
    private final Class<T> type;
    private final Predicate<T> whole;
    private boolean repaired;

    /** @param whole true for an entry that has every field a complete line has */
    public JsonLines(Path file, Class<T> type, Predicate<T> whole) {
        this.file = file;
        this.type = type;
        this.whole = whole;
    }

    public Path file() {
        return file;
    }

    public synchronized void append(T entry) {
        byte[] line = (Json.GSON.toJson(entry) + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            Files.createDirectories(file.getParent());
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.READ)) {
                long size = ch.size();
                if (!repaired && size > 0) {
                    ByteBuffer last = ByteBuffer.allocate(1);
                    ch.read(last, size - 1);
                    if (last.get(0) != '\n') {
                        // the previous process died in the middle of a line: end it, so this entry stands alone
                        ch.write(ByteBuffer.wrap(new byte[] {'\n'}), size);
                        size++;
                    }
                }
                repaired = true;
                ch.write(ByteBuffer.wrap(line), size);
                ch.force(true);
            }
        } catch (IOException ex) {
            // a change that cannot be recorded must not look done
            throw new IllegalStateException("cannot write " + file + ": " + ex.getMessage(), ex);
        }
    }

    /** Every whole entry, oldest first. */
    public synchronized List<T> all() {
        List<T> out = new ArrayList<>();
        for (String line : lines()) {
            T e = parse(line);
            if (e != null) {
                out.add(e);
            }
        }
        return out;
    }

    /** Lines that are not a whole entry (torn by a crash mid-write). */
    public synchronized int tornLines() {
        int torn = 0;
        for (String line : lines()) {
            if (!line.isBlank() && parse(line) == null) {
                torn++;
            }
        }
        return torn;
    }

    private List<String> lines() {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            // a torn line may end inside a character: decode leniently, the line is skipped anyway
            return List.of(new String(Files.readAllBytes(file), StandardCharsets.UTF_8).split("\n"));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private T parse(String line) {
        if (line.isBlank()) {
            return null;
        }
        try {
            T e = Json.GSON.fromJson(line, type);
            return e != null && whole.test(e) ? e : null;
        } catch (JsonParseException torn) {
            return null;
        }
    }
}
