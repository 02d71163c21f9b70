package org.careleaf.catalog.internal.approval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.careleaf.admin.Approval;
import org.careleaf.catalog.internal.Json;
import org.careleaf.catalog.internal.JsonLines;
import org.careleaf.model.ModuleDocument;
import org.careleaf.model.TranslationDocument;

/**
 * Approvals kept as crash-safe data in Careleaf's data folder: an append-only record of every approval
 * and withdrawal (forced to disk before an approval counts), and a copy of exactly the content each
 * approval covers, written before the approval is recorded, so that the approved version can be served
 * (and compared) after its bundle has moved on to a newer one, also after a restart.
 */
final class ApprovalStore {

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    /** One line of the record. */
    record Event(String action, Approval approval) {
    }

    /** A module version as approved: the document and the SVG text of its figures. */
    record ModuleCopy(ModuleDocument document, Map<String, String> figures) {
    }

    private final Path root;
    private final JsonLines<Event> log;

    ApprovalStore(Path root) {
        this.root = root;
        this.log = new JsonLines<>(root.resolve("approvals.jsonl"), Event.class,
                e -> e.action() != null && e.approval() != null && e.approval().contentHash() != null);
    }

    /** The approvals in force, by what they cover, oldest first. */
    Map<String, Approval> current() {
        Map<String, Approval> out = new LinkedHashMap<>();
        for (Event e : log.all()) {
            Approval a = e.approval();
            String key = org.careleaf.catalog.internal.library.ApprovalRules.key(a.module(), a.locale(), a.contentHash());
            if ("approve".equals(e.action())) {
                out.remove(key);
                out.put(key, a);
            } else {
                out.remove(key);
            }
        }
        return out;
    }

    int tornLines() {
        return log.tornLines();
    }

    void record(String action, Approval a) {
        log.append(new Event(action, a));
    }

    void keep(Approval a, ModuleDocument d, Map<String, String> figures) {
        write(copy(a), Json.GSON.toJson(new ModuleCopy(d, figures)));
    }

    void keep(Approval a, TranslationDocument t) {
        write(copy(a), Json.GSON.toJson(t));
    }

    Optional<ModuleCopy> module(Approval a) {
        return read(copy(a)).map(s -> Json.GSON.fromJson(s, ModuleCopy.class));
    }

    Optional<TranslationDocument> translation(Approval a) {
        return read(copy(a)).map(s -> Json.GSON.fromJson(s, TranslationDocument.class));
    }

    private Path copy(Approval a) {
        for (String part : List.of(a.module(), a.locale(), a.contentHash())) {
            if (!SAFE.matcher(part).matches()) {
                throw new IllegalArgumentException("not a plain name: " + part);
            }
        }
        return root.resolve("copies").resolve(a.module()).resolve(a.locale()).resolve(a.contentHash() + ".json");
    }

    private static Optional<String> read(Path p) {
        try {
            return Files.exists(p) ? Optional.of(Files.readString(p, StandardCharsets.UTF_8)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static void write(Path target, String text) {
        try {
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(target.getParent(), ".tmp", null);
            try {
                Files.writeString(tmp, text, StandardCharsets.UTF_8);
                try (var ch = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE)) {
                    ch.force(true);
                }
                try {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot keep the approved content in " + target.getParent() + ": "
                    + e.getMessage(), e);
        }
    }
}
