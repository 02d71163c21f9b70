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
import java.util.Set;
import java.util.function.Consumer;

import org.careleaf.model.EducationModule;
import org.careleaf.model.ModuleDocument;
import org.careleaf.model.ModuleTranslation;
import org.careleaf.model.Problem;
import org.careleaf.model.TranslationDocument;
import org.careleaf.model.ViewerText;
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
            DocumentParser.Result<ModuleDocument> r = DocumentParser.module(bytes);
            List<Finding> findings = new ArrayList<>(r.findings());
            if (r.ok() && !name.equals(r.document().id() + ".json")) {
                findings.add(new Finding("$.id", "module '" + r.document().id() + "' must be in a file named "
                        + r.document().id() + ".json"));
            }
            if (findings.isEmpty()) {
                lastGood.save(bundle.getSymbolicName(), name, bytes);
                register(EducationModule.class, (EducationModule) r::document, r.document().id(), r.document().version(),
                        null, false);
                return;
            }
            String id = name.substring(0, name.length() - ".json".length());
            var kept = lastGood.load(bundle.getSymbolicName(), name).map(DocumentParser::module)
                    .filter(DocumentParser.Result::ok).map(DocumentParser.Result::document);
            String outcome = kept.map(d -> "; serving the last good version " + d.version() + " instead")
                    .orElse("; nothing is served for this file");
            for (Finding f : findings) {
                problem(file, f.path(), f.message() + outcome, id);
            }
            kept.ifPresent(d -> register(EducationModule.class, (EducationModule) () -> d, d.id(), d.version(), null, true));
        }

        private void translation(String file, String name, byte[] bytes) {
            DocumentParser.Result<TranslationDocument> r = DocumentParser.translation(bytes);
            List<Finding> findings = new ArrayList<>(r.findings());
            if (r.ok()) {
                String expected = r.document().module() + "." + r.document().locale() + ".json";
                if (!name.equals(expected)) {
                    findings.add(new Finding("$.module", "the translation of '" + r.document().module() + "' into "
                            + r.document().locale() + " must be in a file named " + expected));
                }
            }
            if (findings.isEmpty()) {
                lastGood.save(bundle.getSymbolicName(), name, bytes);
                register(ModuleTranslation.class, (ModuleTranslation) r::document, r.document().module(), null,
                        r.document().locale(), false);
                return;
            }
            String id = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
            var kept = lastGood.load(bundle.getSymbolicName(), name).map(DocumentParser::translation)
                    .filter(DocumentParser.Result::ok).map(DocumentParser.Result::document);
            String outcome = kept.map(d -> "; serving the last good translation made from version " + d.translatedFrom()
                    + " instead").orElse("; nothing is served for this file");
            for (Finding f : findings) {
                problem(file, f.path(), f.message() + outcome, id);
            }
            kept.ifPresent(d -> register(ModuleTranslation.class, (ModuleTranslation) () -> d, d.module(), null,
                    d.locale(), true));
        }

        private void viewerText(String file, String name, byte[] bytes) {
            DocumentParser.Result<ViewerText> r = DocumentParser.viewerText(bytes);
            List<Finding> findings = new ArrayList<>(r.findings());
            if (r.ok() && !name.equals("ui." + r.document().locale() + ".json")) {
                findings.add(new Finding("$.locale", "viewer strings in " + r.document().locale()
                        + " must be in a file named ui." + r.document().locale() + ".json"));
            }
            if (findings.isEmpty()) {
                lastGood.save(bundle.getSymbolicName(), name, bytes);
                register(ViewerTranslation.class, (ViewerTranslation) r::document, null, null, r.document().locale(),
                        false);
                return;
            }
            var kept = lastGood.load(bundle.getSymbolicName(), name).map(DocumentParser::viewerText)
                    .filter(DocumentParser.Result::ok).map(DocumentParser.Result::document);
            String outcome = kept.map(d -> "; serving the last good version instead")
                    .orElse("; nothing is served for this file");
            for (Finding f : findings) {
                problem(file, f.path(), f.message() + outcome, null);
            }
            kept.ifPresent(d -> register(ViewerTranslation.class, (ViewerTranslation) () -> d, null, null, d.locale(),
                    true));
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
