package org.careleaf.catalog.internal.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.careleaf.admin.Actor;
import org.careleaf.catalog.internal.CatalogCore;
import org.careleaf.catalog.internal.library.Library;
import org.careleaf.catalog.internal.library.TestCatalog;
import org.careleaf.model.Audience;
import org.careleaf.model.Category;
import org.careleaf.model.ModuleDocument;
import org.careleaf.model.Review;
import org.careleaf.model.ReviewStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The real enablement component against a stand-in for Karaf's {@code etc/} watcher that behaves as Felix
 * FileInstall's configuration installer does: every update of the configuration is written into the file a moment
 * later, from what Config Admin holds then, and a file that differs from Config Admin is read into it. The stand-in
 * reads the file all the time, as the real one does when a change of the file is due to be reported.
 */
class EnablementTest {

    private static final Actor ADMIN = new Actor("nurse.admin", "shell", "EnablementTest");

    @TempDir
    Path dir;

    private final TestCatalog catalog = new TestCatalog().module(module("mpc-overview")).module(module("mpc-outlook"));
    /** The event thread, behind other work: each update is handled this long after it was made. */
    private static final long EVENT_DELAY_MS = 20;
    private final ScheduledExecutorService events = Executors.newSingleThreadScheduledExecutor();
    private final AtomicBoolean reading = new AtomicBoolean(true);
    private final Object disk = new Object();
    private Path cfg;
    private Enablement enablement;
    /** Whether the stand-in writes Config Admin's updates back into the file, as Karaf's watcher does by default. */
    private boolean writesBack = true;
    /** What Config Admin holds for the PID; null before anything was set. */
    private Hashtable<String, Object> held;

    @AfterEach
    void stop() {
        reading.set(false);
        events.shutdownNow();
    }

    private static ModuleDocument module(String id) {
        return new ModuleDocument(1, id, "1.0.0", "en", "mpc", "T " + id, "S", Category.OVERVIEW, 1,
                List.of(Audience.PATIENT), List.of(), List.of(), null, new Review(ReviewStatus.NOT_CLINICALLY_REVIEWED,
                        "2026-11-28", null, null, "2027-05-28", "t"), List.of(), List.of());
    }

    @Test
    void anAcknowledgedChangeIsNotUndoneByTheWatcherReadingTheFileBeforeItsWriteBack() throws Exception {
        start("disabledModules = \ndefaultLocale = en\n");
        Thread scanner = new Thread(() -> {
            while (reading.get()) {
                scan();
                Thread.onSpinWait();
            }
        });
        scanner.start();

        enablement.setEnabled("mpc-outlook", false, ADMIN);

        assertHidden("right after the acknowledgement");
        settle();
        assertHidden("once the watcher is done");
        enablement.setEnabled("mpc-outlook", true, ADMIN);
        settle();
        reading.set(false);
        scanner.join();
        assertEquals("", disabledIn(held).orElseThrow());
        assertEquals(Optional.of(""), listInFile());
        assertTrue(catalog.view("en").module("mpc-outlook").isPresent());
        assertEquals(2, enablement.audit(10).size(), "each change audited once: " + enablement.audit(10));
    }

    @Test
    void aChangeKeepsTheFilesOtherLinesAndAHandEditNotYetRead() throws Exception {
        start("# chosen by the site\ndisabledModules = \ndefaultLocale = en\n");
        // an administrator hides the overview by hand; the watcher has not read the file yet
        Files.writeString(cfg, "# chosen by the site\ndisabledModules = mpc-overview\ndefaultLocale = es\n");

        enablement.setEnabled("mpc-outlook", false, ADMIN);
        settle();

        assertEquals(Optional.of("mpc-outlook,mpc-overview"), listInFile());
        assertEquals("mpc-outlook,mpc-overview", disabledIn(held).orElseThrow());
        assertEquals("es", held.get("defaultLocale"));
        assertFalse(catalog.view("en").module("mpc-overview").isPresent());
        // newest first
        assertEquals(List.of("shell disable mpc-outlook", "file disable mpc-overview"), enablement.audit(10).stream()
                .map(e -> e.channel() + " " + e.action() + " " + e.target()).toList());
    }

    @Test
    void withoutTheWatchersWriteBackTheFileStillHoldsTheChange() throws Exception {
        writesBack = false;
        start("disabledModules = \ndefaultLocale = en\n");

        enablement.setEnabled("mpc-outlook", false, ADMIN);

        assertHidden("right after the acknowledgement");
        settle();
        assertHidden("once the watcher is done");
    }

    // ---- the stand-in for Karaf

    private void assertHidden(String when) throws IOException {
        assertFalse(catalog.view("en").module("mpc-outlook").isPresent(), when + ": served");
        assertEquals(Optional.of("mpc-outlook"), listInFile(), when + ": the file");
        assertEquals("mpc-outlook", disabledIn(held).orElseThrow(), when + ": Config Admin");
    }

    private void start(String file) throws Exception {
        Path etc = Files.createDirectories(dir.resolve("etc"));
        cfg = etc.resolve(Enablement.PID + ".cfg");
        Files.writeString(cfg, file);
        held = new Hashtable<>(properties(file));
        held.put("felix.fileinstall.filename", cfg.toUri().toString());
        enablement = new Enablement();
        inject("core", new Core(catalog.library()));
        inject("configAdmin", proxy(ConfigurationAdmin.class, (m, a) -> switch (m) {
            case "getConfiguration" -> configuration();
            default -> throw new UnsupportedOperationException(m);
        }));
        Map<String, String> framework = Map.of("karaf.etc", etc.toString(), "karaf.data", dir.resolve("data").toString(),
                "felix.fileinstall.enableConfigSave", String.valueOf(writesBack));
        enablement.activate(proxy(BundleContext.class, (m, a) -> switch (m) {
            case "getProperty" -> framework.get((String) a[0]);
            default -> throw new UnsupportedOperationException(m);
        }), config(held), new HashMap<>(held));
    }

    private Configuration configuration() {
        return proxy(Configuration.class, (m, a) -> switch (m) {
            case "getProperties" -> {
                synchronized (this) {
                    yield held == null ? null : new Hashtable<>(held);
                }
            }
            case "update" -> {
                update(toMap((Dictionary<?, ?>) a[0]));
                yield null;
            }
            default -> throw new UnsupportedOperationException(m);
        });
    }

    /** Config Admin's update: then, one event at a time, the watcher's write-back and the component's update. */
    private void update(Map<String, Object> next) {
        synchronized (this) {
            held = new Hashtable<>(next);
        }
        events.schedule(() -> {
            Map<String, Object> now;
            synchronized (this) {
                now = new HashMap<>(held);
            }
            synchronized (disk) {
                StringBuilder out = new StringBuilder();
                now.forEach((k, v) -> {
                    if (!k.startsWith("felix.") && !k.startsWith("service.")) {
                        out.append(k).append(" = ").append(v).append('\n');
                    }
                });
                if (writesBack) {
                    try {
                        Files.writeString(cfg, out.toString(), StandardCharsets.UTF_8);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
            enablement.modified(config(now), now);
        }, EVENT_DELAY_MS, TimeUnit.MILLISECONDS);
    }

    /** The watcher's reading of the file: a file that differs from Config Admin is taken into it. */
    private void scan() {
        String file;
        try {
            synchronized (disk) {
                file = Files.readString(cfg);
            }
        } catch (IOException e) {
            return; // replaced in this moment
        }
        Map<String, Object> props = properties(file);
        Optional<String> inFile = disabledIn(props);
        Optional<String> inAdmin;
        synchronized (this) {
            inAdmin = disabledIn(held);
        }
        if (!inFile.equals(inAdmin)) {
            props.put("felix.fileinstall.filename", cfg.toUri().toString());
            update(props);
        }
    }

    /** Waits until the watcher has handled every update so far (each is due before this one). */
    private void settle() throws Exception {
        events.schedule(() -> { }, EVENT_DELAY_MS, TimeUnit.MILLISECONDS).get(10, TimeUnit.SECONDS);
    }

    private Optional<String> listInFile() throws IOException {
        return new ConfigFile(cfg).read(Enablement.DISABLED).map(v -> String.join(",", Enablement.split(new String[] {v})));
    }

    private static Optional<String> disabledIn(Map<String, Object> props) {
        Object v = props.get(Enablement.DISABLED);
        return v == null ? Optional.empty() : Optional.of(String.join(",", Enablement.split(new String[] {v.toString()})));
    }

    private static Map<String, Object> properties(String file) {
        Map<String, Object> out = new HashMap<>();
        for (String line : file.split("\n")) {
            int eq = line.indexOf('=');
            if (!line.startsWith("#") && eq > 0) {
                out.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
            }
        }
        return out;
    }

    private static Map<String, Object> toMap(Dictionary<?, ?> d) {
        Map<String, Object> out = new HashMap<>();
        for (Object k : Collections.list(d.keys())) {
            out.put(k.toString(), d.get(k));
        }
        return out;
    }

    private static CatalogConfig config(Map<String, Object> props) {
        return proxy(CatalogConfig.class, (m, a) -> switch (m) {
            case "disabledModules" -> new String[] {String.valueOf(props.getOrDefault(Enablement.DISABLED, ""))};
            case "enabledLocales" -> new String[] {String.valueOf(props.getOrDefault("enabledLocales", ""))};
            case "defaultLocale" -> String.valueOf(props.getOrDefault("defaultLocale", "en"));
            default -> throw new UnsupportedOperationException(m);
        });
    }

    private void inject(String field, Object value) throws ReflectiveOperationException {
        Field f = Enablement.class.getDeclaredField(field);
        f.setAccessible(true);
        f.set(enablement, value);
    }

    private interface Handler {
        Object call(String method, Object[] args) throws Exception;
    }

    private static <T> T proxy(Class<T> type, Handler h) {
        return type.cast(Proxy.newProxyInstance(EnablementTest.class.getClassLoader(), new Class<?>[] {type},
                (p, m, a) -> switch (m.getName()) {
                    case "hashCode" -> System.identityHashCode(p);
                    case "equals" -> p == a[0];
                    case "toString" -> type.getSimpleName() + " stand-in";
                    default -> h.call(m.getName(), a);
                }));
    }

    private record Core(Library library) implements CatalogCore {
        @Override
        public void post(List<Library.Change> changes) {
        }

        @Override
        public void post(String kind, Map<String, String> properties) {
        }
    }
}
