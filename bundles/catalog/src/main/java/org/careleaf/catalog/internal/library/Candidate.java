package org.careleaf.catalog.internal.library;

import java.util.Map;

/**
 * One service offering a document: a module, a translation or viewer strings.
 *
 * @param serviceId the service's id: lower is registered earlier
 * @param bundleId the id of the bundle that offers it (for swaps: a bundle's new documents replace its old ones)
 * @param bundle symbolic name and version of that bundle, for messages
 * @param lastGood true when this is a kept last good copy standing in for a refused update
 * @param figures modules only: SVG text by {@code src}
 */
public record Candidate<D>(long serviceId, long bundleId, String bundle, D document, boolean lastGood,
        Map<String, String> figures) {

    public Candidate {
        figures = figures == null ? Map.of() : Map.copyOf(figures);
    }
}
