package org.careleaf.cdshooks.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.careleaf.admin.CardFeedback;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedbackStoreTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private static FeedbackStore.Outcome outcome(String module, boolean accepted, String reason) {
        return new FeedbackStore.Outcome(new FeedbackItem("c", accepted, reason, NOW), module);
    }

    @Test
    void countsSurviveARestartAndNoTemporaryFileIsLeft(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("careleaf").resolve(FeedbackStore.FILE);
        FeedbackStore s = new FeedbackStore(file);
        s.record(List.of(outcome("mpc-chemotherapy", true, null), outcome("mpc-chemotherapy", false, "other"),
                outcome("mpc-bone-health", false, null), outcome(null, true, null)), NOW);
        FeedbackStore again = new FeedbackStore(file);
        assertEquals(List.of(new CardFeedback("mpc-bone-health", 0, 1, Map.of(), NOW.toString()),
                new CardFeedback("mpc-chemotherapy", 1, 1, Map.of("other", 1L), NOW.toString())), again.perModule());
        assertEquals(1, again.unattributed());
        try (var files = Files.list(file.getParent())) {
            assertEquals(List.of(file), files.toList(), "written through a temporary file that is gone");
        }
    }

    @Test
    void anUnreadableFileIsMovedAsideAndCountingStartsAfresh(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(FeedbackStore.FILE);
        Files.writeString(file, "{\"modules\": ");
        FeedbackStore s = new FeedbackStore(file);
        assertEquals(List.of(), s.perModule());
        try (var files = Files.list(dir)) {
            assertTrue(files.anyMatch(p -> p.getFileName().toString().startsWith(FeedbackStore.FILE + ".unreadable-")));
        }
    }

    @Test
    void aFailedWriteCountsNothing(@TempDir Path dir) throws Exception {
        Path blocker = dir.resolve("not-a-folder");
        Files.writeString(blocker, "x");
        FeedbackStore s = new FeedbackStore(blocker.resolve(FeedbackStore.FILE));
        assertThrows(IOException.class, () -> s.record(List.of(outcome("mpc-outlook", true, null)), NOW));
        assertEquals(List.of(), s.perModule(), "the client is told 503 and sends it again: no double count");
    }
}
