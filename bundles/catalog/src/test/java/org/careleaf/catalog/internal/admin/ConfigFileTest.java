package org.careleaf.catalog.internal.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One property read and written as an administrator would, and an in-place rewrite never read as a lost list. */
class ConfigFileTest {

    @TempDir
    Path dir;

    @Test
    void aWriteChangesOneLineAndKeepsEveryOtherLineAndComment() throws Exception {
        Path p = dir.resolve("org.careleaf.catalog.cfg");
        Files.writeString(p, "# hidden at this site\ndisabledModules = a, \\\n  b\ndefaultLocale = es\n");
        ConfigFile cfg = new ConfigFile(p);
        assertEquals(Optional.of("a, b"), cfg.read("disabledModules"));
        cfg.write("disabledModules", "c");
        assertEquals("# hidden at this site\ndisabledModules = c\ndefaultLocale = es\n", Files.readString(p));
        assertEquals(Optional.of("es"), cfg.read("defaultLocale"));
        assertEquals(Optional.empty(), cfg.read("enabledLocales"));
    }

    @Test
    void aFileEmptiedByARewriteInProgressIsReadOnceTheRewriteIsDone() throws Exception {
        Path p = dir.resolve("org.careleaf.catalog.cfg");
        Files.writeString(p, "");
        CompletableFuture<Void> rewrite = CompletableFuture.runAsync(() -> {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(30));
            try {
                Files.writeString(p, "disabledModules = mpc-clinical-trials\n");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        // a window far longer than the rewrite's delay, so a slow machine cannot make this a race
        assertEquals(Optional.of("mpc-clinical-trials"), new ConfigFile(p, Duration.ofSeconds(30)).read("disabledModules"));
        rewrite.join();
    }

    @Test
    void aFileThatStaysEmptyHasNoProperties() throws Exception {
        Path p = dir.resolve("org.careleaf.catalog.cfg");
        Files.writeString(p, "");
        assertEquals(Optional.empty(), new ConfigFile(p, Duration.ofMillis(20)).read("disabledModules"));
        assertEquals(Optional.empty(), new ConfigFile(dir.resolve("absent.cfg")).read("disabledModules"));
    }
}
