package org.careleaf.cdshooks.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cards issued lately, by uuid, so that feedback (which names only the card) can be counted against
 * its module. A card's uuid is a hash of the hook call and module, so nothing here is patient data. At
 * most {@code capacity} are kept, oldest forgotten first; feedback on a forgotten card is counted as
 * unattributed. Each card's outcome is counted once, however often the client reports it.
 */
final class IssuedCards {

    /** What a feedback item refers to: the module, or null for a card not (or no longer) known. */
    record Claim(String moduleId, boolean first) {
    }

    private static final class Entry {
        final String serviceId;
        final String moduleId;
        boolean accepted;
        boolean overridden;

        Entry(String serviceId, String moduleId) {
            this.serviceId = serviceId;
            this.moduleId = moduleId;
        }
    }

    private final Map<String, Entry> cards;

    IssuedCards(int capacity) {
        this.cards = new LinkedHashMap<>(1024, 0.75f, false) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized void remember(String serviceId, List<Cards.Issued> issued) {
        for (Cards.Issued i : issued) {
            cards.putIfAbsent(i.card(), new Entry(serviceId, i.moduleId()));
        }
    }

    /**
     * The module of a card this service issued, and whether this is the first time this outcome is
     * reported for it. An unknown card gives a null module, and counts every time.
     */
    synchronized Claim claim(String serviceId, String card, boolean accepted) {
        Entry e = cards.get(card);
        if (e == null || !e.serviceId.equals(serviceId)) {
            return new Claim(null, true);
        }
        boolean first = accepted ? !e.accepted : !e.overridden;
        if (accepted) {
            e.accepted = true;
        } else {
            e.overridden = true;
        }
        return new Claim(e.moduleId, first);
    }

    synchronized int size() {
        return cards.size();
    }
}
