package org.careleaf.catalog.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

import org.careleaf.model.EducationModule;
import org.careleaf.model.ModuleTranslation;
import org.careleaf.model.Problem;
import org.careleaf.model.ViewerTranslation;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.util.tracker.BundleTracker;

/**
 * The extender: finds data bundles by their manifest header, reads and checks their JSON, and
 * registers one service per document on the data bundle's own behalf, so the services go with it.
 * A refused file is reported, and its last good version (if any) is served in its place.
 */
final class ContentExtender extends BundleTracker<List<ServiceRegistration<?>>> {

    static final String CONTENT_HEADER = "Careleaf-Content";
    static final String LOCALISATION_HEADER = "Careleaf-Localisation";

    private final LastGoodStore lastGood;
    private final ProblemLog problems;
    private final Consumer<Problem> onRefused;
    private final SynchronousBundleListener uninstallListener;

    ContentExtender(BundleContext context, LastGoodStore lastGood, ProblemLog problems, Consumer<Problem> onRefused) {
        super(context, Bundle.STARTING | Bundle.ACTIVE, null);
        this.lastGood = lastGood;
        this.problems = problems;
        this.onRefused = onRefused;
        this.uninstallListener = event -> {
            if (event.getType() == BundleEvent.UNINSTALLED && isDataBundle(event.getBundle())) {
                lastGood.forget(event.getBundle().getSymbolicName());
                problems.clear(event.getBundle().getSymbolicName());
            }
        };
    }

    @Override
    public void open() {
        context.addBundleListener(uninstallListener);
        super.open();
    }

    @Override
    public void close() {
        super.close();
        context.removeBundleListener(uninstallListener);
    }

    private static boolean isDataBundle(Bundle b) {
        return b.getHeaders("").get(CONTENT_HEADER) != null || b.getHeaders("").get(LOCALISATION_HEADER) != null;
    }

    @Override
    public List<ServiceRegistration<?>> addingBundle(Bundle bundle, BundleEvent event) {
        String content = bundle.getHeaders("").get(CONTENT_HEADER);
        String l10n = bundle.getHeaders("").get(LOCALISATION_HEADER);
        if (content == null && l10n == null) {
            return null;
        }
        Reading reading = new Reading(bundle);
        if (content != null) {
            reading.folder(content.trim(), true);
        }
        if (l10n != null) {
            reading.folder(l10n.trim(), false);
        }
        lastGood.retain(bundle.getSymbolicName(), reading.files);
        problems.set(bundle.getSymbolicName(), reading.problems);
        reading.problems.forEach(onRefused);
        return reading.registrations;
    }

    @Override
    public void removedBundle(Bundle bundle, BundleEvent event, List<ServiceRegistration<?>> registrations) {
        for (ServiceRegistration<?> r : registrations) {
            try {
                r.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the framework unregisters a stopping bundle's services itself
            }
        }
        problems.clear(bundle.getSymbolicName());
    }

    /** One pass over one bundle's files. */
    private final class Reading {
        final Bundle bundle;
        final String bundleName;
        final List<ServiceRegistration<?>> registrations = new ArrayList<>();
        final List<Problem> problems = new ArrayList<>();
        final Set<String> files = new HashSet<>();

        Reading(Bundle bundle) {
            this.bundle = bundle;
            this.bundleName = bundle.getSymbolicName() + "/" + bundle.getVersion();
        }

        void folder(String folder, boolean modules) {
            Enumeration<URL> entries = bundle.findEntries(folder, "*.json", false);
            List<URL> urls = entries == null ? List.of() : Collections.list(entries);
            if (urls.isEmpty()) {
                problem(folder, null, "the folder named by the " + (modules ? CONTENT_HEADER : LOCALISATION_HEADER)
                        + " header holds no .json file", null);
                return;
            }
            urls.sort((a, b) -> a.getPath().compareTo(b.getPath()));
            for (URL url : urls) {
                String file = url.getPath().startsWith("/") ? url.getPath().substring(1) : url.getPath();
                String name = file.substring(file.lastIndexOf('/') + 1);
                files.add(name);
                byte[] bytes;
                try {
                    bytes = read(url);
                } catch (IOException e) {
                    problem(file, "$", "cannot be read: " + e.getMessage(), null);
                    continue;
                }
                if (modules) {
                    module(file, name, bytes);
                } else if (name.startsWith("ui.")) {
                    viewerText(file, name, bytes);
                } else {
                    translation(file, name, bytes);
                }
            }
        }

        private void module(String file, String name, byte[] bytes) {
            document(file, name, bytes, DocumentParser::moduleFile, name.substring(0, name.length() - ".json".length()),
                    d -> "the last good version " + d.version(),
                    (d, kept) -> register(EducationModule.class, (EducationModule) () -> d, d.id(), d.version(), null,
                            kept));
        }

        private void translation(String file, String name, byte[] bytes) {
            document(file, name, bytes, DocumentParser::translationFile, name.substring(0, name.indexOf('.')),
                    d -> "the last good translation made from version " + d.translatedFrom(),
                    (d, kept) -> register(ModuleTranslation.class, (ModuleTranslation) () -> d, d.module(), null,
                            d.locale(), kept));
        }

        private void viewerText(String file, String name, byte[] bytes) {
            document(file, name, bytes, DocumentParser::viewerTextFile, null, d -> "the last good version",
                    (d, kept) -> register(ViewerTranslation.class, (ViewerTranslation) () -> d, null, null, d.locale(),
                            kept));
        }

        /**
         * Serves a valid document and keeps it as the last good copy; for a refused one, reports every
         * finding and serves the last good copy of the same file, if there is one.
         */
        private <D> void document(String file, String name, byte[] bytes,
                BiFunction<String, byte[], DocumentParser.Result<D>> parse, String moduleId,
                Function<D, String> keptAs, BiConsumer<D, Boolean> serve) {
            DocumentParser.Result<D> r = parse.apply(name, bytes);
            if (r.ok()) {
                lastGood.save(bundle.getSymbolicName(), name, bytes);
                serve.accept(r.document(), false);
                return;
            }
            Optional<D> kept = lastGood.load(bundle.getSymbolicName(), name).map(b -> parse.apply(name, b))
                    .filter(DocumentParser.Result::ok).map(DocumentParser.Result::document);
            String outcome = kept.map(d -> "; serving " + keptAs.apply(d) + " instead")
                    .orElse("; nothing is served for this file");
            for (Finding f : r.findings()) {
                problem(file, f.path(), f.message() + outcome, moduleId);
            }
            kept.ifPresent(d -> serve.accept(d, true));
        }

        private <S> void register(Class<S> type, S service, String moduleId, String version, String locale,
                boolean lastGoodCopy) {
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
            props.put(EducationModule.LAST_GOOD, lastGoodCopy);
            BundleContext ctx = bundle.getBundleContext();
            if (ctx != null) { // null only if the bundle stopped while we read it
                registrations.add(ctx.registerService(type, service, props));
            }
        }

        private void problem(String file, String path, String message, String moduleId) {
            problems.add(new Problem(bundleName, file, path, message, moduleId, Instant.now().toString()));
        }
    }

    private static byte[] read(URL url) throws IOException {
        try (InputStream in = url.openStream()) {
            byte[] bytes = in.readNBytes(DocumentParser.MAX_BYTES + 1);
            return bytes; // one byte too many lets the parser say the file is too large
        }
    }
}
