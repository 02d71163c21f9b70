package org.careleaf.catalog.internal.library;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The services offering one kind of document, grouped by what they offer (a module id, a module and
 * language, a language). A service whose bundle stops only to restart (an update or a refresh) is kept
 * as departing until that bundle offers its documents again, so readers never see the gap of a swap.
 * Not thread-safe: the {@link Library} guards it.
 */
final class Registry<D> {

    private final Function<D, String> keyOf;
    private final Map<Long, Candidate<D>> byService = new HashMap<>();
    private final Map<String, List<Candidate<D>>> byKey = new HashMap<>();
    /** Departing service id → when it started departing (nanoTime). */
    private final Map<Long, Long> departing = new HashMap<>();

    Registry(Function<D, String> keyOf) {
        this.keyOf = keyOf;
    }

    /** Adds a service; a departing one of the same bundle with the same key gives way to it. */
    Set<String> add(Candidate<D> c) {
        String key = keyOf.apply(c.document());
        Set<String> changed = new LinkedHashSet<>();
        changed.add(key);
        List<Candidate<D>> list = byKey.computeIfAbsent(key, k -> new ArrayList<>(2));
        for (Iterator<Candidate<D>> it = list.iterator(); it.hasNext(); ) {
            Candidate<D> old = it.next();
            if (old.bundleId() == c.bundleId() && departing.remove(old.serviceId()) != null) {
                it.remove();
                byService.remove(old.serviceId());
            }
        }
        list.add(c);
        byService.put(c.serviceId(), c);
        return changed;
    }

    /**
     * A service went away. When its bundle is only restarting, it stays as departing and nothing changes
     * for readers; otherwise it is gone and its key is returned to be chosen anew.
     */
    Set<String> remove(long serviceId, boolean restarting, long now) {
        Candidate<D> c = byService.get(serviceId);
        if (c == null) {
            return Set.of();
        }
        if (restarting) {
            departing.putIfAbsent(serviceId, now);
            return Set.of();
        }
        return drop(c);
    }

    /** The bundle has offered all its documents again: what it no longer offers goes. */
    Set<String> settle(long bundleId) {
        Set<String> changed = new LinkedHashSet<>();
        for (Long id : List.copyOf(departing.keySet())) {
            Candidate<D> c = byService.get(id);
            if (c != null && c.bundleId() == bundleId) {
                changed.addAll(drop(c));
            }
        }
        return changed;
    }

    /** Departing services whose bundle did not come back within the grace time go. */
    Set<String> expire(long departedBefore) {
        Set<String> changed = new LinkedHashSet<>();
        for (Map.Entry<Long, Long> e : List.copyOf(departing.entrySet())) {
            if (e.getValue() - departedBefore < 0) {
                Candidate<D> c = byService.get(e.getKey());
                if (c != null) {
                    changed.addAll(drop(c));
                }
            }
        }
        return changed;
    }

    boolean hasDeparting() {
        return !departing.isEmpty();
    }

    private Set<String> drop(Candidate<D> c) {
        departing.remove(c.serviceId());
        byService.remove(c.serviceId());
        String key = keyOf.apply(c.document());
        List<Candidate<D>> list = byKey.get(key);
        if (list != null) {
            list.removeIf(x -> x.serviceId() == c.serviceId());
            if (list.isEmpty()) {
                byKey.remove(key);
            }
        }
        return Set.of(key);
    }

    List<Candidate<D>> candidates(String key) {
        List<Candidate<D>> list = byKey.get(key);
        return list == null ? List.of() : list;
    }

    Set<String> keys() {
        return byKey.keySet();
    }
}
