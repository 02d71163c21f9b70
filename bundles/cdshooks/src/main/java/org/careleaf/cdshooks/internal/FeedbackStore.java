package org.careleaf.cdshooks.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Logger;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.careleaf.admin.CardFeedback;
import org.careleaf.admin.CdsFeedback;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * The feedback counts per module, kept in {@code data/careleaf/cds-feedback.json} under Karaf's data
 * folder and written (temporary file, forced to disk, atomic move) before the client hears that its
 * feedback was taken: a crash never leaves a half-written file, and a counted click is on disk. Module ids
 * and numbers only: no patient, user, card or comment is stored.
 */
@Component(service = {FeedbackStore.class, CdsFeedback.class})
public final class FeedbackStore implements CdsFeedback {

    static final String FILE = "cds-feedback.json";
    private static final Logger LOG = Logger.getLogger("org.careleaf.cdshooks");

    /** One module's counts. */
    private static final class Counts {
        long accepted;
        long overridden;
        final Map<String, Long> reasons = new TreeMap<>();
        String lastAt;
    }

    private final Path file;
    private final Map<String, Counts> modules = new TreeMap<>();
    private long unattributed;

    @Activate
    public FeedbackStore(BundleContext context) {
        this(folder(context).resolve(FILE));
    }

    FeedbackStore(Path file) {
        this.file = file;
        load();
    }

    private static Path folder(BundleContext context) {
        String karafData = context.getProperty("karaf.data");
        return karafData != null ? Path.of(karafData, "careleaf") : context.getDataFile("").toPath();
    }

    /**
     * Counts a batch of outcomes and writes them to disk.
     *
     * @param outcomes each with the module it refers to, or a null module for a card no longer known
     * @throws IOException when the counts cannot be written; they are then not counted either
     */
    synchronized void record(List<Outcome> outcomes, Instant now) throws IOException {
        if (outcomes.isEmpty()) {
            return;
        }
        String before = json().toString();
        for (Outcome o : outcomes) {
            if (o.moduleId() == null) {
                unattributed++;
                continue;
            }
            Counts c = modules.computeIfAbsent(o.moduleId(), k -> new Counts());
            if (o.item().accepted()) {
                c.accepted++;
            } else {
                c.overridden++;
                if (o.item().overrideReason() != null) {
                    c.reasons.merge(o.item().overrideReason(), 1L, Long::sum);
                }
            }
            c.lastAt = now.toString();
        }
        try {
            write(json().toString());
        } catch (IOException e) {
            restore(JsonParser.parseString(before).getAsJsonObject());
            throw e;
        }
    }

    /** A feedback item and the module it counts for (null when unattributed). */
    record Outcome(FeedbackItem item, String moduleId) {
    }

    @Override
    public synchronized List<CardFeedback> perModule() {
        List<CardFeedback> out = new ArrayList<>();
        modules.forEach((id, c) -> out.add(new CardFeedback(id, c.accepted, c.overridden, c.reasons, c.lastAt)));
        return out;
    }

    @Override
    public synchronized long unattributed() {
        return unattributed;
    }

    private JsonObject json() {
        JsonObject root = new JsonObject();
        root.addProperty("schemaVersion", 1);
        JsonObject ms = new JsonObject();
        modules.forEach((id, c) -> {
            JsonObject m = new JsonObject();
            m.addProperty("accepted", c.accepted);
            m.addProperty("overridden", c.overridden);
            JsonObject reasons = new JsonObject();
            c.reasons.forEach(reasons::addProperty);
            m.add("overrideReasons", reasons);
            if (c.lastAt != null) {
                m.addProperty("lastAt", c.lastAt);
            }
            ms.add(id, m);
        });
        root.add("modules", ms);
        root.addProperty("unattributed", unattributed);
        return root;
    }

    private void load() {
        if (!Files.exists(file)) {
            return;
        }
        try {
            restore(JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject());
        } catch (IOException | RuntimeException e) {
            // keep the unreadable file for whoever investigates, and count afresh
            Path aside = file.resolveSibling(FILE + ".unreadable-" + System.currentTimeMillis());
            LOG.warning("CDS Hooks feedback counts in " + file + " cannot be read; moved to " + aside.getFileName()
                    + " and starting from zero");
            try {
                Files.move(file, aside);
            } catch (IOException moveFailed) {
                LOG.warning("CDS Hooks feedback counts: " + file + " cannot be moved aside either");
            }
            modules.clear();
            unattributed = 0;
        }
    }

    private void restore(JsonObject root) {
        modules.clear();
        JsonObject ms = root.getAsJsonObject("modules");
        if (ms != null) {
            for (Map.Entry<String, JsonElement> e : ms.entrySet()) {
                JsonObject m = e.getValue().getAsJsonObject();
                Counts c = new Counts();
                c.accepted = m.get("accepted").getAsLong();
                c.overridden = m.get("overridden").getAsLong();
                JsonObject reasons = m.getAsJsonObject("overrideReasons");
                if (reasons != null) {
                    reasons.entrySet().forEach(r -> c.reasons.put(r.getKey(), r.getValue().getAsLong()));
                }
                c.lastAt = m.has("lastAt") ? m.get("lastAt").getAsString() : null;
                modules.put(e.getKey(), c);
            }
        }
        unattributed = root.has("unattributed") ? root.get("unattributed").getAsLong() : 0;
    }

    private void write(String json) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + FILE, ".tmp");
        try {
            Files.writeString(tmp, json, StandardCharsets.UTF_8);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
