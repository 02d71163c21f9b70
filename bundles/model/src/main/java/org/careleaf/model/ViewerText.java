package org.careleaf.model;

import java.util.Map;

/**
 * The viewer's and the API's human-readable strings in one language, as a localisation bundle ships
 * them ({@code ui.<lang>.json}). Keys are stable ({@code nav.back}); values may hold {@code {0}}
 * placeholders.
 *
 * @param status {@link TranslationStatus#MACHINE_ASSISTED}, {@link TranslationStatus#REVIEWED}, or
 *        {@link TranslationStatus#SOURCE} for the strings as written
 */
public record ViewerText(int schemaVersion, String locale, TranslationStatus status, String note,
        Map<String, String> strings) {

    public ViewerText {
        strings = Map.copyOf(strings);
    }
}
