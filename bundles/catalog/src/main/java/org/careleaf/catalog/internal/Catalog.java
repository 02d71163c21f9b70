package org.careleaf.catalog.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Objects;
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

import org.careleaf.admin.Actor;
import org.careleaf.admin.AuditEntry;
import org.careleaf.admin.CatalogAdmin;
import org.careleaf.admin.ModuleStatus;
import org.careleaf.admin.ValidationReport;
import org.careleaf.model.Code;
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
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
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
@Component(service = {EducationCatalog.class, CatalogAdmin.class}, immediate = true, configurationPid = Catalog.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = CatalogConfig.class)
public class Catalog implements EducationCatalog, CatalogAdmin {

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
    /** Modules hidden from every surface: the configuration, or a change made here and not yet echoed by it. */
    private volatile Set<String> disabled = Set.of();
    /** Disabled sets this component wrote to Config Admin whose echo in {@link #modified} is still due. */
    private final Deque<Set<String>> ourWrites = new ArrayDeque<>();
    private volatile Map<String, String> providers = Map.of();
    private volatile Set<String> keptLastGood = Set.of();
    private AuditLog audit;

    @Reference
    private ConfigurationAdmin configAdmin;
    private volatile boolean active;
    private ContentExtender extender;

    @Activate
    void activate(BundleContext context, CatalogConfig config) {
        this.config = config;
        this.disabled = split(config.disabledModules());
        String karafData = context.getProperty("karaf.data");
        Path auditFile = karafData != null ? Path.of(karafData, "careleaf", "audit.jsonl")
                : context.getDataFile("audit.jsonl").toPath();
        audit = new AuditLog(auditFile);
        LastGoodStore store = new LastGoodStore(context.getDataFile("last-good").toPath());
        extender = new ContentExtender(context, store, problems, p -> post("MODULE_REFUSED", Map.of(
                "module", String.valueOf(p.moduleId()), "bundle", p.bundle(), "message", p.describe())));
        active = true;
        rebuild();
        extender.open();
    }

    /** Config Admin changed: the echo of our own write, or an edit of the .cfg file (or config:edit) to audit. */
    @Modified
    void modified(CatalogConfig config, Map<String, Object> properties) {
        this.config = config;
        Set<String> next = split(config.disabledModules());
        synchronized (ourWrites) {
            if (ourWrites.contains(next)) {
                while (!ourWrites.pollFirst().equals(next)) {
                    // earlier writes of ours were overtaken by this one
                }
            } else {
                Object file = properties.get("felix.fileinstall.filename");
                Actor actor = new Actor("(configuration)", "file", file == null ? "Config Admin " + PID : file.toString());
                for (String id : new java.util.TreeSet<>(next)) {
                    if (!disabled.contains(id)) {
                        record(actor, "disable", id, "enabled", "disabled");
                    }
                }
                for (String id : new java.util.TreeSet<>(disabled)) {
                    if (!next.contains(id)) {
                        record(actor, "enable", id, "disabled", "enabled");
                    }
                }
                ourWrites.clear();
                disabled = next;
            }
        }
        rebuild();
    }

    private AuditEntry record(Actor actor, String action, String target, String before, String after) {
        AuditEntry e = new AuditEntry(Instant.now().toString(), actor.user(), actor.channel(), actor.from(), action, target,
                before, after);
        audit.append(e);
        post("AUDIT", Map.of("action", action, "target", target, "user", actor.user()));
        return e;
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
                disabled, split(c.enabledLocales()),
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
        Map<String, String> providedBy = new HashMap<>();
        Set<String> lastGood = new java.util.HashSet<>();
        Comparator<Map.Entry<ServiceReference<EducationModule>, EducationModule>> rule = Comparator
                .comparing((Map.Entry<ServiceReference<EducationModule>, EducationModule> e) ->
                        Versions.parse(e.getValue().document().version()))
                .reversed()
                .thenComparing(e -> Boolean.TRUE.equals(e.getKey().getProperty(EducationModule.LAST_GOOD)))
                .thenComparing(e -> (Long) e.getKey().getProperty(org.osgi.framework.Constants.SERVICE_ID));
        for (var candidates : byId.values()) {
            candidates.sort(rule);
            var winner = candidates.get(0);
            String id = winner.getValue().document().id();
            chosen.put(id, winner.getValue().document());
            providedBy.put(id, bundleOf(winner.getKey()));
            if (Boolean.TRUE.equals(winner.getKey().getProperty(EducationModule.LAST_GOOD))) {
                lastGood.add(id);
            }
            for (var loser : candidates.subList(1, candidates.size())) {
                ModuleDocument d = loser.getValue().document();
                clashFound.add(new Problem(bundleOf(loser.getKey()), null, "$.id",
                        "module id clash: '" + d.id() + "' version " + d.version() + " is not served because "
                                + bundleOf(winner.getKey()) + " provides version " + winner.getValue().document().version()
                                + " (the highest version wins; on equal versions a fresh copy beats a kept last good one, then the "
                                + "first registered)",
                        d.id(), Instant.now().toString()));
            }
        }
        providers = Map.copyOf(providedBy);
        keptLastGood = Set.copyOf(lastGood);
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
    public List<ModuleView> modulesForCode(String system, String code, Code subtopic, String languages) {
        List<ModuleView> matches = modulesForCode(system, code, languages);
        if (subtopic == null) {
            return matches;
        }
        Optional<String> oid = CodeSystems.oid(subtopic.system());
        if (oid.isEmpty()) {
            return List.of();
        }
        return matches.stream().filter(v -> v.content().hasSubtopic(oid.get(), subtopic.code())).toList();
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

    // ---- CatalogAdmin

    @Override
    public List<ModuleStatus> modules() {
        Snapshot s = snapshot;
        List<Problem> problems = problems();
        List<ModuleStatus> out = new ArrayList<>();
        for (ModuleDocument m : s.modules.values()) {
            boolean enabled = !s.disabled.contains(m.id());
            boolean stale = s.completeness.stream().anyMatch(c -> c.module().equals(m.id()) && c.stale() > 0);
            String state = !enabled ? "disabled" : keptLastGood.contains(m.id()) ? "refused" : stale ? "stale" : "enabled";
            List<String> locales = s.completeness.stream()
                    .filter(c -> c.module().equals(m.id()) && c.translated() > 0).map(Completeness::locale).toList();
            List<String> mine = problems.stream().filter(p -> m.id().equals(p.moduleId())).map(Problem::describe).toList();
            out.add(new ModuleStatus(m.id(), m.version(), m.title(), enabled, state, providers.get(m.id()), locales,
                    ReadabilityMeter.measure(m, m.locale()).score(), mine));
        }
        return out;
    }

    @Override
    public AuditEntry setEnabled(String moduleId, boolean enabled, Actor actor) {
        Objects.requireNonNull(actor, "actor");
        synchronized (ourWrites) {
            Set<String> current = disabled;
            if (moduleId == null || !snapshot.modules.containsKey(moduleId) && !current.contains(moduleId)) {
                throw new IllegalArgumentException("no module has the id '" + moduleId + "'");
            }
            if (enabled != current.contains(moduleId)) {
                return null;
            }
            Set<String> next = new java.util.TreeSet<>(current);
            if (enabled) {
                next.remove(moduleId);
            } else {
                next.add(moduleId);
            }
            AuditEntry entry = record(actor, enabled ? "enable" : "disable", moduleId, enabled ? "disabled" : "enabled",
                    enabled ? "enabled" : "disabled");
            disabled = Set.copyOf(next);
            ourWrites.addLast(Set.copyOf(next));
            writeConfiguration(next);
            rebuild();
            return entry;
        }
    }

    /** Persists the disabled list; Karaf writes it back to etc/org.careleaf.catalog.cfg. */
    private void writeConfiguration(Set<String> disabledIds) {
        try {
            Configuration cfg = configAdmin.getConfiguration(PID, "?");
            Dictionary<String, Object> props = cfg.getProperties();
            if (props == null) {
                props = new Hashtable<>();
            }
            props.put("disabledModules", String.join(",", disabledIds));
            cfg.update(props);
        } catch (IOException e) {
            throw new IllegalStateException("cannot save the configuration " + PID + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<AuditEntry> audit(int limit) {
        return audit.newest(Math.max(0, limit));
    }

    @Override
    public ValidationReport validate(String name, byte[] bytes) {
        return BundleValidator.validate(name, bytes);
    }
}
