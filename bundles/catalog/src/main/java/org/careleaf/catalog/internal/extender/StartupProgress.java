package org.careleaf.catalog.internal.extender;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import org.careleaf.model.Readiness;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Whether the catalog has taken in what Karaf installs at start, judged by Karaf's own signals: the
 * {@code BootFinished} service (boot features installed and started), the content and localisation
 * bundles still starting, and the data bundles that Karaf's deployer has yet to install from
 * {@code deploy/}. Ready once all of those are read; then it stays ready, so content added to a running
 * node never makes it unready. Outside Karaf, ready once the bundles present at start are read.
 */
final class StartupProgress {

    /**
     * How long the deployer may make no progress at all (no data bundle read) before a jar in deploy/ that it
     * has not started stops holding readiness. Counted from the last progress, not from boot, so a large
     * library that takes minutes to install holds readiness for as long as it keeps arriving.
     */
    static final long DEPLOY_GRACE_NANOS = 120_000_000_000L;
    private static final String BOOT_FINISHED = "org.apache.karaf.features.BootFinished";

    private final BundleContext context;
    private final boolean karaf;
    private final List<Path> deployFolders;
    private final ServiceTracker<Object, Object> bootFinished;
    /** Bundle id → the bundle's last-modified time when the extender read it. */
    private final Map<Long, Long> read = new ConcurrentHashMap<>();
    /** Data jars in deploy/ at boot, not yet read, by URI location. */
    private Map<String, Path> pendingDeploy;
    private long bootFinishedAt;
    /** When a data bundle was last read (or boot finished): the deployer's last sign of progress. */
    private volatile long lastProgressAt = System.nanoTime();
    private volatile boolean opened;
    private volatile Readiness ready;
    private final List<String> deployProblems = new ArrayList<>();
    /** Per bundle id: whether it is a data bundle, as of its last-modified time. */
    private final Map<Long, Known> dataBundles = new ConcurrentHashMap<>();
    /** Per bundle id: its location, normalised (a bundle's location never changes). */
    private final Map<Long, String> locations = new ConcurrentHashMap<>();

    /** @param changed called when Karaf's boot signal arrives, so progress is judged again at once */
    StartupProgress(BundleContext context, Runnable changed) {
        this.context = context;
        String base = context.getProperty("karaf.base");
        this.karaf = base != null;
        this.deployFolders = base == null ? List.of() : List.of(Path.of(base, "deploy"));
        this.bootFinished = !karaf ? null : new ServiceTracker<>(context, trackerFilter(context), null) {
            @Override
            public Object addingService(org.osgi.framework.ServiceReference<Object> reference) {
                Object service = super.addingService(reference);
                changed.run();
                return service;
            }
        };
    }

    private static org.osgi.framework.Filter trackerFilter(BundleContext context) {
        try {
            return context.createFilter("(objectClass=" + BOOT_FINISHED + ")");
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    void open() {
        if (bootFinished != null) {
            bootFinished.open(true);
        }
    }

    /** The extender's first pass over the bundles present has been made. */
    void opened() {
        opened = true;
    }

    void close() {
        if (bootFinished != null) {
            bootFinished.close();
        }
    }

    void read(Bundle b) {
        read.put(b.getBundleId(), b.getLastModified());
        lastProgressAt = System.nanoTime();
    }

    void forget(Bundle b) {
        read.remove(b.getBundleId());
        dataBundles.remove(b.getBundleId());
        locations.remove(b.getBundleId());
    }

    /**
     * Whether a bundle is a data bundle, remembered per bundle and revision: progress is judged over every
     * bundle many times a second during boot, and reading a bundle's headers each time cost more than the
     * rest of the judging.
     */
    private boolean isDataBundle(Bundle b) {
        Known known = dataBundles.get(b.getBundleId());
        long modified = b.getLastModified();
        if (known != null && known.modified() == modified) {
            return known.data();
        }
        boolean data = ContentExtender.isDataBundle(b);
        dataBundles.put(b.getBundleId(), new Known(modified, data));
        return data;
    }

    private record Known(long modified, boolean data) {
    }

    /** Problems found while waiting (jars in deploy/ that the deployer never installed). */
    synchronized List<String> problems() {
        return List.copyOf(deployProblems);
    }

    /** Where start-up stands now. */
    synchronized Readiness evaluate() {
        if (ready != null) {
            return ready;
        }
        int expected = 0;
        int loaded = 0;
        boolean booted = !karaf || bootFinished.getService() != null;
        // on a restart Karaf's boot signal comes at once (nothing to install) while the framework is still
        // raising start levels: a persistently started data bundle not yet started is on its way until the
        // framework itself has started (the system bundle is STARTING until then)
        boolean frameworkStarting = context.getBundle(0).getState() == Bundle.STARTING;
        for (Bundle b : context.getBundles()) {
            if (!isDataBundle(b)) {
                continue;
            }
            int state = b.getState();
            boolean coming = state == Bundle.STARTING || state == Bundle.ACTIVE
                    || (!booted || frameworkStarting) && state != Bundle.UNINSTALLED && persistentlyStarted(b);
            if (coming) {
                expected++;
                Long at = read.get(b.getBundleId());
                if (at != null && at == b.getLastModified()) {
                    loaded++;
                }
            }
        }
        if (!booted || !opened) {
            return new Readiness(false, loaded, expected, karaf ? "Karaf is still installing its boot features; "
                    + loaded + " of " + expected + " content and language bundles are loaded"
                    : "the catalog is reading the content bundles");
        }
        if (pendingDeploy == null) {
            bootFinishedAt = System.nanoTime();
            lastProgressAt = Math.max(lastProgressAt, bootFinishedAt);
            pendingDeploy = scanDeploy();
        }
        settleDeploy();
        expected += pendingDeploy.size();
        if (loaded == expected) {
            ready = new Readiness(true, loaded, expected, null);
            return ready;
        }
        String why = loaded + " of " + expected + " content and language bundles are loaded";
        if (!pendingDeploy.isEmpty()) {
            why += "; waiting for Karaf's deployer to install " + pendingDeploy.size() + " from deploy/";
        }
        return new Readiness(false, loaded, expected, why);
    }

    boolean isReady() {
        return ready != null;
    }

    private void settleDeploy() {
        Map<String, Bundle> byLocation = new HashMap<>();
        for (Bundle b : context.getBundles()) {
            byLocation.put(locations.computeIfAbsent(b.getBundleId(), id -> normal(b.getLocation())), b);
        }
        boolean stalled = System.nanoTime() - lastProgressAt > DEPLOY_GRACE_NANOS;
        for (var it = pendingDeploy.entrySet().iterator(); it.hasNext(); ) {
            var e = it.next();
            Bundle b = byLocation.get(e.getKey());
            Long at = b == null ? null : read.get(b.getBundleId());
            if (b != null && (at != null && at == b.getLastModified() || b.getState() == Bundle.INSTALLED && stalled)) {
                it.remove();
            } else if (stalled) {
                deployProblems.add(e.getValue().getFileName() + " in deploy/ holds Careleaf content but Karaf's deployer"
                        + " did not install it; nothing arrived for " + DEPLOY_GRACE_NANOS / 1_000_000_000L + " s");
                it.remove();
            }
        }
    }

    /** The jars in deploy/ that carry a Careleaf header, by the location Karaf's deployer installs them at. */
    private Map<String, Path> scanDeploy() {
        Map<String, Path> out = new LinkedHashMap<>();
        for (Path folder : deployFolders) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> s = Files.list(folder)) {
                for (Path jar : s.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList()) {
                    if (isDataJar(jar)) {
                        out.put(normal(jar.toUri().toString()), jar);
                    }
                }
            } catch (IOException e) {
                // an unreadable deploy folder holds nothing Karaf can install either
            }
        }
        return out;
    }

    private static boolean isDataJar(Path jar) {
        try (JarFile j = new JarFile(jar.toFile(), false)) {
            Manifest m = j.getManifest();
            return m != null && (m.getMainAttributes().getValue(ContentExtender.CONTENT_HEADER) != null
                    || m.getMainAttributes().getValue(ContentExtender.LOCALISATION_HEADER) != null);
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    private static String normal(String location) {
        try {
            return URI.create(location).normalize().toString().replace("file:///", "file:/");
        } catch (IllegalArgumentException e) {
            return location;
        }
    }

    private static boolean persistentlyStarted(Bundle b) {
        BundleStartLevel sl = b.adapt(BundleStartLevel.class);
        return sl != null && sl.isPersistentlyStarted();
    }
}
