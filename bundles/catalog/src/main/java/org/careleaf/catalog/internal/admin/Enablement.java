package org.careleaf.catalog.internal.admin;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Logger;

import org.careleaf.admin.Actor;
import org.careleaf.admin.AuditEntry;
import org.careleaf.admin.CatalogAdmin;
import org.careleaf.admin.ModuleState;
import org.careleaf.admin.ModuleStatus;
import org.careleaf.admin.ValidationReport;
import org.careleaf.catalog.internal.AuditTrail;
import org.careleaf.catalog.internal.BundleValidator;
import org.careleaf.catalog.internal.CatalogCore;
import org.careleaf.catalog.internal.library.Library;
import org.careleaf.model.Completeness;
import org.careleaf.model.Problem;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * What administrators choose (modules hidden from every surface, languages offered) and the audit
 * trail of who chose it. Every change is a read-modify-write of the configuration as it is on disk now,
 * so a hand edit of {@code etc/org.careleaf.catalog.cfg} that Karaf has not read yet is kept, not
 * overwritten; and a change is acknowledged only once the audit entry, Config Admin and the file all hold it.
 * <p>
 * The file is written first and Config Admin right after it, and a change is acknowledged once Karaf's watcher of
 * {@code etc/} has written the file again from Config Admin. That watcher copies Config Admin's properties into the
 * file at every update of the configuration, and reads the file into Config Admin when it changed; with the file
 * always as new as Config Admin, neither copy can carry an older list over an acknowledged one. (Written the other
 * way round, a read of the file in the moment before the watcher's write took the older list back into Config
 * Admin: seen as a disabled module served again right after its acknowledgement.)
 */
@Component(service = {CatalogAdmin.class, AuditTrail.class}, immediate = true, configurationPid = Enablement.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = CatalogConfig.class)
public class Enablement implements CatalogAdmin, AuditTrail {

    public static final String PID = "org.careleaf.catalog";
    static final String DISABLED = "disabledModules";
    private static final String FILE_PROPERTY = "felix.fileinstall.filename";
    /** How long a change waits for Karaf's watcher to write the file back (milliseconds as a rule). */
    private static final Duration WATCHER_WRITE = Duration.ofSeconds(3);

    @Reference
    private CatalogCore core;

    @Reference
    private ConfigurationAdmin configAdmin;

    private AuditLog audit;
    /** Modules hidden from every surface, as last applied. */
    private volatile Set<String> disabled = Set.of();
    private Set<String> locales = Set.of();
    private String defaultLocale = "en";
    private volatile String file;
    /** Where Karaf keeps this configuration's file ({@code etc/org.careleaf.catalog.cfg}); null outside Karaf. */
    private String karafFile;
    /** Whether Karaf's watcher writes Config Admin's changes back into the file (its default). */
    private boolean writesBack = true;
    /**
     * One change at a time, from reading the file to the file holding the result; held without this object's
     * monitor while waiting for the watcher, whose write may queue behind a call of {@link #modified}.
     */
    private final ReentrantLock changes = new ReentrantLock();
    /** The state the audit trail last recorded per module, so a change already audited is never audited twice. */
    private final Map<String, String> lastAudited = new HashMap<>();

    @Activate
    void activate(BundleContext context, CatalogConfig config, Map<String, Object> properties) {
        String etc = context.getProperty("karaf.etc");
        karafFile = etc == null ? null : Path.of(etc, PID + ".cfg").toString();
        writesBack = !"false".equalsIgnoreCase(String.valueOf(context.getProperty("felix.fileinstall.enableConfigSave")));
        String karafData = context.getProperty("karaf.data");
        Path auditFile = karafData != null ? Path.of(karafData, "careleaf", "audit.jsonl")
                : context.getDataFile("audit.jsonl").toPath();
        audit = new AuditLog(auditFile);
        List<AuditEntry> history = audit.newest(Integer.MAX_VALUE);
        for (int i = history.size() - 1; i >= 0; i--) {
            lastAudited.put(history.get(i).target(), history.get(i).after());
        }
        synchronized (this) {
            apply(config, properties, true);
        }
    }

    /** Config Admin changed: the echo of our own write, or an edit of the .cfg file (or config:edit) to audit. */
    @Modified
    synchronized void modified(CatalogConfig config, Map<String, Object> properties) {
        apply(config, properties, false);
    }

    private void apply(CatalogConfig config, Map<String, Object> properties, boolean first) {
        Object f = properties.get(FILE_PROPERTY);
        file = f != null ? f.toString()
                // activated before Config Admin delivered the configuration (seen after a kill): Karaf's file
                // is the truth all the same, and no reader may be served a module it hides meanwhile
                : karafFile != null && Files.exists(Path.of(karafFile)) ? karafFile : null;
        Set<String> next = split(config.disabledModules());
        if (file != null && withoutList()) {
            // Karaf's watcher rewrites the file in place (truncate, then write): a crash between the two leaves
            // it empty, which the watcher may read into Config Admin before or after this component starts; a
            // file that lost its list must not show every module an administrator hid
            Set<String> kept = auditedDisabled();
            next = kept;
            Logger.getLogger(Enablement.class.getName()).warning(() -> "Careleaf: " + file + " has no " + DISABLED
                    + " line (a crash while it was written?); the modules the audit trail has as disabled stay"
                    + " hidden and are written back: " + kept);
            disabled = next;
            writeFile(next);
            save(next);
        } else if (first && file != null) {
            // at a start the .cfg file is the truth: it may carry an edit made while Karaf was down, and an
            // acknowledged change is in it
            try {
                next = onDisk();
            } catch (IllegalStateException unreadable) {
                // keep what Config Admin holds
            }
        } else if (!first) {
            // Config Admin as it is now, not as this (possibly late) event carried it: an older event must not
            // undo a newer change
            try {
                next = inConfigAdmin().orElse(next);
            } catch (IllegalStateException unreadable) {
                // keep what the event carried
            }
        }
        // the echo of this component's own write finds the list it holds already; anything else is an edit
        // (audited once: a change the trail records already is not recorded again)
        if (!next.equals(disabled) || first) {
            auditExternal(disabled, next);
            disabled = next;
        }
        locales = split(config.enabledLocales());
        defaultLocale = config.defaultLocale() == null ? "en" : config.defaultLocale().trim();
        core.post(core.library().configure(disabled, locales, defaultLocale));
    }

    /** The file is there but says nothing about disabled modules (Careleaf's own always has the line). */
    private boolean withoutList() {
        ConfigFile cfg = configFile();
        try {
            return cfg != null && Files.exists(cfg.path()) && cfg.read(DISABLED).isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    /** The modules whose last audit entry says disabled. */
    private Set<String> auditedDisabled() {
        Set<String> out = new TreeSet<>();
        lastAudited.forEach((id, state) -> {
            if ("disabled".equals(state)) {
                out.add(id);
            }
        });
        return out;
    }

    /** Audits a change that did not come through this component, unless the trail already records it. */
    private void auditExternal(Set<String> before, Set<String> after) {
        Actor actor = new Actor("(configuration)", "file", file == null ? "Config Admin " + PID : file);
        for (String id : new TreeSet<>(after)) {
            if (!before.contains(id)) {
                auditOnce(actor, "disable", id, "enabled", "disabled");
            }
        }
        for (String id : new TreeSet<>(before)) {
            if (!after.contains(id)) {
                auditOnce(actor, "enable", id, "disabled", "enabled");
            }
        }
    }

    private void auditOnce(Actor actor, String action, String id, String from, String to) {
        if (to.equals(lastAudited.getOrDefault(id, "enabled"))) {
            return; // recorded already (a change interrupted by a crash after its entry was written)
        }
        record(actor, action, id, from, to);
    }

    @Override
    public synchronized AuditEntry record(Actor actor, String action, String target, String before, String after) {
        AuditEntry e = new AuditEntry(Instant.now().toString(), actor.user(), actor.channel(), actor.from(), action, target,
                before, after);
        audit.append(e);
        lastAudited.put(target, after);
        core.post("AUDIT", Map.of("action", action, "target", target, "user", actor.user()));
        return e;
    }

    @Override
    public AuditEntry setEnabled(String moduleId, boolean enabled, Actor actor) {
        Objects.requireNonNull(actor, "actor");
        changes.lock();
        try {
            Change done;
            synchronized (this) {
                done = change(moduleId, enabled, actor);
            }
            if (done == null) {
                return null;
            }
            awaitWatcher(done);
            return done.entry();
        } finally {
            changes.unlock();
        }
    }

    /**
     * A change recorded and applied: its audit entry, the disabled modules after it, and the time stamp of the
     * file as this component wrote it (null when there is no file).
     */
    private record Change(AuditEntry entry, Set<String> disabled, FileTime written) {
    }

    /** Records and applies one change; null when the module is in that state already. */
    private Change change(String moduleId, boolean enabled, Actor actor) {
        Set<String> current = onDisk();
        if (!current.equals(disabled)) {
            // an administrator edited the file and Karaf has not read it yet: keep that edit
            auditExternal(disabled, current);
            disabled = current;
        }
        boolean known = core.library().snapshot().view(null).module(moduleId).isPresent()
                || core.library().entries().stream().anyMatch(e -> e.document().id().equals(moduleId));
        if (moduleId == null || !known && !current.contains(moduleId)) {
            throw new IllegalArgumentException("no module has the id '" + moduleId + "'");
        }
        if (enabled != current.contains(moduleId)) {
            return null;
        }
        Set<String> next = new TreeSet<>(current);
        if (enabled) {
            next.remove(moduleId);
        } else {
            next.add(moduleId);
        }
        AuditEntry entry = record(actor, enabled ? "enable" : "disable", moduleId, enabled ? "disabled" : "enabled",
                enabled ? "enabled" : "disabled");
        FileTime written = writeFile(next);
        save(next);
        disabled = Set.copyOf(next);
        core.post(core.library().configure(disabled, locales, defaultLocale));
        return new Change(entry, disabled, written);
    }

    /** The disabled modules as the configuration holds them right now: its file when it has one. */
    private Set<String> onDisk() {
        ConfigFile cfg = configFile();
        if (cfg != null) {
            try {
                // a file without the list lost it (see withoutList): what the audit trail has stays hidden
                return listIn(cfg).orElseGet(this::auditedDisabled);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + cfg.path() + ": " + e.getMessage(), e);
            }
        }
        return inConfigAdmin().orElse(Set.of());
    }

    /** The disabled modules Config Admin holds now, or empty when it holds none. */
    private Optional<Set<String>> inConfigAdmin() {
        try {
            Dictionary<String, Object> props = configAdmin.getConfiguration(PID, "?").getProperties();
            Object v = props == null ? null : props.get(DISABLED);
            return v == null ? Optional.empty()
                    : Optional.of(split(v instanceof String[] a ? a : new String[] {v.toString()}));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the configuration " + PID + ": " + e.getMessage(), e);
        }
    }

    /**
     * Persists the disabled list in Config Admin, with the file's other settings as they are now (a hand
     * edit the watcher has not read yet is kept); called right after the file got the list.
     */
    private void save(Set<String> next) {
        String value = String.join(",", next);
        ConfigFile cfg = configFile();
        try {
            Configuration c = configAdmin.getConfiguration(PID, "?");
            Dictionary<String, Object> held = c.getProperties(); // a private copy, as Config Admin hands out every time
            Dictionary<String, Object> props = held == null ? new Hashtable<>() : held;
            if (cfg != null) {
                for (String key : List.of("defaultLocale", "enabledLocales")) {
                    cfg.read(key).ifPresent(v -> props.put(key, v));
                }
            }
            props.put(DISABLED, value);
            c.update(props);
        } catch (IOException e) {
            throw new IllegalStateException("cannot save the configuration " + PID + ": " + e.getMessage(), e);
        }
    }

    /** Writes the list into the file, keeping its other lines; returns the file's time stamp after the write. */
    private FileTime writeFile(Set<String> next) {
        ConfigFile cfg = configFile();
        if (cfg == null) {
            return null;
        }
        try {
            cfg.write(DISABLED, String.join(",", next));
            return Files.getLastModifiedTime(cfg.path());
        } catch (IOException e) {
            throw new IllegalStateException("cannot save " + cfg.path() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Returns once Karaf's watcher has written the file again after this change (from Config Admin holding it:
     * the watcher handles updates one at a time, so no older one can follow) and the file holds the list, as a
     * rule within milliseconds. A watcher told not to write back never does; one that has not within a few
     * seconds is not waited for longer, and the file is written again if an older copy landed over it.
     */
    private void awaitWatcher(Change done) {
        ConfigFile cfg = configFile();
        if (cfg == null || done.written() == null) {
            return;
        }
        long deadline = System.nanoTime() + (writesBack ? WATCHER_WRITE.toNanos() : 0);
        try {
            while (System.nanoTime() < deadline) {
                // the watcher truncates and rewrites the file in place: a line that is there is a whole write
                if (!done.written().equals(Files.getLastModifiedTime(cfg.path()))
                        && listIn(cfg).filter(done.disabled()::equals).isPresent()) {
                    return;
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
            }
            if (listIn(cfg).filter(done.disabled()::equals).isEmpty()) {
                writeFile(done.disabled());
            }
            if (writesBack) {
                Logger.getLogger(Enablement.class.getName()).warning(() -> "Careleaf: Karaf's watcher of etc/ did"
                        + " not write " + cfg.path() + " within " + WATCHER_WRITE.toMillis() + " ms of a change;"
                        + " the file holds the change");
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot save " + cfg.path() + ": " + e.getMessage(), e);
        }
    }

    /** The disabled modules the file lists now, or empty when it has no such line. */
    private static Optional<Set<String>> listIn(ConfigFile cfg) throws IOException {
        return cfg.read(DISABLED).map(v -> split(new String[] {v}));
    }

    private ConfigFile configFile() {
        String f = file;
        if (f == null) {
            return null;
        }
        try {
            return new ConfigFile(f.startsWith("file:") ? Path.of(URI.create(f)) : Path.of(f));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public List<ModuleStatus> modules() {
        List<Problem> problems = core.library().snapshot().view(null).problems();
        return core.library().entries().stream().map(e -> status(e, problems)).toList();
    }

    private static ModuleStatus status(Library.ModuleEntryInfo e, List<Problem> problems) {
        String id = e.document().id();
        boolean stale = e.completeness().values().stream().anyMatch(c -> c.stale() > 0);
        ModuleState state = !e.enabled() ? ModuleState.DISABLED : !e.served() ? ModuleState.UNAPPROVED
                : e.heldVersion() != null ? ModuleState.HELD : e.lastGood() ? ModuleState.REFUSED
                : stale ? ModuleState.STALE : ModuleState.ENABLED;
        List<String> translated = e.completeness().values().stream().filter(c -> c.translated() > 0)
                .map(Completeness::locale).sorted().toList();
        List<String> mine = problems.stream().filter(p -> id.equals(p.moduleId())).map(Problem::describe).toList();
        return new ModuleStatus(id, e.document().version(), e.document().title(), e.enabled(), state, e.bundle(),
                translated, e.readability(), mine);
    }

    @Override
    public List<AuditEntry> audit(int limit) {
        return audit.newest(Math.max(0, limit));
    }

    /** Lines of the audit trail that a crash tore, for health and the admin page. */
    public int tornAuditLines() {
        return audit.tornLines();
    }

    @Override
    public ValidationReport validate(String name, byte[] bytes) {
        return BundleValidator.validate(name, bytes);
    }

    static Set<String> split(String[] values) {
        Set<String> out = new LinkedHashSet<>();
        if (values != null) {
            Arrays.stream(values).flatMap(v -> Arrays.stream(v.split(","))).map(String::trim)
                    .filter(s -> !s.isEmpty()).forEach(out::add);
        }
        return out;
    }
}
