package org.careleaf.catalog.internal.extender;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import org.careleaf.catalog.internal.CatalogCore;
import org.careleaf.catalog.internal.DocumentParser;
import org.careleaf.catalog.internal.Finding;
import org.careleaf.catalog.internal.library.Candidate;
import org.careleaf.catalog.internal.library.Library;
import org.careleaf.model.EducationModule;
import org.careleaf.model.ModuleDocument;
import org.careleaf.model.ModuleTranslation;
import org.careleaf.model.Problem;
import org.careleaf.model.Readiness;
import org.careleaf.model.TranslationDocument;
import org.careleaf.model.ViewerText;
import org.careleaf.model.ViewerTranslation;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.util.tracker.BundleTracker;

/**
 * The extender: finds data bundles by their manifest header, reads and checks their documents, and
 * registers one service per document on the data bundle's own behalf, so the services go with it. It
 * hands each document to the library itself as it registers it: a catalog that obtained 160,000 services
 * (10,000 modules in 16 languages) through the framework would pay for each one a search of its own
 * usage records, which grow with the library, so boot would cost the square of the library's size. A
 * refused document is reported with its file and field, and its last good version (from this run, or
 * kept on disk from an earlier one) is served in its place; the bundle's other documents are unaffected.
 * It also tells the catalog how far start-up has come ({@link StartupProgress}). Until the node is ready
 * (every content surface answers 503) bundles are read on a thread per core, beside Karaf's own work of
 * installing them; after that, a bundle's documents are read in the thread that starts it, so they are
 * served by the time its start returns.
 */
@Component(immediate = true)
public class ContentExtender {

    public static final String CONTENT_HEADER = "Careleaf-Content";
    public static final String LOCALISATION_HEADER = "Careleaf-Localisation";
    /** Service property on a document service: true when a kept last good copy stands in for a refused one. */
    public static final String LAST_GOOD = "careleaf.lastgood";
    /** Service property on a document service this extender registered and handed to the library itself. */
    public static final String EXTENDED = "careleaf.extended";
    /** The filter for document services the catalog still obtains from the framework: those a host registered. */
    public static final String NOT_EXTENDED = "(!(" + EXTENDED + "=*))";
    /** A folder name in a header: a relative path of plain names, nothing that climbs out of the bundle. */
    private static final Pattern FOLDER = Pattern.compile("[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+){0,4}");
    private static final int MAX_HEADER = 256;
    /** Documents one bundle may carry: room for a vendor library of thousands of modules. */
    static final int MAX_DOCUMENTS = 20_000;
    /** Before ready, reads that end close together share one report, at most this often. */
    private static final long REPORT_EVERY_MS = 100;

    @Reference
    private CatalogCore core;

    private BundleContext context;
    private BundleTracker<Reading> tracker;
    private SynchronousBundleListener uninstallListener;
    private LastGoodStore store;
    private StartupProgress progress;
    private volatile ScheduledExecutorService ticker;
    /** Reads data bundles before the node is ready, one thread per core. */
    private ExecutorService readers;
    private final ProblemLog problems = new ProblemLog();
    /** What each data bundle (by symbolic name) served last in this run, by file name: the first place a last good copy comes from. */
    private final Map<String, Map<String, Served>> served = new ConcurrentHashMap<>();
    private volatile Readiness reported;
    /** A report asked of the progress thread and not yet begun. */
    private final java.util.concurrent.atomic.AtomicBoolean reportPending = new java.util.concurrent.atomic.AtomicBoolean();
    private List<Problem> reportedProblems = List.of();

    /** A document as served, with what is needed to serve it again. */
    private record Served(Object document, Map<String, String> figures) {
    }

    @Activate
    void activate(BundleContext context) {
        this.context = context;
        String karafData = context.getProperty("karaf.data");
        Path root = karafData != null ? Path.of(karafData, "careleaf", "last-good") : context.getDataFile("last-good").toPath();
        store = new LastGoodStore(root);
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "careleaf-startup-progress");
            t.setDaemon(true);
            return t;
        });
        progress = new StartupProgress(context, () -> {
            if (ticker != null) {
                ticker.execute(this::tick);
            }
        });
        progress.open();
        AtomicInteger readerCount = new AtomicInteger();
        readers = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), r -> {
            Thread t = new Thread(r, "careleaf-content-reader-" + readerCount.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        uninstallListener = event -> {
            if (event.getType() == BundleEvent.UNINSTALLED && isDataBundle(event.getBundle())) {
                String bsn = event.getBundle().getSymbolicName();
                store.forgetLater(bsn);
                served.remove(bsn);
                problems.clear(bsn);
                progress.forget(event.getBundle());
                // what the bundle offered while it stopped to be uninstalled goes now, not after the restart grace
                core.post(core.library().settle(event.getBundle().getBundleId()));
                report();
            }
        };
        context.addBundleListener(uninstallListener);
        tracker = new BundleTracker<>(context, Bundle.STARTING | Bundle.ACTIVE, null) {
            @Override
            public Reading addingBundle(Bundle bundle, BundleEvent event) {
                if (!isDataBundle(bundle)) {
                    return null;
                }
                Reading reading = new Reading(bundle);
                if (progress.isReady()) {
                    read(reading); // once serving, a bundle's documents are served when its start returns
                } else {
                    // until ready no reader sees content (503): read on every core beside Karaf's own work
                    reading.done = CompletableFuture.runAsync(() -> read(reading), readers);
                }
                return reading;
            }

            @Override
            public void removedBundle(Bundle bundle, BundleEvent event, Reading reading) {
                reading.awaitRead();
                unregister(bundle, reading);
            }
        };
        tracker.open();
        progress.opened();
        report();
        ticker.scheduleWithFixedDelay(this::tick, 250, 500, TimeUnit.MILLISECONDS);
    }

    @Deactivate
    void deactivate() {
        ticker.shutdownNow();
        context.removeBundleListener(uninstallListener);
        tracker.close();
        readers.shutdownNow();
        progress.close();
        store.close();
    }

    /** Until ready, start-up progress is re-judged every half second (the deployer and boot work in their own threads). */
    private void tick() {
        try {
            report();
        } catch (RuntimeException e) {
            // the next tick tries again
        }
    }

    static boolean isDataBundle(Bundle b) {
        Dictionary<String, String> h = b.getHeaders("");
        return h.get(CONTENT_HEADER) != null || h.get(LOCALISATION_HEADER) != null;
    }

    /** Tells the catalog the current problems and start-up progress, when either changed. */
    private synchronized void report() {
        Readiness r = progress.evaluate();
        if (r.ready()) {
            store.open(); // the copies of boot's documents are written from now on
        }
        List<Problem> all = new ArrayList<>(problems.all());
        String storage = store.problem();
        if (storage != null) {
            all.add(new Problem("org.careleaf.catalog", null, null, storage, null, null));
        }
        for (String p : progress.problems()) {
            all.add(new Problem("deploy/", null, null, p, null, null));
        }
        if (r.equals(reported) && all.equals(reportedProblems)) {
            return;
        }
        reported = r;
        reportedProblems = List.copyOf(all);
        core.post(core.library().report(all, r));
    }

    private void read(Reading reading) {
        Bundle bundle = reading.bundle;
        try {
            reading.run();
        } catch (RuntimeException e) {
            // a fault of the framework or the disk, not of a document: named, and the bundle counts as read
            reading.problems.add(new Problem(reading.bundleName, null, null, "the bundle could not be read: " + e,
                    null, Instant.now().toString()));
        }
        progress.read(bundle);
        problems.set(bundle.getSymbolicName(), reading.problems);
        // the bundle's own documents are all offered again: what its previous revision offered and this one does not goes now
        core.post(core.library().settle(bundle.getBundleId()));
        reading.problems.forEach(p -> core.post("MODULE_REFUSED", Map.of("module", String.valueOf(p.moduleId()),
                "bundle", p.bundle(), "message", p.describe())));
        reportSoon();
    }

    /**
     * Once ready, reports at once. Before, a read only asks the progress thread to report, and many reads
     * share one report: judging progress looks at every bundle, so one report per read cost boot the square
     * of the library (a twentieth of the readers' work at 1,600 bundles).
     */
    private void reportSoon() {
        if (progress.isReady()) {
            report();
            return;
        }
        if (reportPending.compareAndSet(false, true)) {
            try {
                // at most one report per REPORT_EVERY_MS while reads keep ending: readiness is then told that much later
                ticker.schedule(() -> {
                    reportPending.set(false); // a read that ends from here on asks for a report of its own
                    tick();
                }, REPORT_EVERY_MS, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                reportPending.set(false);
            }
        }
    }

    private void unregister(Bundle bundle, Reading reading) {
        boolean restarting = restarting(bundle);
        long now = System.nanoTime();
        for (Registered r : reading.registrations) {
            try {
                r.registration().unregister();
            } catch (IllegalStateException alreadyGone) {
                // the framework unregisters a stopping bundle's services itself
            }
            Library library = core.library();
            core.post(switch (r.kind()) {
                case MODULE -> library.removeModule(r.serviceId(), restarting, now);
                case TRANSLATION -> library.removeTranslation(r.serviceId(), restarting, now);
                case VIEWER_TEXT -> library.removeViewerText(r.serviceId(), restarting, now);
            });
        }
        if (!restarting) {
            problems.clear(bundle.getSymbolicName());
            progress.forget(bundle);
            report();
        }
    }

    /** True while a bundle stops only to start again (an update or a refresh), not because it was stopped or removed. */
    public static boolean restarting(Bundle b) {
        if (b == null || b.getState() != Bundle.STOPPING) {
            return false;
        }
        var sl = b.adapt(org.osgi.framework.startlevel.BundleStartLevel.class);
        return sl != null && sl.isPersistentlyStarted();
    }

    private enum Kind { MODULE, TRANSLATION, VIEWER_TEXT }

    /** A document service registered, and under which service id the library knows its document. */
    private record Registered(Kind kind, ServiceRegistration<?> registration, long serviceId) {
    }

    /** One pass over one bundle's documents. */
    private final class Reading {
        final Bundle bundle;
        final String bsn;
        final String bundleName;
        final List<Registered> registrations = new ArrayList<>();
        /** The read, when it runs on a reader thread (before ready); null when it ran in the caller's thread. */
        volatile CompletableFuture<Void> done;
        final List<Problem> problems = new ArrayList<>();
        final Set<String> files = new HashSet<>();
        final Map<String, Served> nowServed = new LinkedHashMap<>();
        final Map<String, LastGoodStore.Copy> toKeep = new LinkedHashMap<>();
        int documents;
        /** The manifest names no usable folder: nothing of this revision can be read, so the last one keeps serving. */
        boolean unreadable;

        Reading(Bundle bundle) {
            this.bundle = bundle;
            this.bsn = bundle.getSymbolicName();
            this.bundleName = bsn + "/" + bundle.getVersion();
        }

        /** A bundle leaving while its read is still under way leaves only once the read is done. */
        void awaitRead() {
            CompletableFuture<Void> f = done;
            if (f != null) {
                try {
                    f.join();
                } catch (java.util.concurrent.CompletionException | java.util.concurrent.CancellationException e) {
                    // what the read registered before it failed is unregistered all the same
                }
            }
        }

        void run() {
            String content = bundle.getHeaders("").get(CONTENT_HEADER);
            String l10n = bundle.getHeaders("").get(LOCALISATION_HEADER);
            if (bsn == null || !LastGoodStore.isSafe(bsn)) {
                problem(null, null, "the bundle's symbolic name is missing or unusable as a name; nothing is served", null);
                return;
            }
            if (content != null) {
                folder(CONTENT_HEADER, content, true);
            }
            if (l10n != null) {
                folder(LOCALISATION_HEADER, l10n, false);
            }
            if (unreadable) {
                toKeep.clear();
                serveKept();
                return; // the kept copies stay as they are: this revision replaced none of them
            }
            served.put(bsn, Map.copyOf(nowServed));
            // the store holds the copies only until they are written: this reading lives as long as its bundle
            // (its module services refer to it), and kept every document's bytes, two fifths of the heap
            Map<String, LastGoodStore.Copy> copies = Map.copyOf(toKeep);
            toKeep.clear();
            // at start-up thousands of documents may arrive: they are copied in the background; later, a change
            // is on disk before it is served
            if (progress.isReady()) {
                store.saveNow(bsn, copies);
            } else {
                store.saveLater(bsn, copies);
            }
            store.retainLater(bsn, files);
        }

        /** Serves, as kept copies, everything the bundle served last in this run. */
        private void serveKept() {
            Map<String, Served> last = served.getOrDefault(bsn, Map.of());
            for (Map.Entry<String, Served> e : last.entrySet()) {
                if (nowServed.containsKey(e.getKey())) {
                    continue;
                }
                Object d = e.getValue().document();
                if (d instanceof ModuleDocument m) {
                    serveModule(e.getKey(), m, e.getValue().figures(), true);
                } else if (d instanceof TranslationDocument t) {
                    serveTranslation(e.getKey(), t, true);
                } else if (d instanceof ViewerText v) {
                    serveViewerText(e.getKey(), v, true);
                }
            }
            if (!last.isEmpty()) {
                problems.add(new Problem(bundleName, "META-INF/MANIFEST.MF", null, "serving the " + last.size()
                        + " document(s) this bundle served before, since this version of it can not be read",
                        null, Instant.now().toString()));
            }
        }

        void folder(String header, String value, boolean modules) {
            String folder = value.trim();
            if (folder.length() > MAX_HEADER || !FOLDER.matcher(folder).matches()) {
                problem("META-INF/MANIFEST.MF", header, "the " + header + " header must name a folder in the bundle (letters,"
                        + " digits, '-', '_' and '/', at most " + MAX_HEADER + " characters); found '"
                        + shorten(folder) + "'", null);
                unreadable = true;
                return;
            }
            Enumeration<URL> entries = bundle.findEntries(folder, "*.json", false);
            List<URL> urls = entries == null ? List.of() : Collections.list(entries);
            if (urls.isEmpty()) {
                problem(folder, null, "the folder named by the " + header + " header holds no .json file", null);
                unreadable = true;
                return;
            }
            urls.sort((a, b) -> a.getPath().compareTo(b.getPath()));
            for (URL url : urls) {
                String file = url.getPath().startsWith("/") ? url.getPath().substring(1) : url.getPath();
                String name = file.substring(file.lastIndexOf('/') + 1);
                if (!LastGoodStore.isSafe(name)) {
                    problem(file, null, "the file name is not a plain name (letters, digits, '.', '-' and '_'); skipped",
                            null);
                    continue;
                }
                if (++documents > MAX_DOCUMENTS) {
                    problem(folder, null, "the bundle holds more than " + MAX_DOCUMENTS + " documents; the rest are"
                            + " not read", null);
                    return;
                }
                files.add(name);
                byte[] bytes;
                try {
                    bytes = read(url, DocumentParser.MAX_BYTES + 1);
                } catch (IOException e) {
                    problem(file, "$", "cannot be read: " + e.getMessage(), null);
                    continue;
                }
                if (modules) {
                    module(folder, file, name, url, bytes);
                } else if (name.startsWith("ui.")) {
                    viewerText(file, name, url, bytes);
                } else {
                    translation(file, name, url, bytes);
                }
            }
        }

        /** What to keep of a document served: before ready, where to read it again; after, its bytes. */
        private LastGoodStore.Copy copy(URL url, byte[] bytes, Map<String, String> figures) {
            return progress.isReady() ? LastGoodStore.Copy.held(bytes, figures)
                    : LastGoodStore.Copy.readAgain(url, bytes, figures);
        }

        private void module(String folder, String file, String name, URL url, byte[] bytes) {
            DocumentParser.Files figures = src -> {
                URL u = bundle.getEntry(folder + "/" + src);
                return u == null ? null : read(u, org.careleaf.catalog.internal.FigureValidator.MAX_BYTES + 1);
            };
            DocumentParser.Result<DocumentParser.ModuleFile> r = DocumentParser.moduleWithFigures(name, bytes, figures);
            String moduleId = name.substring(0, name.length() - ".json".length());
            if (r.ok()) {
                serveModule(name, r.document().document(), r.document().figures(), false);
                toKeep.put(name, copy(url, bytes, r.document().figures()));
                return;
            }
            Optional<Served> kept = keptCopy(name, b -> DocumentParser.moduleWithFigures(name, b.bytes(),
                    src -> b.figures().containsKey(src) ? b.figures().get(src).getBytes(java.nio.charset.StandardCharsets.UTF_8)
                            : null), d -> new Served(d.document(), d.figures()));
            refused(folder + "/", file, r.findings(), moduleId, kept.map(s -> "the last good version "
                    + ((ModuleDocument) s.document()).version()));
            kept.ifPresent(s -> serveModule(name, (ModuleDocument) s.document(), s.figures(), true));
        }

        private void translation(String file, String name, URL url, byte[] bytes) {
            DocumentParser.Result<TranslationDocument> r = DocumentParser.translationFile(name, bytes);
            String moduleId = name.substring(0, name.indexOf('.'));
            if (r.ok()) {
                serveTranslation(name, r.document(), false);
                toKeep.put(name, copy(url, bytes, Map.of()));
                return;
            }
            Optional<Served> kept = keptCopy(name, b -> DocumentParser.translationFile(name, b.bytes()),
                    d -> new Served(d, Map.of()));
            refused(null, file, r.findings(), moduleId, kept.map(s -> "the last good translation made from version "
                    + ((TranslationDocument) s.document()).translatedFrom()));
            kept.ifPresent(s -> serveTranslation(name, (TranslationDocument) s.document(), true));
        }

        private void viewerText(String file, String name, URL url, byte[] bytes) {
            DocumentParser.Result<ViewerText> r = DocumentParser.viewerTextFile(name, bytes);
            if (r.ok()) {
                serveViewerText(name, r.document(), false);
                toKeep.put(name, copy(url, bytes, Map.of()));
                return;
            }
            Optional<Served> kept = keptCopy(name, b -> DocumentParser.viewerTextFile(name, b.bytes()),
                    d -> new Served(d, Map.of()));
            refused(null, file, r.findings(), null, kept.map(s -> "the last good version"));
            kept.ifPresent(s -> serveViewerText(name, (ViewerText) s.document(), true));
        }

        /** The last good copy of a file: what this run served last, else what the disk kept. */
        private <D> Optional<Served> keptCopy(String name,
                java.util.function.Function<LastGoodStore.Stored, DocumentParser.Result<D>> parse,
                java.util.function.Function<D, Served> wrap) {
            Served inMemory = served.getOrDefault(bsn, Map.of()).get(name);
            if (inMemory != null) {
                return Optional.of(inMemory);
            }
            return store.load(bsn, name).map(parse).filter(DocumentParser.Result::ok)
                    .map(DocumentParser.Result::document).map(wrap);
        }

        private void refused(String figureFolder, String file, List<Finding> findings, String moduleId,
                Optional<String> keptAs) {
            String outcome = keptAs.map(k -> "; serving " + k + " instead").orElse("; nothing is served for this file");
            for (Finding f : findings) {
                String where = f.file() == null ? file : figureFolder + f.file();
                problem(where, f.path(), f.message() + outcome, moduleId);
            }
        }

        private void serveModule(String name, ModuleDocument d, Map<String, String> figures, boolean lastGood) {
            nowServed.put(name, new Served(d, figures));
            Map<String, String> svg = Map.copyOf(figures);
            long id = register(Kind.MODULE, EducationModule.class, new EducationModule() {
                @Override
                public ModuleDocument document() {
                    return d;
                }

                @Override
                public Map<String, String> figures() {
                    return svg;
                }
            }, props(d.id(), d.version(), null, lastGood));
            if (id >= 0) {
                core.post(core.library().addModule(new Candidate<>(id, bundle.getBundleId(), bundleName, d, lastGood, svg)));
            }
        }

        private void serveTranslation(String name, TranslationDocument d, boolean lastGood) {
            nowServed.put(name, new Served(d, Map.of()));
            long id = register(Kind.TRANSLATION, ModuleTranslation.class, (ModuleTranslation) () -> d,
                    props(d.module(), null, d.locale(), lastGood));
            if (id >= 0) {
                core.post(core.library().addTranslation(new Candidate<>(id, bundle.getBundleId(), bundleName, d, lastGood,
                        null)));
            }
        }

        private void serveViewerText(String name, ViewerText d, boolean lastGood) {
            nowServed.put(name, new Served(d, Map.of()));
            long id = register(Kind.VIEWER_TEXT, ViewerTranslation.class, (ViewerTranslation) () -> d,
                    props(null, null, d.locale(), lastGood));
            if (id >= 0) {
                core.post(core.library().addViewerText(new Candidate<>(id, bundle.getBundleId(), bundleName, d, lastGood,
                        null)));
            }
        }

        private Dictionary<String, Object> props(String moduleId, String version, String locale, boolean lastGood) {
            Dictionary<String, Object> props = new Hashtable<>();
            if (moduleId != null) {
                props.put(EducationModule.MODULE_ID, moduleId);
            }
            if (version != null) {
                props.put(EducationModule.MODULE_VERSION, version);
            }
            if (locale != null) {
                props.put(ModuleTranslation.LOCALE, locale);
            }
            props.put(LAST_GOOD, lastGood);
            props.put(EXTENDED, true);
            return props;
        }

        /** Registers a document service on the data bundle's behalf; returns its service id, or -1 if the bundle stopped. */
        private <S> long register(Kind kind, Class<S> type, S service, Dictionary<String, Object> props) {
            BundleContext ctx = bundle.getBundleContext();
            if (ctx == null) { // only if the bundle stopped while we read it
                return -1;
            }
            ServiceRegistration<S> r;
            try {
                r = ctx.registerService(type, service, props);
            } catch (IllegalStateException stopped) {
                return -1;
            }
            long id = (Long) r.getReference().getProperty(org.osgi.framework.Constants.SERVICE_ID);
            registrations.add(new Registered(kind, r, id));
            return id;
        }

        private void problem(String file, String path, String message, String moduleId) {
            problems.add(new Problem(bundleName, file, path, message, moduleId, Instant.now().toString()));
        }
    }

    private static String shorten(String s) {
        return s.length() <= 80 ? s : s.substring(0, 79) + "\u2026";
    }

    /** At most {@code max} bytes: one byte too many lets the parser say the file is too large. */
    private static byte[] read(URL url, int max) throws IOException {
        try (InputStream in = url.openStream()) {
            return in.readNBytes(max);
        }
    }

    /** For tests: waits for pending last-good writes. */
    void flush() {
        store.flush(10, TimeUnit.SECONDS);
    }

    Map<String, Integer> servedCounts() {
        Map<String, Integer> m = new HashMap<>();
        served.forEach((k, v) -> m.put(k, v.size()));
        return m;
    }
}
