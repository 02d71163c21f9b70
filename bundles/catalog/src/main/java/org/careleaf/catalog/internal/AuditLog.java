package org.careleaf.catalog.internal;

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

/**
 * The audit trail: one JSON object per line, appended and forced to disk before a change is reported
 * done, in Karaf's data folder so that it survives restarts and bundle updates.
 */
final class AuditLog {

    private final Path file;

    AuditLog(Path file) {
        this.file = file;
    }

    synchronized void append(AuditEntry e) {
        byte[] line = (Json.GSON.toJson(e) + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            Files.createDirectories(file.getParent());
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND)) {
                ch.write(ByteBuffer.wrap(line));
                ch.force(true);
            }
        } catch (IOException ex) {
            // a change that cannot be audited must not look done
            throw new IllegalStateException("cannot write the audit trail " + file + ": " + ex.getMessage(), ex);
        }
    }

    synchronized List<AuditEntry> newest(int limit) {
        if (!Files.exists(file)) {
            return List.of();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the audit trail " + file + ": " + e.getMessage(), e);
        }
        List<AuditEntry> out = new ArrayList<>();
        for (int i = lines.size() - 1; i >= 0 && out.size() < limit; i--) {
            try {
                AuditEntry e = Json.GSON.fromJson(lines.get(i), AuditEntry.class);
                if (e != null) {
                    out.add(e);
                }
            } catch (JsonParseException torn) {
                // a line torn by a crash mid-write is skipped; the lines around it are intact
            }
        }
        return Collections.unmodifiableList(out);
    }
}
