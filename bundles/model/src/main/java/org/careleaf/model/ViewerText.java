package org.careleaf.model;

import java.util.Map;

/**
 * The viewer's and the API's human-readable strings in one language, as a localisation bundle ships
 * them ({@code ui.<lang>.json}). Keys are stable ({@code nav.back}); values may hold {@code {0}}
 * placeholders.
 *
 * @param status {@code machine-assisted} or {@code reviewed}
 */
public record ViewerText(int schemaVersion, String locale, String status, String note, Map<String, String> strings) {

    public ViewerText {
        strings = Map.copyOf(strings);
    }
}
