package org.careleaf.search.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

import org.apache.lucene.codecs.Codec;
import org.careleaf.model.EducationCatalog;
import org.careleaf.search.EducationSearch;
import org.careleaf.search.SearchQuery;
import org.careleaf.search.SearchResult;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.osgi.util.tracker.BundleTracker;

/**
 * The {@link EducationSearch} service: a Lucene index of the catalog kept up to date from the catalog's
 * change events (the changed module only, on one indexing thread), and the synonyms of every bundle with
 * a {@value #SYNONYMS_HEADER} header, tracked so that a synonym bundle can be swapped at run time.
 */
@Component(service = {EducationSearch.class, EventHandler.class}, immediate = true,
        property = EventConstants.EVENT_TOPIC + "=" + EducationCatalog.TOPIC_PREFIX + "*")
public class SearchService implements EducationSearch, EventHandler {

    static final String SYNONYMS_HEADER = "Careleaf-Synonyms";
    private static final Pattern TAG = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*");
    /** How long a search waits for the first index of a library that is ready (the first seconds after boot). */
    private static final long FIRST_BUILD_WAIT_SECONDS = 20;

    private static final Logger LOG = Logger.getLogger(SearchService.class.getName());

    private final EducationCatalog catalog;
    private final Synonyms synonyms = new Synonyms();
    private final Indexer indexer;
    private BundleTracker<String> tracker;

    @Activate
    public SearchService(@Reference EducationCatalog catalog, BundleContext context) {
        this.catalog = catalog;
        ClassLoader own = SearchService.class.getClassLoader();
        String karafData = context.getProperty("karaf.data");
        java.nio.file.Path folder = karafData != null ? java.nio.file.Path.of(karafData, "careleaf", "search-index")
                : context.getDataFile("search-index").toPath();
        this.indexer = withLoader(own, () -> new Indexer(new SectionIndex(catalog, synonyms, folder), catalog, own));
        // Lucene finds its codecs through java.util.ServiceLoader: prove now that it does in this bundle
        LOG.info("Careleaf search: Lucene codec " + withLoader(own, () -> Codec.getDefault().getName()) + " loaded");
        tracker = new BundleTracker<>(context, Bundle.STARTING | Bundle.ACTIVE, null) {
            @Override
            public String addingBundle(Bundle b, BundleEvent event) {
                String folder = b.getHeaders("").get(SYNONYMS_HEADER);
                if (folder == null) {
                    return null;
                }
                take(b, folder);
                return b.getSymbolicName();
            }

            @Override
            public void modifiedBundle(Bundle b, BundleEvent event, String source) {
            }

            @Override
            public void removedBundle(Bundle b, BundleEvent event, String source) {
                synonyms.remove(source);
                LOG.info("Careleaf search: synonyms of " + source + " withdrawn");
            }
        };
        tracker.open();
        indexer.start();
    }

    @Deactivate
    void deactivate() {
        tracker.close();
        indexer.stop();
    }

    private void take(Bundle b, String folder) {
        String dir = folder.strip();
        if (dir.endsWith("/")) {
            dir = dir.substring(0, dir.length() - 1);
        }
        Map<String, Synonyms.File> files = new TreeMap<>();
        Enumeration<URL> entries = b.findEntries(dir.isEmpty() ? "/" : dir, "*.txt", false);
        while (entries != null && entries.hasMoreElements()) {
            URL u = entries.nextElement();
            String path = u.getPath().startsWith("/") ? u.getPath().substring(1) : u.getPath();
            String name = path.substring(path.lastIndexOf('/') + 1);
            String tag = name.substring(0, name.length() - ".txt".length());
            String where = b.getSymbolicName() + ": " + path;
            if (!TAG.matcher(tag).matches()) {
                LOG.severe("Careleaf search: " + where + " refused: the file name must be a language tag such as en.txt or zh-Hans.txt");
                continue;
            }
            try (InputStream in = u.openStream()) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                files.put(tag, new Synonyms.File(where, text.startsWith("\uFEFF") ? text.substring(1) : text));
            } catch (IOException e) {
                LOG.severe("Careleaf search: " + where + " cannot be read: " + e.getMessage());
            }
        }
        List<String> problems = synonyms.put(b.getSymbolicName(), files);
        for (String p : problems) {
            LOG.severe("Careleaf search: synonyms refused: " + p);
        }
        LOG.info("Careleaf search: synonyms of " + b.getSymbolicName() + " taken in; languages with synonyms: " + synonyms.languages());
    }

    @Override
    public SearchResult search(SearchQuery query) {
        if (query == null) {
            throw new IllegalArgumentException("no query");
        }
        indexer.awaitFirstBuild(FIRST_BUILD_WAIT_SECONDS);
        return indexer.index.search(query);
    }

    @Override
    public void handleEvent(Event event) {
        String topic = event.getTopic();
        Object module = event.getProperty("module");
        indexer.changed(topic.substring(EducationCatalog.TOPIC_PREFIX.length()), module == null ? null : module.toString());
    }

    /** The catalog revision the index has caught up with (tests, diagnostics). */
    long revision() {
        return indexer.index.revision();
    }

    /** What is wrong with the synonym files in force. */
    List<String> synonymProblems() {
        return synonyms.problems();
    }

    static <T> T withLoader(ClassLoader loader, java.util.function.Supplier<T> work) {
        Thread t = Thread.currentThread();
        ClassLoader before = t.getContextClassLoader();
        t.setContextClassLoader(loader);
        try {
            return work.get();
        } finally {
            t.setContextClassLoader(before);
        }
    }

    /**
     * The one thread that writes the index: catalog changes are gathered and applied in batches, so a burst
     * of events (a feature installing many modules) costs one pass per batch, each over the changed
     * modules only.
     */
    static final class Indexer {

        final SectionIndex index;
        private final EducationCatalog catalog;
        private final ScheduledExecutorService thread;
        private final CountDownLatch firstBuild = new CountDownLatch(1);
        // guarded by this
        private final java.util.Set<String> pending = new java.util.TreeSet<>();
        private boolean reconcile;
        private boolean scheduled;

        Indexer(SectionIndex index, EducationCatalog catalog, ClassLoader loader) {
            this.index = index;
            this.catalog = catalog;
            this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "careleaf-search-indexer");
                t.setDaemon(true);
                // Lucene's service loaders (codecs, postings formats) look here too
                t.setContextClassLoader(loader);
                return t;
            });
        }

        void start() {
            // index once the catalog has taken in the content installed at boot; poll in case READY came first
            thread.scheduleWithFixedDelay(() -> {
                if (!index.built() && catalog.view(null).readiness().ready()) {
                    drain(true);
                }
            }, 0, 250, TimeUnit.MILLISECONDS);
        }

        void stop() {
            thread.shutdownNow();
            try {
                thread.awaitTermination(5, TimeUnit.SECONDS);
                index.close();
            } catch (IOException | InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        void changed(String kind, String module) {
            synchronized (this) {
                switch (kind) {
                    case "MODULE_ADDED", "MODULE_CHANGED", "MODULE_REMOVED" -> {
                        if (module != null) {
                            pending.add(module);
                        } else {
                            reconcile = true;
                        }
                    }
                    // a refused or held version changes nothing served; an audit entry is not content
                    case "MODULE_REFUSED", "MODULE_HELD", "AUDIT" -> {
                        return;
                    }
                    // enablement, languages, readiness, or a kind this version does not know
                    default -> reconcile = true;
                }
                if (scheduled) {
                    return;
                }
                scheduled = true;
            }
            thread.execute(() -> drain(false));
        }

        private void drain(boolean first) {
            java.util.Set<String> modules;
            boolean all;
            synchronized (this) {
                modules = new java.util.TreeSet<>(pending);
                pending.clear();
                all = reconcile;
                reconcile = false;
                scheduled = false;
            }
            try {
                if (!index.built()) {
                    if (!catalog.view(null).readiness().ready()) {
                        return;
                    }
                    long t0 = System.nanoTime();
                    index.rebuild();
                    LOG.info("Careleaf search: indexed " + index.modules().size() + " modules (" + index.documents()
                            + " documents) in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
                    firstBuild.countDown();
                } else if (!modules.isEmpty() || all) {
                    index.update(modules, all);
                }
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.SEVERE, "Careleaf search: indexing failed; the next change retries", e);
                synchronized (this) {
                    pending.addAll(modules);
                    reconcile |= all;
                }
            }
        }

        void awaitFirstBuild(long seconds) {
            if (index.built()) {
                return;
            }
            if (!catalog.view(null).readiness().ready()) {
                return;
            }
            try {
                firstBuild.await(seconds, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
