package org.careleaf.catalog.internal.admin;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.careleaf.admin.AuditEntry;
import org.careleaf.catalog.internal.JsonLines;

/**
 * The audit trail, in Karaf's data folder so that it survives restarts and bundle updates: each entry is
 * on disk before a change is reported done; a line torn by a crash is tolerated and counted.
 */
public final class AuditLog {

    private final JsonLines<AuditEntry> lines;

    public AuditLog(Path file) {
        this.lines = new JsonLines<>(file, AuditEntry.class, e -> e.at() != null && e.action() != null);
    }

    public void append(AuditEntry e) {
        lines.append(e);
    }

    /** The newest entries, newest first, at most {@code limit}. */
    public List<AuditEntry> newest(int limit) {
        List<AuditEntry> out = new ArrayList<>(lines.all());
        Collections.reverse(out);
        return Collections.unmodifiableList(out.subList(0, Math.min(limit, out.size())));
    }

    /** Lines of the trail that a crash tore. */
    public int tornLines() {
        return lines.tornLines();
    }
}
