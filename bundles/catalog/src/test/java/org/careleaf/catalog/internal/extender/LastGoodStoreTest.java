package org.careleaf.catalog.internal.extender;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each bundle's copies are written in the order asked for, and a change saved now waits for no other bundle. */
class LastGoodStoreTest {

    @TempDir
    Path root;
    private LastGoodStore store;

    @AfterEach
    void close() {
        store.close();
    }

    private static LastGoodStore.Copy doc(String text) {
        return LastGoodStore.Copy.held(text.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    private String kept(String bundle) {
        return store.load(bundle, "a.json").map(s -> new String(s.bytes(), StandardCharsets.UTF_8)).orElse(null);
    }

    @Test
    void aChangeSavedNowIsOnDiskWhenItReturnsAndNoOlderCopyQueuedBeforeItReplacesIt() {
        store = new LastGoodStore(root);
        for (int i = 0; i < 300; i++) { // a boot's worth of background copies of other bundles
            store.saveLater("org.example.b" + i, Map.of("a.json", doc("boot " + i)));
        }
        store.saveLater("org.example.swapped", Map.of("a.json", doc("version 1")));
        store.saveNow("org.example.swapped", Map.of("a.json", doc("version 2")));
        assertEquals("version 2", kept("org.example.swapped"));

        store.flush(30, TimeUnit.SECONDS);
        assertEquals("version 2", kept("org.example.swapped"));
        assertEquals("boot 299", kept("org.example.b299"));
        assertEquals("boot 0", kept("org.example.b0"));
        assertEquals(null, store.problem());
    }

    @Test
    void aBundleForgottenAndInstalledAgainKeepsItsNewCopyOnly() {
        store = new LastGoodStore(root);
        store.saveNow("org.example.c", Map.of("a.json", doc("first install")));
        store.forgetLater("org.example.c");
        store.saveNow("org.example.c", Map.of("a.json", doc("second install")));
        store.flush(30, TimeUnit.SECONDS);
        assertEquals("second install", kept("org.example.c"));

        store.saveLater("org.example.c", Map.of("a.json", doc("kept"), "b.json", doc("dropped next")));
        store.retainLater("org.example.c", Set.of("a.json"));
        store.flush(30, TimeUnit.SECONDS);
        assertEquals("kept", kept("org.example.c"));
        assertTrue(store.load("org.example.c", "b.json").isEmpty(), "a file the bundle no longer ships is dropped");
    }

    @Test
    void aBootsCopyIsReadAgainWhenWrittenAndNeverKeptWhenItsSourceChangedMeanwhile() throws Exception {
        store = new LastGoodStore(root);
        Path source = Files.createDirectory(root.resolve("bundle-content"));
        Path same = Files.writeString(source.resolve("same.json"), "as read");
        Path changed = Files.writeString(source.resolve("changed.json"), "as read");
        Path gone = Files.writeString(source.resolve("gone.json"), "as read");
        byte[] read = "as read".getBytes(StandardCharsets.UTF_8);
        store.saveLater("org.example.d", Map.of(
                "a.json", LastGoodStore.Copy.readAgain(same.toUri().toURL(), read, Map.of()),
                "b.json", LastGoodStore.Copy.readAgain(changed.toUri().toURL(), read, Map.of()),
                "c.json", LastGoodStore.Copy.readAgain(gone.toUri().toURL(), read, Map.of())));
        // between the read and the write (held until ready) the bundle was updated: one entry changed, one left
        Files.writeString(changed, "as updt"); // same length, other bytes
        Files.delete(gone);
        store.open();
        store.flush(30, TimeUnit.SECONDS);
        assertEquals("as read", kept("org.example.d"));
        assertTrue(store.load("org.example.d", "b.json").isEmpty(), "bytes that changed are not kept as the ones read");
        assertTrue(store.load("org.example.d", "c.json").isEmpty(), "bytes that are gone are not kept");
        assertEquals(null, store.problem());
    }
}
