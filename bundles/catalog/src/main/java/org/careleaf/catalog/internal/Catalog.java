package org.careleaf.catalog.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.careleaf.model.Completeness;
import org.careleaf.model.EducationCatalog;
import org.careleaf.model.EducationModule;
import org.careleaf.model.ModuleDocument;
import org.careleaf.model.ModuleTranslation;
import org.careleaf.model.ModuleView;
import org.careleaf.model.Problem;
import org.careleaf.model.TranslationDocument;
import org.careleaf.model.ViewerText;
import org.careleaf.model.ViewerTranslation;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The {@link EducationCatalog}: gathers every {@link EducationModule} and {@link ModuleTranslation}
 * service (those the extender registers for data bundles and any a host registers itself), settles
 * id clashes by a fixed rule, applies what administrators chose, and rebuilds one immutable
 * {@link Snapshot} per change.
 *
 * <p>Id clash rule: among services with the same module id, the highest content version wins; on equal
 * versions a fresh copy beats a kept last-good copy, then the lowest service id (the first registered)
 * wins. Every loser is reported as a problem.
 */
@Component(service = EducationCatalog.class, immediate = true, configurationPid = Catalog.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = CatalogConfig.class)
public class Catalog implements EducationCatalog {

    public static final String PID = "org.careleaf.catalog";

    private final Map<ServiceReference<EducationModule>, EducationModule> moduleServices = new ConcurrentHashMap<>();
    private final Map<ServiceReference<ModuleTranslation>, ModuleTranslation> translationServices =
            new ConcurrentHashMap<>();
    private final Map<ServiceReference<ViewerTranslation>, ViewerTranslation> viewerServices =
            new ConcurrentHashMap<>();
    private final ProblemLog problems = new ProblemLog();
    private final AtomicLong revisions = new AtomicLong();
    private volatile EventAdmin events;
    private volatile Snapshot snapshot = new Snapshot(0, Map.of(), Map.of(), Map.of(), Set.of(), Set.of(), "en");
    private volatile List<Problem> clashes = List.of();
    private volatile CatalogConfig config;
    private volatile boolean active;
    private ContentExtender extender;

    @Activate
    void activate(BundleContext context, CatalogConfig config) {
        this.config = config;
        LastGoodStore store = new LastGoodStore(context.getDataFile("last-good").toPath());
        extender = new ContentExtender(context, store, problems, p -> post("MODULE_REFUSED", Map.of(
                "module", String.valueOf(p.moduleId()), "bundle", p.bundle(), "message", p.describe())));
        active = true;
        rebuild();
        extender.open();
    }

    @Modified
    void modified(CatalogConfig config) {
        this.config = config;
        rebuild();
    }

    @Deactivate
    void deactivate() {
        active = false;
        extender.close();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindModule(ServiceReference<EducationModule> ref, EducationModule module) {
        moduleServices.put(ref, module);
        rebuild();
    }

    void unbindModule(ServiceReference<EducationModule> ref) {
        moduleServices.remove(ref);
        rebuild();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindTranslation(ServiceReference<ModuleTranslation> ref, ModuleTranslation translation) {
        translationServices.put(ref, translation);
        rebuild();
    }

    void unbindTranslation(ServiceReference<ModuleTranslation> ref) {
        translationServices.remove(ref);
        rebuild();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindViewerTranslation(ServiceReference<ViewerTranslation> ref, ViewerTranslation text) {
        viewerServices.put(ref, text);
        rebuild();
    }

    void unbindViewerTranslation(ServiceReference<ViewerTranslation> ref) {
        viewerServices.remove(ref);
        rebuild();
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindEvents(EventAdmin events) {
        this.events = events;
    }

    void unbindEvents(EventAdmin events) {
        if (this.events == events) {
            this.events = null;
        }
    }

    /** Recomputes everything from the current services and configuration; posts what changed. */
    private synchronized void rebuild() {
        if (!active) {
            return;
        }
        List<Problem> clashFound = new ArrayList<>();
        Map<String, ModuleDocument> modules = chooseModules(clashFound);
        Map<String, Map<String, TranslationDocument>> translations = chooseTranslations(clashFound);
        CatalogConfig c = config;
        Snapshot old = snapshot;
        Map<String, ViewerText> viewer = new HashMap<>();
        // the first registered wins, as for any other clash of equals
        viewerServices.entrySet().stream()
                .sorted(Comparator.comparing(e -> (Long) e.getKey().getProperty(org.osgi.framework.Constants.SERVICE_ID)))
                .forEach(e -> viewer.putIfAbsent(e.getValue().text().locale(), e.getValue().text()));
        Snapshot next = new Snapshot(revisions.incrementAndGet(), modules, translations, viewer,
                split(c.disabledModules()), split(c.enabledLocales()),
                c.defaultLocale() == null ? "en" : c.defaultLocale().trim());
        clashes = List.copyOf(clashFound);
        snapshot = next;
        announce(old, next);
    }

    private Map<String, ModuleDocument> chooseModules(List<Problem> clashFound) {
        Map<String, List<Map.Entry<ServiceReference<EducationModule>, EducationModule>>> byId = new HashMap<>();
        for (var e : moduleServices.entrySet()) {
            ModuleDocument d = e.getValue().document();
            if (d != null) {
                byId.computeIfAbsent(d.id(), k -> new ArrayList<>()).add(e);
            }
        }
        Map<String, ModuleDocument> chosen = new LinkedHashMap<>();
        Comparator<Map.Entry<ServiceReference<EducationModule>, EducationModule>> rule = Comparator
                .comparing((Map.Entry<ServiceReference<EducationModule>, EducationModule> e) ->
                        Versions.parse(e.getValue().document().version()))
                .reversed()
                .thenComparing(e -> Boolean.TRUE.equals(e.getKey().getProperty(EducationModule.LAST_GOOD)))
                .thenComparing(e -> (Long) e.getKey().getProperty(org.osgi.framework.Constants.SERVICE_ID));
        for (var candidates : byId.values()) {
            candidates.sort(rule);
            var winner = candidates.get(0);
            chosen.put(winner.getValue().document().id(), winner.getValue().document());
            for (var loser : candidates.subList(1, candidates.size())) {
                ModuleDocument d = loser.getValue().document();
                clashFound.add(new Problem(bundleOf(loser.getKey()), null, "$.id",
                        "module id clash: '" + d.id() + "' version " + d.version() + " is not served because "
                                + bundleOf(winner.getKey()) + " provides version " + winner.getValue().document().version()
                                + " (highest version wins; on a tie the first installed)",
                        d.id(), Instant.now().toString()));
            }
        }
        return chosen;
    }

    private Map<String, Map<String, TranslationDocument>> chooseTranslations(List<Problem> clashFound) {
        Map<String, Map<String, TranslationDocument>> out = new HashMap<>();
        Map<String, ServiceReference<ModuleTranslation>> winners = new HashMap<>();
        List<Map.Entry<ServiceReference<ModuleTranslation>, ModuleTranslation>> all =
                new ArrayList<>(translationServices.entrySet());
        // reviewed before machine-assisted, then made from the newest source, then the first registered
        all.sort(Comparator
                .comparing((Map.Entry<ServiceReference<ModuleTranslation>, ModuleTranslation> e) ->
                        !TranslationDocument.REVIEWED.equals(e.getValue().document().status()))
                .thenComparing(e -> Versions.parse(e.getValue().document().translatedFrom()), Comparator.reverseOrder())
                .thenComparing(e -> Boolean.TRUE.equals(e.getKey().getProperty(EducationModule.LAST_GOOD)))
                .thenComparing(e -> (Long) e.getKey().getProperty(org.osgi.framework.Constants.SERVICE_ID)));
        for (var e : all) {
            TranslationDocument t = e.getValue().document();
            Map<String, TranslationDocument> byLocale = out.computeIfAbsent(t.module(), k -> new HashMap<>());
            if (byLocale.putIfAbsent(t.locale(), t) == null) {
                winners.put(t.module() + "|" + t.locale(), e.getKey());
            } else {
                clashFound.add(new Problem(bundleOf(e.getKey()), null, "$.module",
                        "translation clash: the " + t.locale() + " translation of '" + t.module() + "' is not served "
                                + "because " + bundleOf(winners.get(t.module() + "|" + t.locale()))
                                + " provides a preferred one", t.module(), Instant.now().toString()));
            }
        }
        return out;
    }

    private static String bundleOf(ServiceReference<?> ref) {
        var b = ref.getBundle();
        return b == null ? "(gone)" : b.getSymbolicName() + "/" + b.getVersion();
    }

    private void announce(Snapshot old, Snapshot next) {
        for (ModuleDocument m : next.modules.values()) {
            ModuleDocument before = old.modules.get(m.id());
            if (before == null) {
                post("MODULE_ADDED", Map.of("module", m.id(), "version", m.version()));
            } else if (!before.equals(m)) {
                post("MODULE_CHANGED", Map.of("module", m.id(), "version", m.version(), "previous", before.version()));
            }
        }
        for (String id : old.modules.keySet()) {
            if (!next.modules.containsKey(id)) {
                post("MODULE_REMOVED", Map.of("module", id));
            }
        }
        if (!old.disabled.equals(next.disabled) || !old.locales.equals(next.locales)) {
            post("CONFIGURATION_CHANGED", Map.of("disabled", String.join(",", next.disabled)));
        }
    }

    private void post(String kind, Map<String, String> properties) {
        EventAdmin ea = events;
        if (ea != null) {
            Map<String, Object> props = new HashMap<>(properties);
            props.put("revision", snapshot.revision);
            ea.postEvent(new Event(TOPIC_PREFIX + kind, props));
        }
    }

    static Set<String> split(String[] values) {
        Set<String> out = new LinkedHashSet<>();
        if (values != null) {
            Arrays.stream(values).flatMap(v -> Arrays.stream(v.split(","))).map(String::trim)
                    .filter(s -> !s.isEmpty()).forEach(out::add);
        }
        return out;
    }

    // ---- EducationCatalog

    @Override
    public List<ModuleView> modules(String languages) {
        Snapshot s = snapshot;
        return s.views.getOrDefault(s.resolve(languages), List.of());
    }

    @Override
    public Optional<ModuleView> module(String id, String languages) {
        return modules(languages).stream().filter(v -> v.id().equals(id)).findFirst();
    }

    @Override
    public List<ModuleView> modulesForCode(String system, String code, String languages) {
        Optional<String> oid = CodeSystems.oid(system);
        if (oid.isEmpty() || code == null) {
            return List.of();
        }
        String c = code.trim();
        return modules(languages).stream().filter(v -> v.content().hasCode(oid.get(), c)).toList();
    }

    @Override
    public String resolveLocale(String languages) {
        return snapshot.resolve(languages);
    }

    @Override
    public List<String> locales() {
        return snapshot.locales;
    }

    @Override
    public List<Completeness> completeness() {
        return List.copyOf(snapshot.completeness);
    }

    @Override
    public Optional<ViewerText> viewerText(String locale) {
        return Optional.ofNullable(snapshot.viewerText.get(locale));
    }

    @Override
    public List<Problem> problems() {
        List<Problem> all = new ArrayList<>(problems.all());
        all.addAll(clashes);
        return all;
    }

    @Override
    public long revision() {
        return snapshot.revision;
    }
}
