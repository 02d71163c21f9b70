package org.careleaf.catalog.internal.admin;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.google.gson.JsonParseException;

import org.careleaf.admin.AuditEntry;
import org.careleaf.catalog.internal.Json;

/**
 * The audit trail: one JSON object per line, appended and forced to disk before a change is reported
 * done, in Karaf's data folder so that it survives restarts and bundle updates. A line torn by a crash in
 * the middle of a write is closed off when the trail is next opened (so the next entry starts on a line of
 * its own), skipped when reading, and counted in {@link #tornLines()}.
 */
public final class AuditLog {

    private final Path file;
    private boolean repaired;

    public AuditLog(Path file) {
        this.file = file;
    }

    public synchronized void append(AuditEntry e) {
        byte[] line = (Json.GSON.toJson(e) + "\n").getBytes(StandardCharsets.UTF_8);
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
            // a change that cannot be audited must not look done
            throw new IllegalStateException("cannot write the audit trail " + file + ": " + ex.getMessage(), ex);
        }
    }

    /** The newest entries, newest first, at most {@code limit}. */
    public synchronized List<AuditEntry> newest(int limit) {
        List<AuditEntry> out = new ArrayList<>();
        for (String line : lines()) {
            AuditEntry e = parse(line);
            if (e != null) {
                out.add(e);
            }
        }
        Collections.reverse(out);
        return Collections.unmodifiableList(out.subList(0, Math.min(limit, out.size())));
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
            throw new IllegalStateException("cannot read the audit trail " + file + ": " + e.getMessage(), e);
        }
    }

    private static AuditEntry parse(String line) {
        if (line.isBlank()) {
            return null;
        }
        try {
            AuditEntry e = Json.GSON.fromJson(line, AuditEntry.class);
            return e != null && e.at() != null && e.action() != null ? e : null;
        } catch (JsonParseException torn) {
            return null;
        }
    }
}
