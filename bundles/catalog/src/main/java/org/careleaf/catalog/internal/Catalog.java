package org.careleaf.catalog.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.careleaf.catalog.internal.extender.ContentExtender;
import org.careleaf.catalog.internal.library.Candidate;
import org.careleaf.catalog.internal.library.Library;
import org.careleaf.model.CatalogView;
import org.careleaf.model.EducationCatalog;
import org.careleaf.model.EducationModule;
import org.careleaf.model.ModuleTranslation;
import org.careleaf.model.ViewerTranslation;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/**
 * The {@link EducationCatalog}: gathers every {@link EducationModule}, {@link ModuleTranslation} and
 * {@link ViewerTranslation} service a host registers itself into the {@link Library} (the extender hands
 * in the documents of data bundles directly), and answers hosts from its current snapshot. A service
 * whose bundle stops only to restart (an update or a refresh) keeps being served until the bundle offers
 * its documents again, for at most {@value #RESTART_GRACE_SECONDS} seconds.
 */
@Component(service = {EducationCatalog.class, CatalogCore.class}, immediate = true)
public class Catalog implements EducationCatalog, CatalogCore {

    static final long RESTART_GRACE_SECONDS = 30;

    private final Library library = new Library();
    private volatile EventAdmin events;
    private ScheduledExecutorService expiry;

    @Activate
    void activate() {
        expiry = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "careleaf-catalog-restart-grace");
            t.setDaemon(true);
            return t;
        });
        expiry.scheduleWithFixedDelay(() -> {
            if (library.hasDeparting()) {
                post(library.expire(System.nanoTime() - TimeUnit.SECONDS.toNanos(RESTART_GRACE_SECONDS)));
            }
        }, 1, 1, TimeUnit.SECONDS);
    }

    @Deactivate
    void deactivate() {
        expiry.shutdownNow();
    }

    @Override
    public CatalogView view(String languages) {
        return library.snapshot().view(languages);
    }

    @Override
    public Library library() {
        return library;
    }

    // ---- the services on offer

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, target = ContentExtender.NOT_EXTENDED)
    void bindModule(ServiceReference<EducationModule> ref, EducationModule module) {
        if (module.document() != null) {
            post(library.addModule(candidate(ref, module.document(), module.figures())));
        }
    }

    void unbindModule(ServiceReference<EducationModule> ref) {
        post(library.removeModule(serviceId(ref), ContentExtender.restarting(ref.getBundle()), System.nanoTime()));
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, target = ContentExtender.NOT_EXTENDED)
    void bindTranslation(ServiceReference<ModuleTranslation> ref, ModuleTranslation translation) {
        if (translation.document() != null) {
            post(library.addTranslation(candidate(ref, translation.document(), null)));
        }
    }

    void unbindTranslation(ServiceReference<ModuleTranslation> ref) {
        post(library.removeTranslation(serviceId(ref), ContentExtender.restarting(ref.getBundle()), System.nanoTime()));
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, target = ContentExtender.NOT_EXTENDED)
    void bindViewerTranslation(ServiceReference<ViewerTranslation> ref, ViewerTranslation text) {
        if (text.text() != null) {
            post(library.addViewerText(candidate(ref, text.text(), null)));
        }
    }

    void unbindViewerTranslation(ServiceReference<ViewerTranslation> ref) {
        post(library.removeViewerText(serviceId(ref), ContentExtender.restarting(ref.getBundle()), System.nanoTime()));
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

    private static <D> Candidate<D> candidate(ServiceReference<?> ref, D document, Map<String, String> figures) {
        Bundle b = ref.getBundle();
        return new Candidate<>(serviceId(ref), b == null ? -1 : b.getBundleId(),
                b == null ? "(gone)" : b.getSymbolicName() + "/" + b.getVersion(), document,
                Boolean.TRUE.equals(ref.getProperty(ContentExtender.LAST_GOOD)), figures);
    }

    private static long serviceId(ServiceReference<?> ref) {
        return (Long) ref.getProperty(Constants.SERVICE_ID);
    }

    // ---- events

    @Override
    public void post(List<Library.Change> changes) {
        EventAdmin ea = events;
        if (ea == null) {
            return;
        }
        for (Library.Change c : changes) {
            Map<String, Object> props = new HashMap<>(c.properties());
            props.computeIfPresent("revision", (k, v) -> Long.valueOf(v.toString()));
            ea.postEvent(new Event(TOPIC_PREFIX + c.kind(), props));
        }
    }

    @Override
    public void post(String kind, Map<String, String> properties) {
        EventAdmin ea = events;
        if (ea != null) {
            Map<String, Object> props = new HashMap<>(properties);
            props.put("revision", library.snapshot().revision());
            ea.postEvent(new Event(TOPIC_PREFIX + kind, props));
        }
    }
}
