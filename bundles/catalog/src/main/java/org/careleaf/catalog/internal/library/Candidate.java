package org.careleaf.catalog.internal.library;

import java.util.Map;
import java.util.function.Function;

/**
 * One service offering a document: a module, a translation or viewer strings. Compared by identity: two
 * services offering the same text are two candidates.
 */
public final class Candidate<D> {

    private final long serviceId;
    private final long bundleId;
    private final String bundle;
    private final D document;
    private final boolean lastGood;
    private final Map<String, String> figures;
    private volatile String contentHash;

    /**
     * @param serviceId the service's id: lower is registered earlier
     * @param bundleId the id of the bundle that offers it (for swaps: a bundle's new documents replace its old ones)
     * @param bundle symbolic name and version of that bundle, for messages
     * @param lastGood true when this is a kept copy (last good, or approved) standing in for what is offered
     * @param figures modules only: SVG text by {@code src}
     */
    public Candidate(long serviceId, long bundleId, String bundle, D document, boolean lastGood,
            Map<String, String> figures) {
        this.serviceId = serviceId;
        this.bundleId = bundleId;
        this.bundle = bundle;
        this.document = document;
        this.lastGood = lastGood;
        this.figures = figures == null ? Map.of() : Map.copyOf(figures);
    }

    public long serviceId() {
        return serviceId;
    }

    public long bundleId() {
        return bundleId;
    }

    public String bundle() {
        return bundle;
    }

    public D document() {
        return document;
    }

    public boolean lastGood() {
        return lastGood;
    }

    public Map<String, String> figures() {
        return figures;
    }

    /** The content hash, computed by {@code compute} the first time it is asked for. */
    String contentHash(Function<Candidate<D>, String> compute) {
        String h = contentHash;
        if (h == null) {
            h = compute.apply(this);
            contentHash = h;
        }
        return h;
    }

    @Override
    public String toString() {
        return "Candidate[" + bundle + " #" + serviceId + (lastGood ? ", kept copy" : "") + "]";
    }
}
